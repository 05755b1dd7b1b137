"""A fact as one reader sees it: whole, told by the statements they may see, or not at all."""

from __future__ import annotations

import json

import pytest

from mosaic.model import (
    Count,
    Distribution,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    Relation,
    RelationType,
    ReviewStatus,
    Statement,
    SubjectKind,
    Tlp,
    Visibility,
)
from mosaic.resolve.seen import Seen, event_as_told, how_seen, relation_as_told, strictest

OURS = Marking("ours", Tlp.AMBER)
THEIRS = Marking("theirs", Tlp.AMBER)
SHARED = Marking("theirs", Tlp.GREEN)
READER = Visibility("ours")


def claim(prop: str, value: object, report: str, marking: Marking, **fields: object) -> Statement:
    return Statement(
        SubjectKind.EVENT, "ev", prop, json.dumps(value), report, 0, 1, "", "t", marking=marking,
        **fields,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("markings", "seen"),
    [
        ([OURS, SHARED], Seen.WHOLE),
        ([OURS, THEIRS], Seen.PART),
        ([THEIRS], Seen.NONE),
    ],
)
def test_seen_by_the_statements_behind_the_fact(markings: list[Marking], seen: Seen) -> None:
    statements = [claim("killed", 1, f"r{i}", m) for i, m in enumerate(markings)]
    assert how_seen(THEIRS, statements, READER) is seen
    assert how_seen(THEIRS, statements, None) is Seen.WHOLE


def test_seen_a_fact_without_statements_by_its_own_marking() -> None:
    assert how_seen(OURS, [], READER) is Seen.WHOLE
    assert how_seen(THEIRS, [], READER) is Seen.NONE


def test_seen_event_told_by_reports_merged_as_ingest_merges() -> None:
    event = Event("ev", EventType.ATTACK, killed=Count.exactly(99), perpetrators=("hidden",))
    told = event_as_told(
        event,
        [
            claim("killed", 12, "r1", OURS),
            claim("date", "2014-11", "r1", OURS),
            claim("date", "2014-11-02", "r2", SHARED),
            claim("perpetrators", ["grp"], "r2", SHARED),
            claim("killed", 40, "r3", OURS, status=ReviewStatus.REJECTED),
        ],
    )
    assert (told.killed, told.date, told.perpetrators) == (
        Count.exactly(12),
        FuzzyDate(2014, 11, 2),
        ("grp",),
    )
    assert told.marking == OURS  # the strictest: AMBER over GREEN


def test_seen_relation_told_by_its_statements_alone() -> None:
    relation = Relation("r", RelationType.ALLIANCE, "a", "b", FuzzyDate(1990), FuzzyDate(2020))
    about = [
        Statement(SubjectKind.RELATION, "r", "start", f'"{day}"', f"r{day}", 0, 1, "", "t")
        for day in ("2005", "2003-04")
    ]
    told = relation_as_told(relation, about)
    assert (told.start, told.end) == (FuzzyDate(2003, 4), None)


def test_seen_strictest_prefers_the_higher_label_then_the_narrower_distribution() -> None:
    group = Marking("x", Tlp.GREEN, Distribution.GROUP, "g")
    assert strictest([SHARED, group]) == group
    assert strictest([group, OURS]) == OURS
