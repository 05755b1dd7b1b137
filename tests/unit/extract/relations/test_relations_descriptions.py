"""Tests for groups described before they are named (mosaic.extract.relations.descriptions):
a role in "a breakaway faction", "a new cell" or "his faction" is a role in the group the
text later names, not in the group it broke from."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.descriptions import with_described_groups
from mosaic.extract.relations.finder import RelationFinder, dedupe_relations
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import RelationType
from support.findings import triples

R = RelationType
Contexts = Callable[..., list[SentenceContext]]
Find = Callable[[str], set[tuple[RelationType, str, str]]]
TTP, ALF = "Tehreek-i-Taliban Pakistan", "Alpha Liberation Front"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(contexts: Contexts) -> Find:
    finder = RelationFinder("test")

    def run(text: str) -> set[tuple[RelationType, str, str]]:
        described = with_described_groups(contexts(text))
        findings = dedupe_relations(f for c in described for f in finder.find(c))
        return triples(findings)

    return run


def test_descriptions_leader_chosen_by_a_breakaway_faction_leads_the_faction(found: Find) -> None:
    text = (
        "A breakaway faction of the TTP has chosen Hakim Zaman as its leader. The faction, "
        "which calls itself the Alpha Liberation Front, met near Peshawar on Monday."
    )
    triples = found(text)
    assert (R.LEADER_OF, "Hakim Zaman", ALF) in triples
    assert (R.LEADER_OF, "Hakim Zaman", TTP) not in triples


def test_descriptions_chief_of_a_new_cell_leads_the_name_it_is_given(found: Find) -> None:
    text = (
        "Hakim Zaman was appointed head of a new cell close to al-Qaeda. A statement said "
        "the cell would be known as the Alpha Liberation Front."
    )
    assert (R.LEADER_OF, "Hakim Zaman", ALF) in found(text)


def test_descriptions_a_persons_faction_is_led_by_him(found: Find) -> None:
    text = (
        "Karim Shah said on Monday that his faction had walked out of the TTP. It said the "
        "faction would be called the Alpha Liberation Front."
    )
    assert (R.LEADER_OF, "Karim Shah", ALF) in found(text)


def test_descriptions_deputy_named_by_a_leader_belongs_to_his_group(found: Find) -> None:
    text = "Hakim Zaman, the ALF's emir, named Karim Shah as one of his deputies."
    assert (R.MEMBER_OF, "Karim Shah", ALF) in found(text)


def test_descriptions_unnamed_description_leaves_the_contexts_as_they_are(
    contexts: Contexts,
) -> None:
    given = contexts("A breakaway faction of the TTP attacked a checkpoint near Peshawar.")
    assert with_described_groups(given) == given


def test_descriptions_founder_of_a_group_called_by_name_leads_it(found: Find) -> None:
    text = "After his release, Hakim Zaman set up a charity called the Alpha Liberation Front."
    assert (R.LEADER_OF, "Hakim Zaman", ALF) in found(text)


def test_descriptions_group_known_by_a_name_joined_by_a_person(found: Find) -> None:
    text = "Karim Shah joined a small militant outfit known as the ALF in 2012."
    assert (R.MEMBER_OF, "Karim Shah", ALF) in found(text)
