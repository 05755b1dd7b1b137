from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import stix2validator

from mosaic.exchange.snapshot import Snapshot
from mosaic.exchange.stix import export_stix
from mosaic.exchange.stix_ids import AMBER_STRICT_ID, EXTENSION_ID
from mosaic.model import Marking, Tlp


def _objects(snapshot: Snapshot) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = json.loads(export_stix(snapshot))["objects"]
    return objects


def test_stix_bundle_is_valid_under_the_reference_validator(snapshot: Snapshot) -> None:
    results = stix2validator.validate_string(export_stix(snapshot))
    assert results.is_valid, [str(error) for error in results.errors]


def test_stix_incident_carries_toll_and_type_in_the_extension(snapshot: Snapshot) -> None:
    incidents = [o for o in _objects(snapshot) if o["type"] == "incident"]
    wagah = next(o for o in incidents if "Wagah" in o["name"])
    fields = wagah["extensions"][EXTENSION_ID]
    assert fields["attack_type"] == "suicide_bombing"
    assert (fields["killed_min"], fields["killed_max"], fields["date"]) == (55, 55, "2014-11-02")


def test_stix_every_object_but_markings_is_marked(snapshot: Snapshot) -> None:
    objects = _objects(snapshot)
    unmarked = [o["id"] for o in objects if o["type"] != "marking-definition"]
    assert all(o.get("object_marking_refs") for o in objects if o["id"] in unmarked)


def test_stix_relationship_has_start_and_stop_time(snapshot: Snapshot) -> None:
    relations = [o for o in _objects(snapshot) if o.get("relationship_type") == "alliance"]
    assert relations[0]["start_time"] == "2009-01-01T00:00:00Z"
    assert relations[0]["stop_time"] == "2014-10-31T23:59:59Z"
    assert relations[0]["extensions"][EXTENSION_ID]["end"] == "2014-10"


def test_stix_notes_quote_the_sentence_and_cite_the_report(snapshot: Snapshot) -> None:
    objects = _objects(snapshot)
    reports = {o["id"]: o for o in objects if o["type"] == "report"}
    notes = [o for o in objects if o["type"] == "note" and "60 people died" in o["content"]]
    assert notes and notes[0]["extensions"][EXTENSION_ID]["value"] == "60"
    cited = [reports[ref]["name"] for ref in notes[0]["object_refs"] if ref in reports]
    assert cited == ["Wagah toll rises"]


def test_stix_amber_strict_is_amber_plus_a_statement(snapshot: Snapshot) -> None:
    snapshot.events[0] = replace(snapshot.events[0], marking=Marking(tlp=Tlp.AMBER_STRICT))
    incident = next(o for o in _objects(snapshot) if o["type"] == "incident")
    assert AMBER_STRICT_ID in incident["object_marking_refs"]
    assert stix2validator.validate_string(export_stix(snapshot)).is_valid
