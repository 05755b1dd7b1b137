"""Ties that groups named together as one subject hold with each other
(mosaic.extract.relations.mutual), in sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import FuzzyDate, RelationFinding, RelationType
from support.findings import assert_relation_found, triples

R = RelationType
Found = Callable[[str], list[RelationFinding]]
AQ, TALIBAN, ALF = "al-Qaeda", "Afghan Taliban", "Alpha Liberation Front"
TTP, IS = "Tehreek-i-Taliban Pakistan", "Islamic State"

STATED = [
    ("The Islamic State and al-Qaeda have been bitter rivals since 2014.", R.RIVALRY, IS, AQ),
    ("Officials said the ALF and the TTP are close allies.", R.ALLIANCE, ALF, TTP),
    ("Al-Qaeda and the Afghan Taliban remain closely aligned, the monitors reported.",
     R.ALLIANCE, AQ, TALIBAN),
    ("The ALF and the TTP formed a coalition in 2018 to fight the army.", R.ALLIANCE, ALF, TTP),
    ("The ALF and the TTP carried out a joint attack on a police post in Bannu.",
     R.ALLIANCE, ALF, TTP),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "subject", "obj"), STATED)
def test_mutual_tie_of_coordinated_groups_is_found(
    relation_findings: Found, text: str, kind: RelationType, subject: str, obj: str
) -> None:
    assert_relation_found(relation_findings(text), kind, subject, obj)


@pytest.mark.slow
def test_mutual_tie_takes_the_date_of_its_clause(relation_findings: Found) -> None:
    found = relation_findings("The ALF and the TTP formed a coalition in 2014.")
    assert [(f.type, f.start) for f in found] == [(R.ALLIANCE, FuzzyDate(2014))]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF and the TTP are rivals of the Islamic State.",
     "The ALF and the TTP declared war on the Islamic State.",
     "The ALF and the TTP both operate in Kurram.",
     "The ALF and the TTP are banned in Pakistan.",
     "ALF fighters and the TTP carried out a joint attack with the army."],
)  # fmt: skip
def test_mutual_near_misses_state_no_tie_between_the_pair(
    relation_findings: Found, text: str
) -> None:
    found = triples(relation_findings(text))
    assert not {(k, s, o) for k, s, o in found if {s, o} == {ALF, TTP}}, found


@pytest.mark.slow
def test_mutual_war_declared_on_a_group_is_a_rivalry(relation_findings: Found) -> None:
    found = relation_findings("The ALF has declared war on the Taliban, calling them apostates.")
    assert_relation_found(found, R.RIVALRY, ALF, TALIBAN)
