"""Records survive the trip to SQL rows and back, field for field, without a database."""

from __future__ import annotations

import datetime as dt
import json

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
    Mention,
    PerpetratorStatus,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.store import rows

MARKED = Marking(owner="partner", tlp=Tlp.AMBER_STRICT)


def test_rows_report_round_trip_and_minhash() -> None:
    report = Report(text="Text.", title="T", published=dt.date(2020, 2, 29), original=b"\x00")
    row = rows.report_row(report, [5, 4])
    assert rows.report_of(row) == report
    assert rows.minhash_of(row["minhash"]) == (5, 4)
    assert row["content_hash"] == report.content_hash


def test_rows_mention_round_trip() -> None:
    mention = Mention("r", 3, 9, "Kabul", "GPE", 0, 20, entity_id="place:af:kabul")
    assert rows.mention_of(rows.mention_row(mention)) == mention


def test_rows_entity_round_trip_and_name_keys() -> None:
    entity = Entity(
        "org:iskp",
        EntityKind.ORGANIZATION,
        "Islamic State Khorasan",
        aliases=("ISIS-K", "Islamic State Khorasan"),
        external_ids={"wikidata": "Q19000000"},
        marking=MARKED,
    )
    assert rows.entity_of(rows.entity_row(entity)) == entity
    names = rows.entity_name_rows(entity)
    assert [(n["name"], n["folded"], n["key"]) for n in names] == [
        ("Islamic State Khorasan", "islamic state khorasan", "islamicstatekhorasan"),
        ("ISIS-K", "isis-k", "isisk"),
    ]


@pytest.mark.parametrize(
    ("date", "first", "last", "precision"),
    [
        (FuzzyDate(2016), dt.date(2016, 1, 1), dt.date(2016, 12, 31), "year"),
        (FuzzyDate(2016, 2), dt.date(2016, 2, 1), dt.date(2016, 2, 29), "month"),
        (FuzzyDate(2016, 2, 3), dt.date(2016, 2, 3), dt.date(2016, 2, 3), "day"),
    ],
)
def test_rows_event_dates_keep_iso_and_bounds(
    date: FuzzyDate, first: dt.date, last: dt.date, precision: str
) -> None:
    event = Event(
        "ev",
        EventType.ATTACK,
        attack_type=AttackType.BOMBING,
        date=date,
        date_end=FuzzyDate(2017),
        perpetrators=("g2", "g1"),
        perpetrator_status=PerpetratorStatus.SUSPECTED,
        targets=("market",),
        killed=Count(0, None),
        wounded=Count.exactly(0),
        marking=MARKED,
    )
    row = rows.event_row(event)
    assert (row["date"], row["date_first"], row["date_last"]) == (date.iso(), first, last)
    assert row["date_precision"] == precision
    assert json.loads(row["perpetrators"]) == ["g2", "g1"]
    assert rows.event_of(row) == event


def test_rows_undated_event_has_no_bounds() -> None:
    row = rows.event_row(Event("ev", EventType.ARREST))
    assert (row["date"], row["date_first"], row["killed_low"]) == (None, None, None)
    assert rows.event_of(row) == Event("ev", EventType.ARREST)


def test_rows_relation_round_trip_with_open_end() -> None:
    relation = Relation("rel", RelationType.LEADER_OF, "p", "g", start=FuzzyDate(2015, 7))
    row = rows.relation_row(relation)
    assert (row["start_first"], row["end_last"]) == (dt.date(2015, 7, 1), None)
    assert rows.relation_of(row) == relation


def test_rows_statement_round_trip() -> None:
    statement = Statement(
        SubjectKind.RELATION,
        "rel",
        "exists",
        "true",
        "r",
        1,
        8,
        "They pledged allegiance.",
        "mosaic.relations.v1",
        attributed_to="a spokesman",
        confidence=0.25,
        status=ReviewStatus.CORRECTED,
        marking=MARKED,
    )
    assert rows.statement_of(rows.statement_row(statement)) == statement
