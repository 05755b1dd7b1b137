"""A bundle Mosaic did not write, built with the stix2 library's own objects."""

from __future__ import annotations

from pathlib import Path

import pytest
import stix2

from mosaic.errors import InputError
from mosaic.exchange.importing import write_batch
from mosaic.exchange.stix_import import read_stix
from mosaic.model import EntityKind, EventType, RelationType, SubjectKind, Tlp
from mosaic.store.ports import EventQuery
from support.memory import MemoryRepository


def _foreign_bundle() -> str:
    group = stix2.IntrusionSet(name="Lashkar-e-Jhangvi", aliases=["LeJ"])
    parent = stix2.ThreatActor(name="Sipah-e-Sahaba Pakistan", threat_actor_types=["terrorist"])
    leader = stix2.Identity(name="Malik Ishaq", identity_class="individual")
    place = stix2.Location(name="Quetta", country="PK", latitude=30.18, longitude=66.99)
    incident = stix2.Incident(name="Bombing in Quetta", object_marking_refs=[stix2.TLP_AMBER])
    report = stix2.Report(
        name="Quetta blast kills dozens",
        published="2013-01-11T00:00:00Z",
        object_refs=[incident.id],
        external_references=[{"source_name": "Daily Example", "url": "https://example.org/q"}],
    )
    return str(
        stix2.Bundle(
            group, parent, leader, place, incident, report,
            stix2.Relationship(incident, "attributed-to", group),
            stix2.Relationship(incident, "located-at", place),
            stix2.Relationship(group, "attributed-to", parent),
            stix2.Relationship(leader, "leader-of", group, start_time="2012-01-01T00:00:00Z"),
            stix2.Note(content="LeJ claimed the blast.", object_refs=[incident.id, report.id]),
            stix2.TLP_AMBER,
        ).serialize()
    )  # fmt: skip


def test_stix_import_reads_a_foreign_bundle() -> None:
    batch = read_stix(_foreign_bundle(), "foreign.json")
    kinds = sorted((e.name, e.kind) for e in batch.entities.values())
    assert ("Malik Ishaq", EntityKind.PERSON) in kinds
    assert ("Quetta", EntityKind.PLACE) in kinds
    [event] = batch.events.values()
    assert event.type is EventType.ATTACK
    assert event.marking.tlp is Tlp.AMBER
    assert [batch.entities[p].name for p in event.perpetrators] == ["Lashkar-e-Jhangvi"]
    assert batch.entities[event.place_id or ""].latitude == 30.18
    types = {r.type for r in batch.relations.values()}
    assert types == {RelationType.AFFILIATE_OF, RelationType.LEADER_OF}


def test_stix_import_writes_statements_sourced_to_the_report_and_the_file(
    tmp_path: Path,
) -> None:
    repo = MemoryRepository()
    text = _foreign_bundle()
    result = write_batch(repo, read_stix(text, "x"), tmp_path / "foreign.json", text)
    [event] = repo.find_events(EventQuery())
    statements = repo.statements_about(SubjectKind.EVENT, event.id)
    reports = [repo.get_report(s.report_id) for s in statements]
    assert {r.title for r in reports if r} == {"Quetta blast kills dozens"}
    assert [s.sentence for s in statements] == ["LeJ claimed the blast."]
    assert all(s.extractor == "imported.stix.v1" for s in statements)
    file_report = repo.get_report(result.report_id)
    assert file_report is not None and file_report.title == "Imported stix file foreign.json"
    assert len(repo.list_relations()) == 2
    again = write_batch(repo, read_stix(text, "x"), tmp_path / "foreign.json", text)
    assert again.already


def test_stix_import_refuses_what_is_no_bundle() -> None:
    with pytest.raises(InputError, match="not a STIX bundle"):
        read_stix('{"type": "indicator"}', "x.json")
