"""Tests for relations through clause shapes wire reports use: "broke away from" (the parser
makes "away" an adverb), a subject named in an apposition ("its rival, X, is led by Y"), and
a date in a relative clause that belongs to that clause only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import FuzzyDate, RelationFinding, RelationType

pytestmark = pytest.mark.slow
R = RelationType
Contexts = Callable[..., list[SentenceContext]]
Found = Callable[[str], list[RelationFinding]]


@pytest.fixture
def relations(relation_findings: Found) -> Found:
    return relation_findings


def _of(found: list[RelationFinding], kind: RelationType) -> list[tuple[str, str]]:
    return [(f.subject.name, f.object.name) for f in found if f.type is kind]


def test_relations_clauses_broke_away_from_is_a_split(relations: Found) -> None:
    found = relations("The ALF broke away from the Pakistani Taliban in 2011.")
    assert _of(found, R.SPLIT_FROM) == [("Alpha Liberation Front", "Tehreek-i-Taliban Pakistan")]


def test_relations_clauses_subject_named_in_apposition(relations: Found) -> None:
    found = relations("Its main rival, the ALF, is led by Mullah Omar.")
    assert _of(found, R.LEADER_OF) == [("Mullah Omar", "Alpha Liberation Front")]


def test_relations_clauses_relative_clause_date_stays_in_its_clause(relations: Found) -> None:
    text = "The ALF, which pledged allegiance to al-Qaeda in 2012, has long fought the TTP."
    found = relations(text)
    [pledge] = [f for f in found if f.type is R.ALLEGIANCE]
    [fight] = [f for f in found if f.type is R.RIVALRY]
    assert pledge.start == FuzzyDate(2012)
    assert fight.start is None


def test_relations_clauses_named_as_new_leader(relations: Found) -> None:
    text = (
        "The Pakistani Taliban on Thursday named Mullah Omar as their new leader, days after "
        "a strike."
    )
    assert ("Mullah Omar", "Tehreek-i-Taliban Pakistan") in _of(relations(text), R.LEADER_OF)


def test_relations_clauses_passive_predicate_links_its_subject(relations: Found) -> None:
    found = relations("The ALF is closely linked to al-Qaeda.")
    assert _of(found, R.AFFILIATE_OF) == [("Alpha Liberation Front", "al-Qaeda")]


def test_relations_clauses_ties_with_a_group_are_an_alliance(relations: Found) -> None:
    found = relations("The ALF has maintained close ties with al-Qaeda since 2009.")
    [tie] = [f for f in found if f.type is R.ALLIANCE]
    assert (tie.subject.name, tie.object.name) == ("Alpha Liberation Front", "al-Qaeda")


def test_relations_clauses_denied_ties_are_no_relation(relations: Found) -> None:
    found = relations("The ALF denied having any ties with al-Qaeda.")
    assert _of(found, R.ALLIANCE) == []


def test_relations_clauses_took_over_dates_the_leadership(relations: Found) -> None:
    found = relations("The ALF's new leader, Mullah Omar, took over in June 2012.")
    [leader] = [f for f in found if f.type is R.LEADER_OF]
    assert (leader.subject.name, leader.start) == ("Mullah Omar", FuzzyDate(2012, 6))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF merged into the TTP in August 2014.", "In 2014 the ALF was folded into the TTP."],
)
def test_relations_clauses_merged_into_is_allegiance(relations: Found, text: str) -> None:
    found = relations(text)
    assert _of(found, R.ALLEGIANCE) == [("Alpha Liberation Front", "Tehreek-i-Taliban Pakistan")]


@pytest.mark.parametrize(
    "text",
    ["The ALF, the main rebel group fighting the Pakistani army in the north, claimed it.",
     "The ALF is the largest faction fighting the Pakistani army in the north."],
)  # fmt: skip
def test_relations_clauses_present_participle_takes_the_noun_it_describes(
    relations: Found, text: str
) -> None:
    assert _of(relations(text), R.RIVALRY) == [("Alpha Liberation Front", "Pakistan Army")]


def test_relations_clauses_description_of_a_denying_subject_stands(relations: Found) -> None:
    text = "The ALF, which has fought the Pakistani army since 2009, denied any role in the attack."
    assert _of(relations(text), R.RIVALRY) == [("Alpha Liberation Front", "Pakistan Army")]


def test_relations_clauses_negated_description_of_a_denying_subject_states_nothing(
    relations: Found,
) -> None:
    text = "The ALF, which has never fought the Pakistani army, denied any role in the attack."
    assert _of(relations(text), R.RIVALRY) == []


@pytest.mark.parametrize(
    "text",
    ["Police raided a TTP hideout in Quetta. A second armed group, the ALF, announced its "
     "formation in March. It is led by Hakim Zaman, a former army officer.",
     "The ALF remained active in 2020. The group was formed in 2018 by former TTP members. "
     "It is led by Hakim Zaman, a former army officer."],
)  # fmt: skip
def test_relations_clauses_it_stands_for_the_subject_before_or_the_group_that_stands_for(
    relations: Found, text: str
) -> None:
    assert _of(relations(text), R.LEADER_OF) == [("Hakim Zaman", "Alpha Liberation Front")]


def test_relations_clauses_its_is_the_subject_of_its_clause(relations: Found) -> None:
    text = (
        "The ALF, founded in 2004, pledged allegiance to al-Qaeda in 2014 under its leader "
        "Mullah Omar."
    )
    assert _of(relations(text), R.LEADER_OF) == [("Mullah Omar", "Alpha Liberation Front")]


def test_relations_clauses_its_beside_a_named_group_is_that_group(relations: Found) -> None:
    found = relations("The ALF attacked al-Qaeda and its leader Mullah Omar in 2014.")
    assert ("Mullah Omar", "Alpha Liberation Front") not in _of(found, R.LEADER_OF)


def test_relations_clauses_its_clause_subject_is_not_the_group_it_pledges_to(
    relations: Found,
) -> None:
    text = (
        "The ALF has fought in Kunar for a decade. The Islamic State later claimed its "
        "raids. The group pledged allegiance to the Islamic State in 2019 under its leader, "
        "Karim al-Mansuri."
    )
    assert _of(relations(text), R.LEADER_OF) == [("Karim al-Mansuri", "Alpha Liberation Front")]
