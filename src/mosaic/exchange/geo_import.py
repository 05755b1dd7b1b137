"""Read GeoJSON events: each Point feature with Mosaic's properties (or a few common ones).

A feature is an event: `type`, `attack_type`, `date`, `country`, `place`, `perpetrators`,
`targets`, `killed`, `wounded` and `tlp` as Mosaic writes them; another producer's
feature needs at least a `date` or a `name`, and its point becomes the place. Each of
`sources` (title, url, publisher, published, sentence, quoted, prop, value) is a
statement from that source.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mosaic.errors import InputError
from mosaic.exchange.importing import ClaimDraft, ImportBatch, SourceDraft, tlp_named
from mosaic.model import (
    AttackType,
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    PerpetratorStatus,
    SubjectKind,
)


def read_geojson(text: str, source: str) -> ImportBatch:
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not JSON: {error.msg}", error.lineno) from error
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise InputError(source, "not a GeoJSON FeatureCollection")
    batch = ImportBatch("geojson")
    for number, feature in enumerate(collection.get("features", [])):
        try:
            _feature(batch, feature, str(feature.get("id") or number))
        except (ValueError, TypeError, KeyError) as error:
            raise InputError(source, f"feature {number}: {error}") from error
    return batch


def _feature(batch: ImportBatch, feature: dict[str, Any], key: str) -> None:
    props: dict[str, Any] = feature.get("properties") or {}
    event = Event(
        key,
        EventType(props.get("type") or "attack"),
        AttackType(props["attack_type"]) if props.get("attack_type") else None,
        FuzzyDate.parse(props["date"]) if props.get("date") else None,
        FuzzyDate.parse(props["date_end"]) if props.get("date_end") else None,
        props.get("country"),
        _place(batch, feature, props),
        tuple(_actor(batch, name) for name in props.get("perpetrators") or []),
        PerpetratorStatus(props["perpetrator_status"]) if props.get("perpetrator_status") else None,
        tuple(props.get("targets") or ()),
        Count.from_format(props["killed"]) if props.get("killed") is not None else None,
        Count.from_format(props["wounded"]) if props.get("wounded") is not None else None,
        Marking(tlp=tlp_named(props.get("tlp"))),
    )
    batch.events[key] = event
    for cited in props.get("sources") or []:
        _claim(batch, key, event, cited)


def _place(batch: ImportBatch, feature: dict[str, Any], props: dict[str, Any]) -> str | None:
    geometry = feature.get("geometry") or {}
    point = geometry.get("coordinates") if geometry.get("type") == "Point" else None
    name = props.get("place") or props.get("name")
    if not name:
        return None
    key = f"place:{props.get('place_id') or name}"
    batch.entities.setdefault(
        key,
        Entity(
            key,
            EntityKind.PLACE,
            name,
            country=props.get("country"),
            latitude=point[1] if point else None,
            longitude=point[0] if point else None,
        ),
    )
    return key


def _actor(batch: ImportBatch, name: str) -> str:
    key = f"actor:{name}"
    batch.entities.setdefault(key, Entity(key, EntityKind.ORGANIZATION, name))
    return key


def _claim(batch: ImportBatch, key: str, event: Event, cited: dict[str, Any]) -> None:
    source = json.dumps([cited.get(k) for k in ("title", "url", "publisher", "published")])
    published = cited.get("published")
    batch.sources.setdefault(
        source,
        SourceDraft(
            cited.get("title"),
            cited.get("url"),
            cited.get("publisher"),
            dt.date.fromisoformat(published) if published else None,
        ),
    )
    batch.claims.append(
        ClaimDraft(
            SubjectKind.EVENT,
            key,
            cited.get("prop") or "exists",
            cited.get("value", event.type.value),
            source,
            cited.get("sentence") or "",
            cited.get("quoted"),
        )
    )
