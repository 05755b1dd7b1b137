from __future__ import annotations

import json

from mosaic.exchange.geo import export_geojson
from mosaic.exchange.snapshot import Snapshot


def test_geo_events_are_points_with_their_properties_and_sources(snapshot: Snapshot) -> None:
    collection = json.loads(export_geojson(snapshot))
    assert collection["type"] == "FeatureCollection"
    karachi = collection["features"][0]
    assert karachi["geometry"] == {"type": "Point", "coordinates": [67.01, 24.86]}
    assert karachi["properties"]["killed"] == 28
    assert karachi["properties"]["perpetrators"] == [
        "Tehrik-i-Taliban Pakistan",
        "Islamic Movement of Uzbekistan",
    ]
    titles = {s["title"] for s in karachi["properties"]["sources"]}
    assert titles == {"Militants storm Karachi airport"}


def test_geo_event_without_coordinates_has_null_geometry(snapshot: Snapshot) -> None:
    snapshot.entities["karachi"].latitude = None
    assert json.loads(export_geojson(snapshot))["features"][0]["geometry"] is None
