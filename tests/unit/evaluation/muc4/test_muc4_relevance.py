"""Incident and document relevance by the MUC-4 task definition, on hand-built events."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mosaic.evaluation.muc4.relevance import (
    is_background,
    is_guerrilla_warfare,
    is_specific,
    relevant_events,
)
from mosaic.evaluation.muc4.roles import role_fillers
from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    Mention,
    ReportExtraction,
)

TEXT = (
    "REBELS OF THE RED DAWN FRONT DYNAMITED A WATER TOWER IN SANTA ROSA ON MONDAY. "
    "IN MARCH THE SAME FRONT HAD KIDNAPPED THE RANCHER PEDRO LUNA."
)
FRONT = EntityRef("Red Dawn Front", EntityKind.ORGANIZATION, key="org:rdf", aliases=("RDF",))
TOWER = EntityRef("water tower", EntityKind.OTHER)
LUNA = EntityRef("Pedro Luna", EntityKind.PERSON)
PATROL = EntityRef("army patrol", EntityKind.OTHER)
REBELS = EntityRef("five rebels", EntityKind.OTHER)
PUBLISHED = dt.date(1990, 6, 20)


def _event(start: int, end: int, **slots: object) -> EventFinding:
    evidence = Evidence(start, end, TEXT[start:end])
    return replace(EventFinding(EventType.ATTACK, evidence, "test"), **slots)  # type: ignore[arg-type]


def _extraction(*events: EventFinding) -> ReportExtraction:
    mention = Mention("r1", 14, 28, TEXT[14:28], "ORG", 0, 78)
    return ReportExtraction("r1", "test", mentions=[(mention, FRONT)], events=list(events))


def test_muc4_relevance_specific_needs_a_target_weapon_or_casualty() -> None:
    assert not is_specific(_event(0, 78, perpetrators=(FRONT,)))
    assert is_specific(_event(0, 78, targets=(TOWER,)))
    assert is_specific(_event(0, 78, weapons=("dynamite",)))
    assert is_specific(_event(0, 78, killed=Count.exactly(2)))
    assert not is_specific(_event(0, 78, killed=Count.exactly(0), targets=(PATROL,)))


def test_muc4_relevance_armed_targets_only_make_guerrilla_warfare() -> None:
    assert is_guerrilla_warfare(_event(0, 78, targets=(PATROL, REBELS)))
    assert not is_guerrilla_warfare(_event(0, 78, targets=(PATROL, TOWER)))
    assert not is_guerrilla_warfare(_event(0, 78))


def test_muc4_relevance_background_is_over_two_months_old() -> None:
    old = _event(79, len(TEXT), date=FuzzyDate(1990, 3))
    assert is_background(old, PUBLISHED)
    assert not is_background(replace(old, date=FuzzyDate(1990, 5, 1)), PUBLISHED)
    assert not is_background(old, None)
    assert not is_background(replace(old, date=None), PUBLISHED)


def test_muc4_relevance_document_without_a_relevant_incident_has_no_fillers() -> None:
    vague = _event(0, 78, perpetrators=(FRONT,))
    clash = _event(
        0, 78, perpetrators=(FRONT,), targets=(PATROL,), weapons=("mortars",),
        killed=Count.exactly(3),
    )  # fmt: skip
    assert relevant_events([vague, clash], PUBLISHED) == []
    fillers = role_fillers(_extraction(vague, clash), TEXT, published=PUBLISHED)
    assert all(entities == [] for entities in fillers.values())


def test_muc4_relevance_background_incident_keeps_perpetrators_not_victims() -> None:
    recent = _event(0, 78, targets=(TOWER,), date=FuzzyDate(1990, 6, 18))
    old = _event(79, len(TEXT), perpetrators=(FRONT,), targets=(LUNA,), date=FuzzyDate(1990, 3))
    fillers = role_fillers(_extraction(recent, old), TEXT, published=PUBLISHED)
    assert fillers["PerpOrg"] == [["RED DAWN FRONT"]]
    assert fillers["Victim"] == []
    assert fillers["Target"] == [["WATER TOWER"]]
    undated = role_fillers(_extraction(recent, old), TEXT)
    assert undated["Victim"] == [["PEDRO LUNA"]]


def test_muc4_relevance_unlinked_spelling_of_a_linked_group_is_one_entity() -> None:
    unlinked = EntityRef("RDF", EntityKind.ORGANIZATION)
    event = _event(0, 78, perpetrators=(unlinked, FRONT), targets=(TOWER,))
    fillers = role_fillers(_extraction(event), TEXT)
    assert fillers["PerpOrg"] == [["RED DAWN FRONT"]]
    other = EntityRef("Blue Dawn Front", EntityKind.ORGANIZATION)
    event = _event(0, 78, perpetrators=(other, FRONT), targets=(TOWER,))
    assert len(role_fillers(_extraction(event), TEXT)["PerpOrg"]) == 2
