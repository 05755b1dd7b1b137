"""Ties between groups said without a relation word of their own
(mosaic.extract.relations.group_ties): acts done jointly, "the two groups", close
relationships, coalitions, sides set against each other, severed ties; in sentences written
for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import FuzzyDate, RelationFinding, RelationType
from support.findings import assert_relation_found, triples

R = RelationType
Found = Callable[[str], list[RelationFinding]]
AQ, TALIBAN, ALF = "al-Qaeda", "Afghan Taliban", "Alpha Liberation Front"
TTP, IS = "Tehreek-i-Taliban Pakistan", "Islamic State"
ISKP = "Islamic State Khorasan Province"

STATED = [
    ("The ALF has carried out several bombings jointly with the TTP.", R.ALLIANCE, ALF, TTP),
    ("Officials said the ALF now operates together with the Taliban in the east.",
     R.ALLIANCE, ALF, TALIBAN),
    ("The ALF took a district from the TTP last year, and the two groups have fought ever "
     "since.", R.RIVALRY, TTP, ALF),
    ("The ALF and the Taliban were once friends. Clashes between the two groups killed 30 "
     "people in May.", R.RIVALRY, TALIBAN, ALF),
    ("Analysts say the ALF has a symbiotic relationship with the TTP.", R.ALLIANCE, ALF, TTP),
    ("The close relationship between the ALF and al-Qaeda worries Western officials.",
     R.ALLIANCE, ALF, AQ),
    ("The ALF and the TTP have had a close relationship since 2012.", R.ALLIANCE, ALF, TTP),
    ("The ALF stormed the prison together with the TTP.", R.ALLIANCE, ALF, TTP),
    ("The front, known as the ALF, brings together the TTP, al-Qaeda and the ISKP.",
     R.ALLIANCE, TTP, ALF),
    ("The front, known as the ALF, brings together the TTP, al-Qaeda and the ISKP.",
     R.ALLIANCE, ISKP, ALF),
    ("The ALF unites the TTP and al-Qaeda under one command.", R.ALLIANCE, AQ, ALF),
    ("The dispute over taxes set the ALF against the TTP.", R.RIVALRY, ALF, TTP),
    ("The ALF renounced its ties to al-Qaeda in March 2015.", R.SPLIT_FROM, ALF, AQ),
    ("The ALF severed its links with the TTP after the massacre.", R.SPLIT_FROM, ALF, TTP),
    ("The ALF broke with the Islamic State in 2016.", R.SPLIT_FROM, ALF, IS),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "subject", "obj"), STATED)
def test_group_ties_relation_is_found(
    relation_findings: Found, text: str, kind: RelationType, subject: str, obj: str
) -> None:
    assert_relation_found(relation_findings(text), kind, subject, obj)


@pytest.mark.slow
def test_group_ties_severed_ties_are_no_alliance_and_date_the_split(
    relation_findings: Found,
) -> None:
    found = relation_findings("The ALF renounced its ties to al-Qaeda in March 2015.")
    assert [(f.type, f.start) for f in found] == [(R.SPLIT_FROM, FuzzyDate(2015, 3))]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["Police worked jointly with the army against the ALF.",
     "The ALF and the TTP attacked Quetta. The two groups clashed with the army in May.",
     "The ALF claimed the attack, and the TTP denied it. Both groups have pledged allegiance "
     "to al-Qaeda.",
     "The ALF has a hostile relationship with the TTP.",
     "The ALF brought the TTP to the negotiating table."],
)  # fmt: skip
def test_group_ties_near_misses_state_no_tie_between_the_groups(
    relation_findings: Found, text: str
) -> None:
    found = triples(relation_findings(text))
    sides = {(k, s, o) for k, s, o in found if k in (R.ALLIANCE, R.RIVALRY)}
    assert not {(k, s, o) for k, s, o in sides if {s, o} == {ALF, TTP}}, found
