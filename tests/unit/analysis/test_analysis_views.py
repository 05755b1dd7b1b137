"""Network, timeline, profile, evidence and lookup over a hand-filled memory store."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from mosaic.analysis.evidence import evidence_for, sourced_values
from mosaic.analysis.lookup import find_entity
from mosaic.analysis.network import network_as_of, to_graphml
from mosaic.analysis.profile import entity_profile
from mosaic.analysis.timeline import country_timeline, timeline, timeline_json
from mosaic.errors import NotFoundError
from mosaic.model import (
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
)
from support.memory import MemoryRepository

IMU = Entity("org:imu", EntityKind.ORGANIZATION, "Islamic Movement of Uzbekistan", ("IMU",))
IS = Entity("org:is", EntityKind.ORGANIZATION, "Islamic State", ("IS", "Daesh"))
TALIBAN = Entity("org:taliban", EntityKind.ORGANIZATION, "Afghan Taliban", ("Taliban",))
PLEDGE = Relation(
    "rel:pledge", RelationType.ALLEGIANCE, "org:imu", "org:is", FuzzyDate(2014, 10, 6)
)
OLD_TIE = Relation(
    "rel:old", RelationType.ALLIANCE, "org:imu", "org:taliban", end=FuzzyDate(2015, 8)
)
ATTACK = Event(
    "ev:1",
    EventType.ATTACK,
    date=FuzzyDate(2015, 3, 2),
    country="AF",
    perpetrators=("org:imu",),
    killed=Count.exactly(17),
)
FIRST = Report(text="first report", title="First", published=dt.date(2015, 3, 3))
SECOND = Report(text="second report", title="Second", published=dt.date(2015, 3, 4))


def _toll(report: Report, value: str, start: int) -> Statement:
    return Statement(
        SubjectKind.EVENT, "ev:1", "killed", value, report.id, start, start + 5, "s", "x.v1"
    )


@pytest.fixture
def repo() -> MemoryRepository:
    repo = MemoryRepository()
    for entity in (IMU, IS, TALIBAN):
        repo.save_entity(entity)
    for relation in (PLEDGE, OLD_TIE):
        repo.save_relation(relation)
    repo.save_event(ATTACK)
    repo.add_report(FIRST, [1, 2])
    repo.add_report(SECOND, [3, 4])
    repo.add_statements([_toll(FIRST, "17", 0), _toll(SECOND, "19", 0)])
    return repo


def test_analysis_network_changes_with_the_date(repo: MemoryRepository) -> None:
    before = network_as_of(repo, dt.date(2014, 9, 1))
    after = network_as_of(repo, dt.date(2016, 1, 1))
    assert {e.id for e in before.edges} == {"rel:old"}
    assert {e.id for e in after.edges} == {"rel:pledge"}
    assert {n.id for n in after.nodes} == {"org:imu", "org:is"}


def test_analysis_graphml_is_well_formed_with_edges(repo: MemoryRepository) -> None:
    root = ET.fromstring(to_graphml(network_as_of(repo, dt.date(2016, 1, 1))))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    assert [(e.get("source"), e.get("target")) for e in edges] == [("org:imu", "org:is")]


def test_analysis_timeline_orders_events_and_relations(repo: MemoryRepository) -> None:
    entries = timeline(repo, IMU)
    assert [(e.kind, e.fact_id) for e in entries] == [
        ("relation-start", "rel:pledge"),
        ("event", "ev:1"),
        ("relation-end", "rel:old"),
        ("relation-start", "rel:old"),
    ]
    assert "17 killed" in entries[1].summary


def test_analysis_timeline_json_is_one_shape(repo: MemoryRepository) -> None:
    data = timeline_json(IMU, timeline(repo, IMU))
    assert data["entity"] == "org:imu" and data["name"] == IMU.name
    assert data["entries"][:2] == [
        {
            "date": "2014-10-06",
            "kind": "relation-start",
            "fact_id": "rel:pledge",
            "summary": "allegiance: Islamic State",
        },
        {
            "date": "2015-03-02",
            "kind": "event",
            "fact_id": "ev:1",
            "summary": "attack in AF, 17 killed",
        },
    ]
    assert data["entries"][3]["date"] is None


def test_analysis_country_timeline_names_who_did_it(repo: MemoryRepository) -> None:
    entries = country_timeline(repo, "AF", 10)
    assert [e.to_json() for e in entries] == [
        {
            "date": "2015-03-02",
            "kind": "event",
            "fact_id": "ev:1",
            "summary": "attack in AF, 17 killed (Islamic Movement of Uzbekistan)",
        }
    ]
    assert country_timeline(repo, "PK", 10) == []


def test_analysis_profile_collects_relations_events_and_sources(repo: MemoryRepository) -> None:
    profile = entity_profile(repo, IMU)
    assert {r.relation.id for r in profile.relations} == {"rel:pledge", "rel:old"}
    assert [e.id for e in profile.events] == ["ev:1"]
    assert {r.title for r in profile.sources} == {"First", "Second"}


def test_analysis_conflicting_tolls_stay_side_by_side(repo: MemoryRepository) -> None:
    values = sourced_values(repo.statements_about(SubjectKind.EVENT, "ev:1"))
    assert sorted(v.value for v in values["killed"]) == [17, 19]


def test_analysis_evidence_puts_confirmed_first_and_drops_rejected(
    repo: MemoryRepository,
) -> None:
    second = _toll(SECOND, "19", 0)
    repo.set_statement_status(second.id, ReviewStatus.CONFIRMED)
    assert next(i.statement.id for i in evidence_for(repo, "ev:1")) == second.id
    repo.set_statement_status(second.id, ReviewStatus.REJECTED)
    assert [i.report.title for i in evidence_for(repo, "ev:1") if i.report] == ["First"]


def test_analysis_lookup_by_alias_and_helpful_miss(repo: MemoryRepository) -> None:
    assert find_entity(repo, "Daesh").id == "org:is"
    assert find_entity(repo, "org:imu").id == "org:imu"
    with pytest.raises(NotFoundError, match=r"did you mean: .*Islamic State"):
        find_entity(repo, "Islamic")
