"""Tests for the relation rule tables read from data/lexicon/relations.yaml (relations.verbs)."""

from __future__ import annotations

from mosaic.extract.relations.verbs import NOUN_PATTERNS, VERB_PATTERNS
from mosaic.model import RelationType


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
