from __future__ import annotations

import json

import pytest

from mosaic.errors import InputError
from mosaic.exchange.geo_import import read_geojson
from mosaic.model import Count, EventType


def test_geo_import_reads_a_point_with_few_properties() -> None:
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [66.99, 30.18]},
        "properties": {"name": "Quetta", "date": "2016-08", "killed": [70, 75]},
    }
    batch = read_geojson(json.dumps({"type": "FeatureCollection", "features": [feature]}), "x")
    [event] = batch.events.values()
    assert (event.type, event.killed) == (EventType.ATTACK, Count(70, 75))
    assert event.date is not None and event.date.iso() == "2016-08"
    place = batch.entities[event.place_id or ""]
    assert (place.name, place.latitude, place.longitude) == ("Quetta", 30.18, 66.99)


def test_geo_import_refuses_what_is_no_collection() -> None:
    with pytest.raises(InputError, match="FeatureCollection"):
        read_geojson('{"type": "Feature"}', "x.geojson")
