from __future__ import annotations

import json
from typing import Any

from mosaic.exchange.ftm import export_ftm, validation_errors
from mosaic.exchange.snapshot import Snapshot


def _lines(snapshot: Snapshot) -> list[dict[str, Any]]:
    return [json.loads(line) for line in export_ftm(snapshot).splitlines()]


def test_ftm_every_entity_is_valid_under_the_model(snapshot: Snapshot) -> None:
    lines = _lines(snapshot)
    assert {line["schema"] for line in lines} >= {
        "Organization", "Person", "Address", "Event", "Article", "Documentation",
        "Membership", "UnknownLink",
    }  # fmt: skip
    assert [validation_errors(line) for line in lines] == [None] * len(lines)


def test_ftm_validation_finds_a_broken_entity() -> None:
    broken = {"id": "x", "schema": "Membership", "properties": {"role": ["member_of"]}}
    assert validation_errors(broken) is not None


def test_ftm_relation_has_dates_and_sources(snapshot: Snapshot) -> None:
    alliance = next(x for x in _lines(snapshot) if x["properties"].get("role") == ["alliance"])
    assert alliance["properties"]["startDate"] == ["2009"]
    assert alliance["properties"]["endDate"] == ["2014-10"]
    assert len(alliance["properties"]["proof"]) == 2


def test_ftm_event_keeps_its_toll_and_documentation(snapshot: Snapshot) -> None:
    lines = _lines(snapshot)
    wagah = next(x for x in lines if x["id"] == "mosaic-event-ev-wagah")
    assert "killed: 55" in wagah["properties"]["notes"]
    documented = [x for x in lines if x["schema"] == "Documentation"]
    sentences = [d["properties"]["summary"][0] for d in documented]
    assert "Police said 60 people died in the Wagah bombing of 2 November 2014." in sentences


def test_ftm_validation_finds_a_bad_value() -> None:
    broken = {"id": "x", "schema": "Event", "properties": {"date": ["not a date"]}}
    assert validation_errors(broken) is not None


def test_ftm_references_point_at_exported_entities(snapshot: Snapshot) -> None:
    lines = _lines(snapshot)
    ids = {line["id"] for line in lines}
    refs = ("member", "organization", "subject", "object", "organizer", "document", "entity")
    pointed = {v for x in lines for p in refs for v in x["properties"].get(p, [])}
    assert pointed and pointed <= ids


def test_ftm_ids_with_colons_still_join(snapshot: Snapshot) -> None:
    snapshot.entities["org:ttp"] = snapshot.entities.pop("ttp")
    snapshot.entities["org:ttp"].id = "org:ttp"
    snapshot.relations = [r for r in snapshot.relations if r.object_id == "ttp"]
    for relation in snapshot.relations:
        relation.object_id = "org:ttp"
    lines = _lines(snapshot)
    assert [e for line in lines if (e := validation_errors(line))] == []
    links = [x for x in lines if x["schema"] == "UnknownLink"]
    assert links and all(x["properties"]["object"] for x in links)
