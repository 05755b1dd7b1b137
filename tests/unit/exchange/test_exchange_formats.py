from __future__ import annotations

import pytest

from mosaic.errors import InputError
from mosaic.exchange.formats import EXPORT_FORMATS, export_format
from mosaic.exchange.imports import IMPORT_FORMATS, guess_format
from support.cli import ROOT


def test_formats_every_one_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in {*EXPORT_FORMATS, *IMPORT_FORMATS}:
        assert f"`{name}`" in readme, name


def test_formats_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(InputError, match="csv-gtd"):
        export_format("xlsx")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('{"type": "bundle", "id": "bundle--1", "objects": []}', "stix"),
        ('{"response": [{"Event": {"info": "x"}}]}', "misp"),
        ('{"id": "a", "schema": "Person", "properties": {}}\n', "ftm"),
        ("eventid,iyear,imonth\n", "csv-gtd"),
        ("event_id_cnty,event_date,event_type\n", "csv-acled"),
        ("ActorId,NameData\n", "ucdp"),
        ('<?xml version="1.0"?><CONSOLIDATED_LIST>', "un-sc"),
        ('{"type": "FeatureCollection", "features": []}', "geojson"),
        ('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">', "graphml"),
        ('<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3">', "gexf"),
    ],
)
def test_formats_guess_from_content(head: str, expected: str) -> None:
    assert guess_format(head, "file") == expected
