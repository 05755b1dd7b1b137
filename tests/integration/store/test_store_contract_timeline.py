"""The Repository contract for events and relations, on each store (see conftest's `repo`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mosaic.model import (
    AttackType,
    Count,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    PerpetratorStatus,
    Relation,
    RelationType,
    Tlp,
)
from mosaic.store.ports import EventQuery, Repository

PRECISIONS = ["2016", "2016-01", "2016-01-13"]


def event(id: str, date: str | None = None, **fields: Any) -> Event:
    fields.setdefault("type", EventType.ATTACK)
    return Event(id=id, date=FuzzyDate.parse(date) if date else None, **fields)


def relation(id: str, start: str | None, end: str | None, **fields: Any) -> Relation:
    fields.setdefault("type", RelationType.ALLEGIANCE)
    fields.setdefault("subject_id", "grp-a")
    fields.setdefault("object_id", "grp-b")
    return Relation(
        id=id,
        start=FuzzyDate.parse(start) if start else None,
        end=FuzzyDate.parse(end) if end else None,
        **fields,
    )


@pytest.fixture
def events(repo: Repository) -> Repository:
    """Five events across dates of every precision, countries, types, places and markings."""
    green, amber, red = (Marking(tlp=tlp) for tlp in (Tlp.GREEN, Tlp.AMBER, Tlp.RED))
    for item in [
        event("e1", "2016-01-13", country="PK", place_id="p1", perpetrators=("g1",)),
        event(
            "e2", "2015-08", country="AF", place_id="p2", perpetrators=("g1", "g2"), marking=green
        ),
        event(
            "e3", "2002", country="PK", type=EventType.ARREST, perpetrators=("g2",), marking=amber
        ),
        event("e4", None, country="PK", marking=red),
        event(
            "e5",
            "2016-01-31",
            country="AF",
            place_id="p1",
            type=EventType.KILLING,
            perpetrators=("g3",),
        ),
    ]:
        repo.save_event(item)
    return repo


# events


@pytest.mark.parametrize("date", PRECISIONS)
def test_store_event_round_trip(repo: Repository, date: str) -> None:
    original = event(
        "ev-1",
        date,
        attack_type=AttackType.SUICIDE_BOMBING,
        date_end=FuzzyDate(2016, 2),
        country="PK",
        place_id="place:pk:peshawar",
        perpetrators=("org:ttp", "org:ja"),
        perpetrator_status=PerpetratorStatus.CLAIMED,
        targets=("police", "civilians"),
        killed=Count(17, 20),
        wounded=Count.at_least(30),
        marking=Marking(owner="partner", tlp=Tlp.AMBER_STRICT),
    )
    repo.save_event(original)
    assert repo.get_event("ev-1") == original
    assert repo.get_event("missing") is None


def test_store_event_keeps_a_toll_counted_from_the_people_named(repo: Repository) -> None:
    repo.save_event(event("ev-1", "2021-08-26", killed=Count.of_named(1), wounded=Count(15, 15)))
    stored = repo.get_event("ev-1")
    assert stored is not None and stored.killed is not None and stored.wounded is not None
    assert stored.killed.named and not stored.wounded.named
    [candidate] = repo.event_merge_candidates(EventType.ATTACK, 2021)
    assert candidate.killed is not None and candidate.killed.named


def test_store_save_event_twice_updates_and_rewrites_participants(repo: Repository) -> None:
    repo.save_event(event("ev-1", "2016", perpetrators=("g1", "g2")))
    repo.save_event(event("ev-1", "2017", perpetrators=("g3",), killed=Count.exactly(4)))
    assert repo.count_events(EventQuery()) == 1
    assert repo.get_event("ev-1") == event(
        "ev-1", "2017", perpetrators=("g3",), killed=Count.exactly(4)
    )
    assert repo.find_events(EventQuery(participant_ids=("g1", "g2"))) == []
    assert [e.id for e in repo.find_events(EventQuery(participant_ids=("g3",)))] == ["ev-1"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ["e3", "e2", "e1", "e5", "e4"]),
        (EventQuery(participant_ids=("g1",)), ["e2", "e1"]),
        (EventQuery(participant_ids=("g2", "g3")), ["e3", "e2", "e5"]),
        (EventQuery(participant_ids=()), []),
        (EventQuery(country="PK"), ["e3", "e1", "e4"]),
        (EventQuery(type=EventType.ATTACK), ["e2", "e1", "e4"]),
        (EventQuery(place_id="p1"), ["e1", "e5"]),
        (EventQuery(since=dt.date(2015, 8, 1)), ["e2", "e1", "e5"]),
        (EventQuery(since=dt.date(2015, 8, 2)), ["e1", "e5"]),
        (EventQuery(until=dt.date(2015, 12, 31)), ["e3", "e2"]),
        (EventQuery(until=dt.date(2002, 1, 1)), ["e3"]),
        (EventQuery(since=dt.date(2016, 1, 13), until=dt.date(2016, 1, 13)), ["e1"]),
        (EventQuery(max_tlp=Tlp.GREEN), ["e2", "e1", "e5"]),
        (EventQuery(max_tlp=Tlp.AMBER), ["e3", "e2", "e1", "e5"]),
        (EventQuery(country="PK", type=EventType.ATTACK, participant_ids=("g1",)), ["e1"]),
    ],
)
def test_store_find_events_filters(
    events: Repository, query: EventQuery, expected: list[str]
) -> None:
    assert [e.id for e in events.find_events(query)] == expected
    assert events.count_events(query) == len(expected)


def test_store_find_events_orders_and_pages(events: Repository) -> None:
    events.save_event(event("e0", None))
    newest = EventQuery(newest_first=True)
    assert [e.id for e in events.find_events(newest)] == ["e5", "e1", "e2", "e3", "e4", "e0"]
    assert [e.id for e in events.find_events(EventQuery(limit=2, offset=1))] == ["e2", "e1"]
    tail = EventQuery(newest_first=True, limit=5, offset=3)
    assert [e.id for e in events.find_events(tail)] == ["e3", "e4", "e0"]
    assert [e.id for e in events.find_events(EventQuery(offset=4))] == ["e0", "e4"]
    assert events.count_events(EventQuery(country="PK", limit=1, offset=2)) == 3


@pytest.mark.parametrize(
    ("type", "year", "expected"),
    [
        (EventType.ATTACK, 2016, ["e1"]),  # e4, undated, merges with none
        (EventType.ATTACK, 2015, ["e2"]),
        (EventType.ATTACK, None, ["e1", "e2", "e4"]),
        (EventType.ARREST, 2016, []),
    ],
)
def test_store_event_merge_candidates(
    events: Repository, type: EventType, year: int | None, expected: list[str]
) -> None:
    assert [e.id for e in events.event_merge_candidates(type, year)] == expected


# relations


@pytest.mark.parametrize("date", PRECISIONS)
def test_store_relation_round_trip(repo: Repository, date: str) -> None:
    original = relation("rel-1", date, "2019-05", marking=Marking(owner="x", tlp=Tlp.GREEN))
    repo.save_relation(original)
    repo.save_relation(original)
    assert repo.get_relation("rel-1") == original
    assert repo.list_relations() == [original]
    assert repo.get_relation("missing") is None


def test_store_save_relation_twice_updates(repo: Repository) -> None:
    repo.save_relation(relation("rel-1", "2014", None))
    repo.save_relation(relation("rel-1", "2014-10", "2016"))
    assert repo.list_relations() == [relation("rel-1", "2014-10", "2016")]
    assert repo.relations_as_of(dt.date(2017, 1, 1)) == []


def test_store_find_relation_either_way_when_symmetric(repo: Repository) -> None:
    alliance = relation("rel-1", None, None, type=RelationType.ALLIANCE)
    allegiance = relation("rel-2", None, None)
    repo.save_relation(alliance)
    repo.save_relation(allegiance)
    assert repo.find_relation(RelationType.ALLIANCE, "grp-b", "grp-a") == alliance
    assert repo.find_relation(RelationType.ALLEGIANCE, "grp-a", "grp-b") == allegiance
    assert repo.find_relation(RelationType.ALLEGIANCE, "grp-b", "grp-a") is None
    assert repo.find_relation(RelationType.RIVALRY, "grp-a", "grp-b") is None


def test_store_relations_of_either_side_and_listing_pages(repo: Repository) -> None:
    for id, subject, object_ in [("r3", "a", "b"), ("r1", "c", "a"), ("r2", "b", "c")]:
        repo.save_relation(relation(id, None, None, subject_id=subject, object_id=object_))
    assert [r.id for r in repo.relations_of("a")] == ["r1", "r3"]
    assert repo.relations_of("z") == []
    assert [r.id for r in repo.list_relations(limit=1, offset=1)] == ["r2"]


@pytest.mark.parametrize(
    ("start", "end", "day", "stands"),
    [
        ("2014-10-05", "2016-03", dt.date(2014, 10, 5), True),
        ("2014-10-05", "2016-03", dt.date(2014, 10, 4), False),
        ("2014-10-05", "2016-03", dt.date(2016, 3, 31), True),
        ("2014-10-05", "2016-03", dt.date(2016, 4, 1), False),
        ("2014", None, dt.date(2014, 1, 1), True),
        ("2014", None, dt.date(2013, 12, 31), False),
        (None, "2015", dt.date(2015, 12, 31), True),
        (None, "2015", dt.date(2016, 1, 1), False),
        (None, None, dt.date(1900, 1, 1), True),
        ("2015-06", "2015-06", dt.date(2015, 6, 15), True),
    ],
)
def test_store_relations_as_of_edges(
    repo: Repository, start: str | None, end: str | None, day: dt.date, stands: bool
) -> None:
    repo.save_relation(relation("rel-1", start, end))
    repo.save_relation(relation("rel-0", "1800", "1801"))
    assert [r.id for r in repo.relations_as_of(day)] == (["rel-1"] if stands else [])
