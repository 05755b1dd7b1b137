"""Tests for relations (mosaic.extract.relations.finder, relation_nouns, relation_verbs)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.places.table import PlaceTable
from mosaic.extract.relations.finder import RelationFinder, dedupe_relations, end_by_killings
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import (
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    RelationFinding,
    RelationType,
)
from support.findings import triples

R = RelationType
Contexts = Callable[..., list[SentenceContext]]


@pytest.fixture(scope="module")
def relations(contexts: Contexts, places: PlaceTable) -> Callable[[str], list[RelationFinding]]:
    finder = RelationFinder("test")

    def run(text: str) -> list[RelationFinding]:
        return [f for c in contexts(text) for f in finder.find(c)]

    return run


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The TTP pledged allegiance to the Islamic State in 2014.",
         (R.ALLEGIANCE, "Tehreek-i-Taliban Pakistan", "Islamic State")),
        ("The Alpha Liberation Front, an al-Qaeda affiliate, struck again.",
         (R.AFFILIATE_OF, "Alpha Liberation Front", "al-Qaeda")),
        ("Taliban founder Mullah Omar died.", (R.LEADER_OF, "Mullah Omar", "Afghan Taliban")),
        ("The ISKP split from the TTP.",
         (R.SPLIT_FROM, "Islamic State Khorasan Province", "Tehreek-i-Taliban Pakistan")),
        ("The TTP formed an alliance with the ISKP.",
         (R.ALLIANCE, "Tehreek-i-Taliban Pakistan", "Islamic State Khorasan Province")),
        ("The Taliban clashed with the ISKP near Jalalabad.",
         (R.RIVALRY, "Afghan Taliban", "Islamic State Khorasan Province")),
        ("Hakim Zaman, a TTP commander, was arrested.",
         (R.MEMBER_OF, "Hakim Zaman", "Tehreek-i-Taliban Pakistan")),
        ("The ISKP is a branch of the Islamic State.",
         (R.AFFILIATE_OF, "Islamic State Khorasan Province", "Islamic State")),
    ],
)  # fmt: skip
def test_relations_patterns(
    relations: Callable[[str], list[RelationFinding]],
    text: str,
    expected: tuple[RelationType, str, str],
) -> None:
    assert expected in triples(relations(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The TTP denied any link to the Islamic State.", "The TTP did not join the ISKP.",
     "Analysts found no evidence that the TTP joined the ISKP."],
)  # fmt: skip
def test_relations_negated_are_dropped(
    relations: Callable[[str], list[RelationFinding]], text: str
) -> None:
    assert relations(text) == []


@pytest.mark.slow
def test_relations_dates_and_hedges(relations: Callable[[str], list[RelationFinding]]) -> None:
    [dated] = dedupe_relations(relations("In October 2014 the TTP pledged allegiance to IS."))
    assert dated.start == FuzzyDate(2014, 10)
    [hedged] = dedupe_relations(relations("The TTP reportedly pledged allegiance to IS."))
    assert hedged.confidence < dated.confidence


def _relation(kind: RelationType, subject: str, start: FuzzyDate | None = None) -> RelationFinding:
    person = EntityRef(subject, EntityKind.PERSON)
    group = EntityRef("Islamic State", EntityKind.ORGANIZATION, "org:islamic-state")
    return RelationFinding(kind, person, group, Evidence(0, 5, "x"), "test", start=start)


def test_relations_dedupe_keeps_earliest_start() -> None:
    found = dedupe_relations(
        [_relation(R.MEMBER_OF, "Abu Omar"), _relation(R.MEMBER_OF, "Abu Omar", FuzzyDate(2014))]
    )
    assert len(found) == 1 and found[0].start == FuzzyDate(2014)


def test_relations_killing_ends_leadership() -> None:
    target = EntityRef("Abu Omar", EntityKind.PERSON)
    killing = EventFinding(
        EventType.KILLING, Evidence(0, 5, "x"), "test", date=FuzzyDate(2016, 7), targets=(target,)
    )
    [ended] = end_by_killings([_relation(R.LEADER_OF, "Abu Omar")], [killing])
    assert ended.end == FuzzyDate(2016, 7)
