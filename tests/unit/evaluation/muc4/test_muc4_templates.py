"""Key slots (date, location, effect) and incident accuracies against hand-built events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mosaic.evaluation.muc4.corpus import KeyTemplate, load_split
from mosaic.evaluation.muc4.incidents import IncidentScores
from mosaic.evaluation.muc4.templates import (
    DateSpan,
    KeyLocation,
    key_date_spans,
    key_effects,
    key_locations,
    key_types,
    type_counted,
    type_matches,
)
from mosaic.model import (
    AttackType,
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
)

FIXTURE = Path(__file__).resolve().parents[4] / "tests" / "data" / "evaluation" / "muc4"
D = dt.date


@pytest.mark.parametrize(
    ("fill", "spans"),
    [
        ("16 NOV 89", [DateSpan(D(1989, 11, 16), D(1989, 11, 16))]),
        ("15 JAN 89 - 21 JAN 89", [DateSpan(D(1989, 1, 15), D(1989, 1, 21))]),
        ("- 23 AUG 88", [DateSpan(D(1988, 8, 16), D(1988, 8, 23))]),
        (
            "(05 OCT 89) / (04 OCT 89 - 05 OCT 89)",
            [DateSpan(D(1989, 10, 5), D(1989, 10, 5)), DateSpan(D(1989, 10, 4), D(1989, 10, 5))],
        ),
        ("-", []),
        ("31 SEP 88", []),
        ("(02 SEP 88 - 31 SEP 88) / (03 SEP 88)", [DateSpan(D(1988, 9, 3), D(1988, 9, 3))]),
    ],
)
def test_muc4_templates_key_date_forms(fill: str, spans: list[DateSpan]) -> None:
    assert key_date_spans(fill) == spans


def test_muc4_templates_key_location_levels_and_alternatives() -> None:
    assert key_locations("(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR)") == [
        KeyLocation("el salvador", ("san salvador",)),
        KeyLocation("el salvador", ()),
    ]
    assert key_locations("HONDURAS: TRUJILLO (CITY / DEPARTMENT)") == [
        KeyLocation("honduras", ("trujillo",))
    ]
    assert key_locations("COLOMBIA: CUCUTA (CITY) - CAMPANARIO (REGION)") == [
        KeyLocation("colombia", ("cucuta", "campanario"))
    ]
    assert key_locations("PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)")[0].places == (
        "lima",
        "miraflores",
    )


def test_muc4_templates_key_effects_keep_death_and_injury_only() -> None:
    fills = ['DEATH: "CREW"', '? INJURY: "PASSENGERS"', 'NO INJURY OR DEATH / NO INJURY: "-"']
    assert key_effects(fills) == {"death", "injury"}
    assert key_effects(['REGAINED FREEDOM: "PEOPLE"', "-"]) == frozenset()


def _event(
    date: FuzzyDate | None = None,
    country: str | None = None,
    place: str | None = None,
    killed: int | None = None,
) -> EventFinding:
    return EventFinding(
        type=EventType.ATTACK,
        evidence=Evidence(0, 10, "A bomb went off."),
        extractor="test",
        date=date,
        country=country,
        place=EntityRef(place, EntityKind.PLACE, country=country) if place else None,
        killed=Count.exactly(killed) if killed is not None else None,
    )


def test_muc4_templates_fixture_event_matches_every_slot() -> None:
    bombing = load_split(FIXTURE, "dev")[0]
    scores = IncidentScores()
    found = _event(FuzzyDate(1990, 3, 2), "CO", "Puerto Nuevo", killed=1)
    scores.add_document([found], bombing.templates)
    # Template 1: 02 MAR 90, Puerto Nuevo, a death. Template 2: before 03 MAR 90, no place
    # and no casualty, so it counts for neither place nor effect.
    assert (scores.slots["date"].matched, scores.slots["date"].counted) == (2, 2)
    assert (scores.slots["country"].matched, scores.slots["country"].counted) == (2, 2)
    assert (scores.slots["place"].matched, scores.slots["place"].counted) == (1, 1)
    assert (scores.slots["effect"].matched, scores.slots["effect"].counted) == (1, 1)


def test_muc4_templates_wrong_or_missing_values_do_not_match() -> None:
    template = KeyTemplate(
        "1",
        False,
        {
            "INCIDENT: DATE": ("16 NOV 89",),
            "INCIDENT: LOCATION": ("PERU: LIMA (CITY)",),
            "HUM TGT: EFFECT OF INCIDENT": ('INJURY: "GUARD"',),
            "INCIDENT: TYPE": ("KIDNAPPING",),
            "INCIDENT: STAGE OF EXECUTION": ("ACCOMPLISHED",),
        },
    )
    scores = IncidentScores()
    scores.add_document([_event(FuzzyDate(1989, 11), "CO", "Bogotá", killed=2)], [template])
    described = [scores.slots[slot] for slot in ("date", "country", "place", "effect")]
    assert all(accuracy.matched == 0 for accuracy in described)
    assert all(accuracy.counted == 1 for accuracy in described)
    # The guard's injury has no number, so the key gives no injury figure to compare.
    assert scores.slots["wounded"].counted == 0


def test_muc4_templates_detection_counts_documents() -> None:
    template = KeyTemplate("1", False, {"INCIDENT: DATE": ("-",)})
    scores = IncidentScores()
    scores.add_document([_event()], [template])
    scores.add_document([_event()], [])
    scores.add_document([], [template])
    scores.add_document([], [])
    assert (scores.detection.matched, scores.detection.predicted, scores.detection.gold) == (
        1,
        2,
        2,
    )
    assert scores.slots["date"].counted == 0


def _typed(kind: str, stage: str = "ACCOMPLISHED") -> KeyTemplate:
    return KeyTemplate(
        "1", False, {"INCIDENT: TYPE": (kind,), "INCIDENT: STAGE OF EXECUTION": (stage,)}
    )


def _attack(attack_type: AttackType | None, type: EventType = EventType.ATTACK) -> EventFinding:
    return EventFinding(
        type=type,
        evidence=Evidence(0, 10, "Men shot a judge."),
        extractor="test",
        attack_type=attack_type,
    )


@pytest.mark.parametrize(
    ("key", "event", "matched"),
    [
        ("BOMBING", _attack(AttackType.BOMBING), True),
        ("BOMBING", _attack(AttackType.SUICIDE_BOMBING), True),
        ("BOMBING", _attack(AttackType.ARMED_ASSAULT), False),
        ("ATTACK", _attack(AttackType.ARMED_ASSAULT), True),
        ("ATTACK", _attack(AttackType.ASSASSINATION), True),
        ("ATTACK", _attack(None), True),
        ("ATTACK", _attack(None, EventType.KILLING), True),
        ("ATTACK", _attack(AttackType.BOMBING), False),
        ("ATTACK", _attack(AttackType.KIDNAPPING), False),
        ("KIDNAPPING", _attack(AttackType.KIDNAPPING), True),
        ("KIDNAPPING", _attack(AttackType.ARMED_ASSAULT), False),
        ("ARSON", _attack(AttackType.FACILITY_ATTACK), True),
        ("ARSON", _attack(AttackType.BOMBING), False),
        ("BOMBING / ATTACK", _attack(AttackType.ARMED_ASSAULT), True),
    ],
)
def test_muc4_templates_type_map(key: str, event: EventFinding, matched: bool) -> None:
    assert type_matches(event, _typed(key)) is matched


def test_muc4_templates_type_counts_executed_mapped_incidents_only() -> None:
    assert key_types(_typed("BOMBING / ATTACK")) == ["BOMBING", "ATTACK"]
    assert type_counted(_typed("BOMBING", "ATTEMPTED"))
    assert type_counted(_typed("KIDNAPPING", "ACCOMPLISHED / ATTEMPTED"))
    assert not type_counted(_typed("BOMBING", "THREATENED"))
    assert not type_counted(_typed("ROBBERY"))


def test_muc4_templates_type_accuracy_and_confusion() -> None:
    scores = IncidentScores()
    bombing, shooting = _attack(AttackType.BOMBING), _attack(AttackType.ARMED_ASSAULT)
    scores.add_document([shooting, bombing], [_typed("BOMBING"), _typed("KIDNAPPING")])
    scores.add_document([], [_typed("ATTACK"), _typed("ATTACK", "THREATENED")])
    assert (scores.slots["type"].matched, scores.slots["type"].counted) == (1, 3)
    assert scores.confusion == {
        ("BOMBING", "bombing"): 1,
        ("KIDNAPPING", "armed_assault"): 1,
        ("ATTACK", "none"): 1,
        ("ATTACK (not counted)", "none"): 1,
    }
