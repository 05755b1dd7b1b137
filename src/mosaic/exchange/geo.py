"""GeoJSON of a snapshot's events: a point at each placed event, its fields as properties.

QGIS, Leaflet and kepler.gl read it. An event with no coordinates has a null geometry
(valid GeoJSON, kept so that counts match the other formats). Each feature lists its
sources with the evidence sentences and whom they quote.
"""

from __future__ import annotations

import json
from typing import Any

from mosaic.exchange.snapshot import Snapshot
from mosaic.model import Event


def export_geojson(snapshot: Snapshot) -> str:
    features = [_feature(snapshot, event) for event in snapshot.events]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, indent=2, ensure_ascii=False)


def _feature(snapshot: Snapshot, event: Event) -> dict[str, Any]:
    place = snapshot.entity(event.place_id)
    located = place is not None and place.latitude is not None and place.longitude is not None
    geometry = (
        {"type": "Point", "coordinates": [place.longitude, place.latitude]}
        if place is not None and located
        else None
    )
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry,
        "properties": {
            "type": event.type.value,
            "attack_type": event.attack_type.value if event.attack_type else None,
            "date": event.date.iso() if event.date else None,
            "date_end": event.date_end.iso() if event.date_end else None,
            "country": event.country,
            "place": place.name if place else None,
            "place_id": event.place_id,
            "perpetrators": snapshot.names(event.perpetrators),
            "perpetrator_ids": list(event.perpetrators),
            "perpetrator_status": event.perpetrator_status,
            "targets": list(event.targets),
            "killed": event.killed.to_format() if event.killed else None,
            "wounded": event.wounded.to_format() if event.wounded else None,
            "tlp": event.marking.tlp.value,
            "sources": _sources(snapshot, event),
        },
    }


def _sources(snapshot: Snapshot, event: Event) -> list[dict[str, Any]]:
    return [
        {
            "prop": c.statement.prop,
            "value": c.value,
            "sentence": c.statement.sentence,
            "quoted": c.statement.attributed_to,
            "title": c.report.title if c.report else None,
            "url": c.report.url if c.report else None,
            "publisher": c.report.publisher if c.report else None,
            "published": c.report.published.isoformat()
            if c.report and c.report.published
            else None,
        }
        for c in snapshot.cited(event.id)
    ]
