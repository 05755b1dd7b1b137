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
    ("The ALF split from the TTP in 2014. The two groups have fought each other in the north "
     "since then.", R.RIVALRY, TTP, ALF),
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


COALITION_MEMBERS = [
    ("The ALF, an alliance of the TTP, al-Qaeda and the ISKP, claimed the raid.", ISKP),
    ("The ALF, an alliance of the TTP, al-Qaeda and the ISKP, claimed the raid.", TTP),
    ("The ALF is a coalition of the TTP and al-Qaeda, officials said.", AQ),
    ("The ALF, made up of the TTP and al-Qaeda, attacked a convoy.", AQ),
    ("The raid was claimed by the ALF, a coalition formed in May that brings together the "
     "TTP and al-Qaeda.", AQ),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "member"), COALITION_MEMBERS)
def test_group_ties_a_named_coalition_is_allied_with_each_group_it_is_made_of(
    relation_findings: Found, text: str, member: str
) -> None:
    assert_relation_found(relation_findings(text), R.ALLIANCE, member, ALF)


@pytest.mark.slow
def test_group_ties_groups_of_one_named_coalition_are_not_allied_to_each_other(
    relation_findings: Found,
) -> None:
    found = triples(relation_findings("The ALF, an alliance of the TTP and al-Qaeda, claimed it."))
    assert (R.ALLIANCE, TTP, AQ) not in found and (R.ALLIANCE, AQ, TTP) not in found, found


@pytest.mark.slow
def test_group_ties_an_unnamed_alliance_of_two_groups_still_allies_them(
    relation_findings: Found,
) -> None:
    found = relation_findings("An alliance of the TTP and al-Qaeda claimed the raid.")
    assert_relation_found(found, R.ALLIANCE, TTP, AQ)


MERGED = [
    "The ALF was formed in 2013 by the merger of the TTP and al-Qaeda.",
    "Police raided the ALF, a group created through the merger of the TTP and al-Qaeda in 2013.",
    "The ALF was formed in 2013 when the TTP merged with al-Qaeda.",
    "The ALF was set up in 2013, when the TTP merged with al-Qaeda, officials say.",
    "The ALF was announced in 2013, when the TTP said it had merged with al-Qaeda.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", MERGED)
def test_group_ties_groups_merged_into_a_new_one_join_it_then(
    relation_findings: Found, text: str
) -> None:
    found = [f for f in relation_findings(text) if f.type is R.ALLEGIANCE]
    assert {(f.subject.name, f.object.name, f.start) for f in found} == {
        (TTP, ALF, FuzzyDate(2013)),
        (AQ, ALF, FuzzyDate(2013)),
    }, found


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The TTP merged with al-Qaeda in 2013 when the ALF was formed.",
     "The ALF was formed in 2011. The TTP merged with al-Qaeda in 2013."],
)  # fmt: skip
def test_group_ties_a_merger_not_told_as_a_founding_joins_no_new_group(
    relation_findings: Found, text: str
) -> None:
    found = [f for f in relation_findings(text) if f.type is R.ALLEGIANCE]
    assert not [f for f in found if f.object.name == ALF], found
