"""Tests for deaths stated in a report's sentences (mosaic.extract.relations.deaths)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.deaths import stated_deaths
from mosaic.extract.relations.finder import RelationFinder, dedupe_relations, end_by_killings
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import FuzzyDate, RelationType

Contexts = Callable[..., list[SentenceContext]]
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mullah Omar led the Taliban. He was killed in a drone strike in June 2013.",
         {"person:omar": FuzzyDate(2013, 6)}),
        ("Mullah Omar died in April 2013 in Karachi.", {"person:omar": FuzzyDate(2013, 4)}),
        ("Mullah Omar may have been killed in June 2013.", {}),
        ("Mullah Omar was not killed in the June 2013 raid.", {}),
        ("Mullah Omar was killed in a raid.", {}),
        ("The Taliban's former chief, Mullah Omar, killed in July 2013, had planned it.",
         {"person:omar": FuzzyDate(2013, 7)}),
        ("Taliban's former chief Mullah Omar, killed in 2013, had planned the attack.",
         {"person:omar": FuzzyDate(2013)}),
        ("Karim Durrani, the ISKP emir killed in a drone strike in July 2016, had recruited "
         "them.", {"karim durrani": FuzzyDate(2016, 7)}),
        ("Karim Durrani, the ISKP emir killed in a drone strike, had recruited them in 2015.",
         {}),
    ],
)  # fmt: skip
def test_relation_deaths_stated_in_a_sentence(
    contexts: Contexts, text: str, expected: dict[str, FuzzyDate]
) -> None:
    assert stated_deaths(contexts(text)) == expected


def test_relation_deaths_end_the_leadership(contexts: Contexts) -> None:
    found = contexts("Mullah Omar led the Taliban from 1996. He died in April 2013.")
    finder = RelationFinder("test")
    relations = dedupe_relations(f for c in found for f in finder.find(c))
    [leader] = [r for r in end_by_killings(relations, [], found)
                if r.type is RelationType.LEADER_OF]  # fmt: skip
    assert (leader.subject.name, leader.end) == ("Mullah Omar", FuzzyDate(2013, 4))
