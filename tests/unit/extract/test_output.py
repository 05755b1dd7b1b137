"""Tests for writing extractions in FORMAT.md's shape (mosaic.extract.output)."""

from __future__ import annotations

import datetime as dt

from mosaic.extract.output import MIN_CONFIDENCE, to_format
from mosaic.model import (
    AttackType,
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    PerpetratorStatus,
    RelationFinding,
    RelationType,
    Report,
    ReportExtraction,
)

ISKP = EntityRef("Islamic State Khorasan Province", EntityKind.ORGANIZATION, "org:iskp",
                 aliases=("ISKP", "IS-K"))  # fmt: skip
IS = EntityRef("Islamic State", EntityKind.ORGANIZATION, "org:islamic-state", aliases=("IS",))
KABUL = EntityRef("Kabul", EntityKind.PLACE, "place:af:kabul", country="AF")
EVIDENCE = Evidence(0, 30, "On 3 January,\n  a blast hit Kabul.")


def extraction() -> tuple[Report, ReportExtraction]:
    report = Report(text="x", published=dt.date(2016, 1, 21))
    event = EventFinding(
        EventType.ATTACK, EVIDENCE, "test", attack_type=AttackType.BOMBING,
        date=FuzzyDate(2016, 1, 3), country="AF", place=KABUL, perpetrators=(ISKP,),
        perpetrator_status=PerpetratorStatus.CLAIMED, killed=Count(91, None),
        wounded=Count(5, 5), attributed_to="police", confidence=0.8,
    )  # fmt: skip
    weak = EventFinding(EventType.MEETING, EVIDENCE, "test", confidence=MIN_CONFIDENCE - 0.01)
    relation = RelationFinding(
        RelationType.AFFILIATE_OF, ISKP, IS, EVIDENCE, "test", start=FuzzyDate(2015, 1)
    )
    return report, ReportExtraction(report.id, "test", [], [event, weak], [relation])


def test_output_event_in_format_shape() -> None:
    report, found = extraction()
    document = to_format(report, found, "doc-1")
    assert (document["doc_id"], document["published"]) == ("doc-1", "2016-01-21")
    [event] = document["events"]
    assert event["type"] == "attack" and event["attack_type"] == "bombing"
    assert event["date"] == "2016-01-03" and event["country"] == "AF"
    assert event["place"] == ["Kabul"]
    assert event["perpetrators"] == [["Islamic State Khorasan Province", "ISKP", "IS-K"]]
    assert event["perpetrator_status"] == "claimed"
    assert event["killed"] == [91, None] and event["wounded"] == 5
    assert event["evidence"] == "On 3 January, a blast hit Kabul."
    assert event["attributed_to"] == "police" and event["confidence"] == 0.8
    assert "targets" not in event and "date_end" not in event


def test_output_relation_in_format_shape() -> None:
    report, found = extraction()
    [relation] = to_format(report, found, "doc-1")["relations"]
    assert relation["type"] == "affiliate_of" and relation["subject"][0] == ISKP.name
    assert relation["object"] == ["Islamic State", "IS"] and relation["date"] == "2015-01"
    assert "date_end" not in relation
