"""New actors (mosaic.services.records): a group first seen in a report is stated as new,
once, so that the review queue shows it; people are not."""

from __future__ import annotations

import json

from mosaic.model import (
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    Mention,
    Report,
    ReportExtraction,
    SubjectKind,
)
from mosaic.services.ingest import store_report
from mosaic.services.records import NEW_ACTOR_PROP
from support.memory import MemoryRepository

ZULU = EntityRef("Zulu Brigade", EntityKind.ORGANIZATION)
ODE = EntityRef("Tom Ode", EntityKind.PERSON)
KNOWN = EntityRef("Alpha Front", EntityKind.ORGANIZATION, key="org:alpha")


def _store(repo: MemoryRepository, text: str, *refs: EntityRef, perpetrators: bool = False) -> str:
    report = Report(text=text)
    mentions = [
        (Mention(report.id, text.index(ref.name), text.index(ref.name) + len(ref.name),
                 ref.name, "ORG", 0, len(text)), ref)
        for ref in refs
    ]  # fmt: skip
    finding = EventFinding(
        EventType.ATTACK, Evidence(0, len(text), text), "test.v1",
        perpetrators=refs if perpetrators else (),
    )  # fmt: skip
    extraction = ReportExtraction(
        report.id, "test.v1", mentions=[] if perpetrators else mentions, events=[finding]
    )
    store_report(repo, report, extraction)
    return report.id


def _new_statements(repo: MemoryRepository, entity_id: str) -> list[dict[str, str]]:
    found = repo.statements_about(SubjectKind.ENTITY, entity_id)
    return [json.loads(s.value) for s in found if s.prop == NEW_ACTOR_PROP]


def test_services_records_new_group_is_stated_new_at_its_mention() -> None:
    repo = MemoryRepository()
    text = "The Zulu Brigade and the Alpha Front struck a market, Tom Ode said."
    report_id = _store(repo, text, ZULU, KNOWN, ODE)
    [statement] = [s for s in repo.statements_in_report(report_id) if s.prop == NEW_ACTOR_PROP]
    assert statement.subject_id == "org:zulu-brigade"
    assert json.loads(statement.value) == {"name": "Zulu Brigade", "kind": "organization"}
    assert (statement.start, statement.end) == (4, 16)
    assert _new_statements(repo, "org:alpha") == []
    assert _new_statements(repo, "person:tom-ode") == []


def test_services_records_a_known_new_group_is_not_new_again() -> None:
    repo = MemoryRepository()
    _store(repo, "The Zulu Brigade struck a market.", ZULU)
    second = _store(repo, "The Zulu Brigade struck again.", ZULU)
    assert len(_new_statements(repo, "org:zulu-brigade")) == 1
    assert not [s for s in repo.statements_in_report(second) if s.prop == NEW_ACTOR_PROP]


def test_services_records_new_perpetrator_without_mention_is_new_at_its_event() -> None:
    repo = MemoryRepository()
    report_id = _store(repo, "Perpetrators: Zulu Brigade", ZULU, perpetrators=True)
    [statement] = [s for s in repo.statements_in_report(report_id) if s.prop == NEW_ACTOR_PROP]
    assert statement.subject_id == "org:zulu-brigade"
    assert statement.sentence == "Perpetrators: Zulu Brigade"
