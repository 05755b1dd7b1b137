"""Tests for offices stated without an owner ("was named chief"), past leaders listed with
their deaths ("A (killed July 2016)"), and appointments dated by their sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.finder import RelationFinder, dedupe_relations
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import FuzzyDate, RelationFinding, RelationType

R = RelationType
Contexts = Callable[..., list[SentenceContext]]
Find = Callable[[str], list[RelationFinding]]
TTP, ALF = "Tehreek-i-Taliban Pakistan", "Alpha Liberation Front"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(contexts: Contexts) -> Find:
    finder = RelationFinder("test")

    def run(text: str) -> list[RelationFinding]:
        return dedupe_relations(f for c in contexts(text) for f in finder.find(c))

    return run


def _leaders(
    findings: list[RelationFinding],
) -> dict[str, tuple[str, FuzzyDate | None, FuzzyDate | None]]:
    return {f.subject.name: (f.object.name, f.start, f.end) for f in findings
            if f.type is R.LEADER_OF}  # fmt: skip


def test_relations_offices_named_chief_is_of_the_group_named_before(found: Find) -> None:
    leaders = _leaders(found("The ALF said Hakim Zaman was named chief in late July."))
    assert leaders == {"Hakim Zaman": (ALF, FuzzyDate(2015, 7), None)}


def test_relations_offices_named_leader_of_a_group_is_dated(found: Find) -> None:
    leaders = _leaders(found("Mullah Omar was named leader of the TTP in November 2013."))
    assert leaders == {"Mullah Omar": (TTP, FuzzyDate(2013, 11), None)}


def test_relations_offices_office_of_a_place_is_no_leadership(found: Find) -> None:
    text = "The TTP attacked a rally. Hakim Zaman was named chief minister of Punjab."
    assert _leaders(found(text)) == {}


def test_relations_offices_previous_leaders_end_with_their_deaths(found: Find) -> None:
    text = (
        "The TTP has had three leaders. The previous leaders were Hakim Zaman (killed "
        "August 2009) and Karim Shah (killed November 2013)."
    )
    assert _leaders(found(text)) == {
        "Hakim Zaman": (TTP, None, FuzzyDate(2009, 8)),
        "Karim Shah": (TTP, None, FuzzyDate(2013, 11)),
    }


def _triples(findings: list[RelationFinding]) -> set[tuple[RelationType, str, str]]:
    return {(f.type, f.subject.name, f.object.name) for f in findings}


def test_relations_offices_them_is_not_the_subject(found: Find) -> None:
    text = "The ISKP claimed the bombing. The ALF said it had collaborated with them."
    pairs = {frozenset(t[1:]) for t in _triples(found(text)) if t[0] is R.ALLIANCE}
    assert pairs == {frozenset((ALF, "Islamic State Khorasan Province"))}


def test_relations_offices_persuaded_group_pledges_to_the_chief_and_his_group(
    found: Find,
) -> None:
    text = "The ISKP persuaded the ALF to pledge allegiance to the TTP chief, Hakim Zaman."
    allegiances = {t for t in _triples(found(text)) if t[0] is R.ALLEGIANCE}
    assert allegiances == {(R.ALLEGIANCE, ALF, "Hakim Zaman"), (R.ALLEGIANCE, ALF, TTP)}


def test_relations_offices_allegiance_to_a_leader_named_alone_is_to_him(found: Find) -> None:
    text = "Mullah Omar leads the Taliban. The ALF pledged allegiance to Mullah Omar."
    allegiances = {t for t in _triples(found(text)) if t[0] is R.ALLEGIANCE}
    assert allegiances == {(R.ALLEGIANCE, ALF, "Mullah Omar")}


def test_relations_offices_a_named_party_we_do_not_know_is_not_the_group_before(
    found: Find,
) -> None:
    text = (
        "The ALF was blamed. Karim Shah, a retired judge from Sindh and then chief of the "
        "opposition party Sindh People's Party, had been touring the province."
    )
    assert _leaders(found(text)) == {}


def test_relations_offices_former_emir_led_the_group_talked_about(found: Find) -> None:
    text = "The TTP claimed the attack. Former emir Karim Shah was killed in a drone strike."
    assert _leaders(found(text)) == {"Karim Shah": (TTP, None, None)}


def test_relations_offices_former_president_is_no_group_office(found: Find) -> None:
    text = "The TTP claimed the attack. The former president Karim Shah condemned it."
    assert _leaders(found(text)) == {}
