"""The Repository contract for bulk reads (figures, ids, network, map), on each store.

A small knowledge base with one organisation's restricted records in it: a
reader of another organisation cleared to GREEN must not see them, their own
organisation must.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.model import (
    AttackType,
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.store.ports import EventQuery, Repository, Visibility

SECRET = Marking("other-org", Tlp.AMBER)
OUTSIDER = Visibility("elsewhere")
OWNER = Visibility("other-org")

REPORTS = [
    Report("Alpha Front attacked Quetta.", title="Attack in Quetta", published=dt.date(2014, 1, 2)),
    Report("Beta Brigade men arrested.", title="Arrests after the ATTACK", published=None),
    Report("Both fronts allied.", title="An alliance", published=dt.date(2015, 5, 1)),
    Report(
        "Hidden Cell struck.",
        title="Attack by a cell",
        published=dt.date(2016, 1, 1),
        marking=SECRET,
    ),
]
ENTITIES = [
    Entity("grp-a", EntityKind.ORGANIZATION, "Alpha Front"),
    Entity("grp-b", EntityKind.ORGANIZATION, "Beta Brigade"),
    Entity("per-1", EntityKind.PERSON, "Pat Doe"),
    Entity("pl-quetta", EntityKind.PLACE, "Quetta", latitude=30.2, longitude=67.0),
    Entity("pl-nowhere", EntityKind.PLACE, "Somewhere"),
    Entity("grp-hidden", EntityKind.ORGANIZATION, "Hidden Cell", marking=SECRET),
]
EVENTS = [
    Event(
        "ev-1",
        EventType.ATTACK,
        AttackType.BOMBING,
        FuzzyDate.parse("2014-01-01"),
        country="PK",
        place_id="pl-quetta",
        perpetrators=("grp-a", "per-1"),
        killed=Count.exactly(5),
    ),
    Event(
        "ev-2",
        EventType.ATTACK,
        None,
        FuzzyDate.parse("2014-03"),
        country="PK",
        place_id="pl-nowhere",
        perpetrators=("grp-a", "grp-b"),
    ),
    Event("ev-3", EventType.ARREST, None, FuzzyDate.parse("2015"), country="AF"),
    Event(
        "ev-4",
        EventType.ATTACK,
        None,
        FuzzyDate.parse("2016-01-01"),
        country="PK",
        place_id="pl-quetta",
        perpetrators=("grp-hidden",),
        killed=Count(2, None),
        marking=SECRET,
    ),
]
RELATIONS = [
    Relation(
        "rel-ab",
        RelationType.ALLEGIANCE,
        "grp-a",
        "grp-b",
        FuzzyDate.parse("2010"),
        FuzzyDate.parse("2016"),
    ),
    Relation("rel-bh", RelationType.ALLEGIANCE, "grp-b", "grp-hidden", FuzzyDate.parse("2012")),
    Relation("rel-old", RelationType.ALLEGIANCE, "grp-a", "grp-b", FuzzyDate.parse("2003")),
    Relation("rel-ph", RelationType.MEMBER_OF, "per-1", "grp-hidden", FuzzyDate.parse("2013")),
]


def claim(
    kind: SubjectKind, subject: str, report: int, confidence: float, **fields: object
) -> Statement:
    return Statement(
        kind,
        subject,
        "exists",
        '"yes"',
        REPORTS[report].id,
        0,
        5,
        REPORTS[report].text,
        "test.v1",
        confidence=confidence,
        **fields,  # type: ignore[arg-type]
    )


STATEMENTS = [
    claim(SubjectKind.EVENT, "ev-1", 0, 0.9),
    claim(SubjectKind.EVENT, "ev-2", 1, 0.4),
    claim(SubjectKind.RELATION, "rel-ab", 2, 0.7),
    claim(SubjectKind.RELATION, "rel-ab", 0, 0.2, status=ReviewStatus.REJECTED),
    claim(SubjectKind.RELATION, "rel-bh", 2, 0.3),
    claim(SubjectKind.RELATION, "rel-bh", 3, 0.1, marking=SECRET),
]


@pytest.fixture
def filled(repo: Repository) -> Repository:
    with repo.transaction():
        for report in REPORTS:
            repo.add_report(report, [])
        for entity in ENTITIES:
            repo.save_entity(entity)
        for event in EVENTS:
            repo.save_event(event)
        for relation in RELATIONS:
            repo.save_relation(relation)
        repo.add_statements(STATEMENTS)
    return repo


Counted = list[tuple[tuple[str | None, ...], int]]


def counted(repo: Repository, *dimensions: str, visibility: Visibility | None = None) -> Counted:
    return [(b.labels, b.count) for b in repo.event_counts(dimensions, EventQuery(), visibility)]


def test_contract_event_counts_by_group_count_organizations_only(filled: Repository) -> None:
    assert counted(filled, "group") == [
        (("Alpha Front",), 2),
        (("Beta Brigade",), 1),
        (("Hidden Cell",), 1),
    ]
    assert counted(filled, "group", visibility=OUTSIDER) == [
        (("Alpha Front",), 2),
        (("Beta Brigade",), 1),
    ]


def test_contract_event_counts_by_two_dimensions_and_filters(filled: Repository) -> None:
    assert counted(filled, "country", "month") == [
        (("AF", None), 1),
        (("PK", "2014-01"), 1),
        (("PK", "2014-03"), 1),
        (("PK", "2016-01"), 1),
    ]
    only = EventQuery(type=EventType.ATTACK, since=dt.date(2014, 2, 1))
    found = filled.event_counts(("year",), only, OWNER)
    assert [(b.keys, b.count) for b in found] == [(("2014",), 1), (("2016",), 1)]


def test_contract_event_counts_reject_an_unknown_dimension(filled: Repository) -> None:
    with pytest.raises(ValueError, match="unknown dimension 'weather'"):
        filled.event_counts(("weather",), EventQuery())


def test_contract_statement_ids_leave_out_rejected_hidden_and_silent(filled: Repository) -> None:
    ids = {s.subject_id + ":" + s.report_id: s.id for s in STATEMENTS}
    subjects = ["rel-ab", "rel-bh", "rel-old"]
    found = filled.statement_ids(SubjectKind.RELATION, subjects, OUTSIDER)
    assert found == {
        "rel-ab": [ids["rel-ab:" + REPORTS[2].id]],
        "rel-bh": [ids["rel-bh:" + REPORTS[2].id]],
    }
    everything = filled.statement_ids(SubjectKind.RELATION, subjects)
    assert sorted(everything["rel-bh"]) == everything["rel-bh"]
    assert len(everything["rel-bh"]) == 2


def test_contract_report_ids_about_subjects(filled: Repository) -> None:
    found = filled.report_ids_about(SubjectKind.RELATION, ["rel-ab", "rel-bh"], OUTSIDER)
    assert found == [REPORTS[2].id]
    assert set(filled.report_ids_about(SubjectKind.RELATION, ["rel-bh"])) == {
        REPORTS[2].id,
        REPORTS[3].id,
    }


def test_contract_report_ids_titled_newest_first_any_case(filled: Repository) -> None:
    assert filled.report_ids_titled("attack", 10) == [REPORTS[3].id, REPORTS[0].id, REPORTS[1].id]
    assert filled.report_ids_titled("attack", 10, OUTSIDER) == [REPORTS[0].id, REPORTS[1].id]
    assert filled.report_ids_titled("Attack", 1, OUTSIDER) == [REPORTS[0].id]
    assert filled.report_ids_titled("50%_off", 10) == []


def test_contract_statements_with_status_least_confident_first(filled: Repository) -> None:
    queue = filled.statements_with_status(ReviewStatus.UNREVIEWED, 10)
    assert [s.confidence for s in queue] == [0.1, 0.3, 0.4, 0.7, 0.9]
    page = filled.statements_with_status(ReviewStatus.UNREVIEWED, 2, 1, OUTSIDER)
    assert [s.confidence for s in page] == [0.4, 0.7]
    rejected = filled.statements_with_status(ReviewStatus.REJECTED, 10)
    assert [s.confidence for s in rejected] == [0.2]


def test_contract_relation_years_span_starts_and_ends(filled: Repository) -> None:
    assert filled.relation_years() == (2003, 2016)


def test_contract_network_keeps_edges_whose_ends_are_visible(filled: Repository) -> None:
    everything = filled.network_json(dt.date(2014, 6, 1))
    assert everything["as_of"] == "2014-06-01"
    assert [n["id"] for n in everything["nodes"]] == ["grp-a", "grp-b", "grp-hidden", "per-1"]
    assert everything["nodes"][0] == {
        "id": "grp-a",
        "name": "Alpha Front",
        "kind": "organization",
        "country": None,
    }
    assert [e["id"] for e in everything["edges"]] == ["rel-ab", "rel-bh", "rel-old", "rel-ph"]
    outsider = filled.network_json(dt.date(2014, 6, 1), OUTSIDER)
    assert [n["id"] for n in outsider["nodes"]] == ["grp-a", "grp-b"]  # per-1: no edge left
    edge = outsider["edges"][0]
    assert [e["id"] for e in outsider["edges"]] == ["rel-ab", "rel-old"]
    assert edge == {
        "id": "rel-ab",
        "type": "allegiance",
        "source": "grp-a",
        "target": "grp-b",
        "start": "2010",
        "end": "2016",
        "statement_ids": [s.id for s in STATEMENTS if s.subject_id == "rel-ab"][:1],
    }
    assert [e["id"] for e in filled.network_json(dt.date(2017, 1, 1))["edges"]] == [
        "rel-bh",
        "rel-old",
        "rel-ph",
    ]


def test_contract_map_points_placed_events_newest_first(filled: Repository) -> None:
    features = filled.map_points(EventQuery(), 10)
    assert [f["properties"]["id"] for f in features] == ["ev-4", "ev-1"]
    assert features[1] == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [67.0, 30.2]},
        "properties": {
            "id": "ev-1",
            "date": "2014-01-01",
            "type": "bombing",
            "group": "Alpha Front",
            "place": "Quetta",
            "killed": "5",
        },
    }
    assert features[0]["properties"]["killed"] == "2+"
    assert [f["properties"]["id"] for f in filled.map_points(EventQuery(), 1)] == ["ev-4"]
    outsider = filled.map_points(EventQuery(country="PK"), 10, OUTSIDER)
    assert [f["properties"]["id"] for f in outsider] == ["ev-1"]


def test_contract_facts_seen_in_part_have_visible_and_hidden_statements(filled: Repository) -> None:
    assert filled.facts_seen_in_part(SubjectKind.RELATION, OUTSIDER) == ["rel-bh"]
    assert filled.facts_seen_in_part(SubjectKind.RELATION, OWNER) == []
    assert filled.facts_seen_in_part(SubjectKind.EVENT, OUTSIDER) == []


def test_contract_event_reads_keep_to_events_seen_whole(filled: Repository) -> None:
    seen = EventQuery(visibility=OUTSIDER)
    assert [e.id for e in filled.find_events(seen)] == ["ev-1", "ev-2", "ev-3"]
    assert filled.count_events(seen) == 3
    assert filled.count_events(EventQuery(visibility=OWNER)) == 4


def test_contract_counts_are_what_the_reader_sees(filled: Repository) -> None:
    everything = filled.counts()
    outsider = filled.counts(OUTSIDER)
    assert (everything["reports"], outsider["reports"]) == (4, 3)
    assert (everything["entities"], outsider["entities"]) == (6, 5)
    assert (everything["events"], outsider["events"]) == (4, 3)
    assert (everything["statements"], outsider["statements"]) == (6, 5)
    assert outsider["relations"] == 4  # rel-bh is seen in part, the others whole
    assert filled.counts(OWNER) == everything
