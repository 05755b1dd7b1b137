"""Tests for what the relation finder keeps of the classifier's pairs: no learned leadership
for a person whose rank in another group the sentence states."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import pytest
import spacy

from mosaic.extract.entities.mentions import Role
from mosaic.extract.models.relation_classifier import PairRelation, RelationClassifier, pair_key
from mosaic.extract.relations.finder import RelationFinder
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import RelationType

R = RelationType
Contexts = Callable[..., list[SentenceContext]]
TTP, ALF = "Tehreek-i-Taliban Pakistan", "Alpha Liberation Front"
pytestmark = pytest.mark.slow


class _EveryoneLeads(RelationClassifier):
    """A classifier sure that every person of a sentence leads every group of it."""

    def __init__(self) -> None:
        super().__init__(spacy.blank("en"))

    def relations_of_each(
        self, sentences: Sequence[tuple[SentenceContext, Collection[frozenset[str]]]]
    ) -> list[list[PairRelation]]:
        return [self._leads(context, known) for context, known in sentences]

    def _leads(
        self, context: SentenceContext, known: Collection[frozenset[str]]
    ) -> list[PairRelation]:
        people = [m for m in context.mentions if m.role is Role.PERSON]
        groups = [m for m in context.mentions if m.role is Role.GROUP]
        return [
            PairRelation(R.LEADER_OF, person, group, person.start, False, 0.9)
            for person in people
            for group in groups
            if pair_key(person, group) not in known
        ]


def _leaders(contexts: Contexts, text: str) -> set[tuple[str, str]]:
    finder = RelationFinder("test", _EveryoneLeads())
    found = [f for c in contexts(text) for f in finder.find(c)]
    return {(f.subject.name, f.object.name) for f in found if f.type is R.LEADER_OF}


def test_learned_no_leadership_for_a_person_ranked_in_another_group(contexts: Contexts) -> None:
    text = "Karim Shah, an ALF commander, met TTP officials in Quetta on Monday."
    assert _leaders(contexts, text) == set()


def test_learned_leadership_kept_for_a_person_the_rules_do_not_rank(contexts: Contexts) -> None:
    text = "Karim Shah met TTP officials in Quetta on Monday."
    assert _leaders(contexts, text) == {("Karim Shah", TTP)}
