"""Death and injury figures of key templates, and when an extracted toll agrees."""

from __future__ import annotations

import pytest

from mosaic.evaluation.muc4.corpus import KeyTemplate
from mosaic.evaluation.muc4.incidents import IncidentScores
from mosaic.evaluation.muc4.tolls import Figure, figure_agrees, key_figures, key_number
from mosaic.model import Count, EventFinding, EventType, Evidence


def _template(numbers: list[str], effects: list[str], total: str = "-") -> KeyTemplate:
    return KeyTemplate(
        "1",
        False,
        {
            "HUM TGT: NUMBER": tuple(numbers),
            "HUM TGT: EFFECT OF INCIDENT": tuple(effects),
            "HUM TGT: TOTAL NUMBER": (total, ";;; a keyer's comment"),
        },
    )


@pytest.mark.parametrize(
    ("fill", "figures"),
    [
        ("4", [Figure(4, 4)]),
        ("~250", [Figure(250, 250)]),
        ("12 -", [Figure(12, None)]),
        ("12-", [Figure(12, None)]),
        ("? 3", [Figure(3, 3)]),
        ("- 9", []),
        ("PLURAL", []),
        ("-", []),
        ("2 / PLURAL", [Figure(2, 2)]),
        ("5/7", [Figure(5, 5), Figure(7, 7)]),
    ],
)
def test_muc4_tolls_number_forms(fill: str, figures: list[Figure]) -> None:
    assert key_number(fill) == figures


def test_muc4_tolls_sum_over_targets_with_the_effect() -> None:
    template = _template(
        ['1: "MAYOR"', '3: "ESCORTS"', '2: "PASSERSBY"', '1: "DRIVER"'],
        ['DEATH: "MAYOR"', 'DEATH: "ESCORTS"', 'INJURY: "PASSERSBY"', 'NO INJURY: "DRIVER"'],
    )
    assert key_figures(template, "killed") == [Figure(4, 4)]
    assert key_figures(template, "wounded") == [Figure(2, 2)]


def test_muc4_tolls_one_description_pairs_in_key_order() -> None:
    template = _template(['15: "PEOPLE"', '~40: "PEOPLE"'], ['DEATH: "PEOPLE"', 'INJURY: "PEOPLE"'])
    assert key_figures(template, "killed") == [Figure(15, 15)]
    assert key_figures(template, "wounded") == [Figure(40, 40)]


def test_muc4_tolls_unknown_number_leaves_the_template_out() -> None:
    template = _template(['2: "NUNS"', 'PLURAL: "FARMERS"'], ['DEATH: "NUNS"', 'DEATH: "FARMERS"'])
    assert key_figures(template, "killed") == []
    assert key_figures(template, "wounded") == []


def test_muc4_tolls_uncertain_target_may_be_counted_or_not() -> None:
    template = _template(
        ['4: "TEACHERS"', '1: "JANITOR"', 'PLURAL: "GUARDS"'],
        ['DEATH: "TEACHERS"', '? DEATH: "JANITOR"', '? DEATH: "GUARDS"'],
    )
    assert key_figures(template, "killed") == [Figure(4, 4), Figure(5, 5)]


def test_muc4_tolls_total_counts_each_victim_once() -> None:
    # The named judge is one of the five judges: the total, not the sum 6, is the toll.
    template = _template(
        ['5: "JUDGES"', '1: "JUDGE ANA PEREZ"'],
        ['DEATH: "JUDGES"', 'DEATH: "JUDGE ANA PEREZ"'],
        total="5",
    )
    assert key_figures(template, "killed") == [Figure(5, 5)]


def test_muc4_tolls_total_unused_when_targets_differ_in_effect() -> None:
    template = _template(
        ['3: "CLERKS"', '1: "MANAGER"'], ['INJURY: "CLERKS"', 'DEATH: "MANAGER"'], total="4"
    )
    assert key_figures(template, "wounded") == [Figure(3, 3)]
    assert key_figures(template, "killed") == [Figure(1, 1)]


@pytest.mark.parametrize(
    ("found", "figure", "agrees"),
    [
        (Count.exactly(7), Figure(7, 7), True),
        (Count.at_least(7), Figure(7, 7), True),
        (Count.exactly(7), Figure(7, None), True),
        (Count(7, 9), Figure(7, 7), False),
        (Count.exactly(8), Figure(7, 7), False),
        (Count.at_least(6), Figure(7, None), False),
    ],
)
def test_muc4_tolls_agreement(found: Count, figure: Figure, agrees: bool) -> None:
    assert figure_agrees(found, figure) is agrees


def test_muc4_tolls_scores_count_only_templates_with_a_figure() -> None:
    known = _template(['3: "MINERS"'], ['DEATH: "MINERS"'])
    unknown = _template(['PLURAL: "MINERS"'], ['DEATH: "MINERS"'])
    event = EventFinding(
        type=EventType.ATTACK,
        evidence=Evidence(0, 10, "A bomb went off."),
        extractor="test",
        killed=Count.exactly(3),
        wounded=Count.exactly(2),
    )
    scores = IncidentScores()
    scores.add_document([event], [known, unknown])
    assert (scores.slots["killed"].matched, scores.slots["killed"].counted) == (1, 1)
    assert scores.slots["wounded"].counted == 0
