"""Tests for the relation rule tables read from data/lexicon/relations.yaml (relations.verbs),
and for verbs the parser misreads: "X split from Y" with "split" tagged a noun, a verb parsed
as the modifier of its object, and sides that hold a tie with each other; in sentences
written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.verbs import NOUN_PATTERNS, VERB_PATTERNS, _noun_read_patterns
from mosaic.model import RelationFinding, RelationType
from support.findings import assert_relation_found, triples


def test_verbs_patterns_keep_the_table_order() -> None:
    assert [p.lemma for p in VERB_PATTERNS[:2]] == ["pledge", "swear"]
    assert (VERB_PATTERNS[-1].lemma, VERB_PATTERNS[-1].particle) == ("set", "up")


def test_verbs_needs_names_a_word_class() -> None:
    wage = next(p for p in VERB_PATTERNS if p.lemma == "wage")
    assert wage.needs is not None and {"war", "jihad"} <= wage.needs
    assert wage.type is RelationType.RIVALRY


def test_verbs_pattern_without_prep_takes_the_direct_object() -> None:
    join = next(p for p in VERB_PATTERNS if p.lemma == "join")
    assert join.prep is None
    assert next(p for p in VERB_PATTERNS if p.lemma == "defect").prep == "to"


def test_verbs_noun_pattern_lists_its_prepositions() -> None:
    assert NOUN_PATTERNS["tie"] == (RelationType.ALLIANCE, ("to", "with"))
    assert NOUN_PATTERNS["alliance"] == (RelationType.ALLIANCE, ("with",))


R = RelationType
Found = Callable[[str], list[RelationFinding]]
AQ, TALIBAN, ALF = "al-Qaeda", "Afghan Taliban", "Alpha Liberation Front"
TTP, IS, ISKP = "Tehreek-i-Taliban Pakistan", "Islamic State", "Islamic State Khorasan Province"
ARMY = "Pakistan Army"

STATED = [
    ("Ahrar-ul-Zulu split from the TTP in August 2014 after a dispute.",
     R.SPLIT_FROM, "Ahrar-ul-Zulu", TTP),
    ("IS-K split from the Islamic State in 2019.", R.SPLIT_FROM, ISKP, IS),
    ("The ALF separated from the Pakistani Taliban in 2014.", R.SPLIT_FROM, ALF, TTP),
    ("The TTP said on Monday that the ALF had joined its ranks.", R.ALLEGIANCE, ALF, TTP),
    ("The ALF, once allied with the Taliban, later swore allegiance to the Islamic State.",
     R.ALLEGIANCE, ALF, IS),
    ("The ALF and the TTP clashed in Quetta in June 2015.", R.RIVALRY, ALF, TTP),
    ("The ALF and the TTP have cooperated in attacks in Quetta since 2001.",
     R.ALLIANCE, ALF, TTP),
    ("The Taliban and the ALF have fought each other in Nangarhar since 2015.",
     R.RIVALRY, TALIBAN, ALF),
    ("The ALF has been at war with the Pakistani army since 2007.", R.RIVALRY, ALF, ARMY),
    ("The ALF cooperates with the TTP and has fought the Pakistani army in Quetta.",
     R.RIVALRY, ALF, ARMY),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "subject", "obj"), STATED)
def test_verbs_relation_read_past_parse_errors_is_found(
    relation_findings: Found, text: str, kind: RelationType, subject: str, obj: str
) -> None:
    assert_relation_found(relation_findings(text), kind, subject, obj)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF split the TTP's fighters into two camps.",
     "The ALF and the TTP clashed with the army in Quetta.",
     "The ALF and the TTP fought the army in Quetta."],
)  # fmt: skip
def test_verbs_near_misses_state_no_tie(relation_findings: Found, text: str) -> None:
    found = triples(relation_findings(text))
    assert not {t for t in found if {t[1], t[2]} in ({ALF, TTP}, {ALF, AQ})}, found


def test_verbs_noun_read_patterns_are_the_lemmas_bare_preposition_patterns() -> None:
    for lemma in {p.lemma for p in VERB_PATTERNS}:
        expected = [
            (p, p.prep)
            for p in VERB_PATTERNS
            if p.lemma == lemma and p.prep and p.needs is None and p.particle is None
        ]
        assert _noun_read_patterns(lemma) == expected
    assert [prep for _, prep in _noun_read_patterns("split")] == ["from"]
    assert _noun_read_patterns("wage") == []  # needs a word class ("war")
    assert _noun_read_patterns("harvest") == []  # no pattern


@pytest.mark.slow
def test_relations_verbs_a_person_belonging_to_a_group_is_its_member(
    relation_findings: Callable[[str], list[RelationFinding]],
) -> None:
    found = relation_findings("Police said the bomber, Tariq Baloch, belonged to the TTP.")
    assert {(f.type, f.subject.name, f.object.name) for f in found} == {
        (RelationType.MEMBER_OF, "Tariq Baloch", "Tehreek-i-Taliban Pakistan")
    }


@pytest.mark.slow
def test_verbs_pledge_of_loyalty_is_its_owner_s(relation_findings: Found) -> None:
    text = "Mullah Omar renewed his pledge of allegiance to the ALF on Monday."
    assert_relation_found(relation_findings(text), R.ALLEGIANCE, "Mullah Omar", ALF)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF has worked alongside the TTP in several attacks.",
     "ALF fighters now operate alongside the TTP in the north."],
)  # fmt: skip
def test_verbs_working_alongside_is_an_alliance(relation_findings: Found, text: str) -> None:
    assert_relation_found(relation_findings(text), R.ALLIANCE, ALF, TTP)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "obj"),
    [("The ALF belongs to the TTP.", TTP), ("The ALF belongs to the Pakistani army.", ARMY)],
)
def test_verbs_group_belonging_to_another_is_its_affiliate(
    relation_findings: Found, text: str, obj: str
) -> None:
    assert_relation_found(relation_findings(text), R.AFFILIATE_OF, ALF, obj)
