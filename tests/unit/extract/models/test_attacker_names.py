"""Attacker spans that name no one who acts: a place, a person tagged as a group, a clause."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.models.attacker_names import names_no_attacker, runs_over_clause
from mosaic.extract.models.role_spans import SPANS_KEY, attach_roles
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType, Evidence


def _doc(
    words: list[str],
    pos: list[str],
    deps: list[str],
    heads: list[int],
    lemmas: list[str] | None = None,
) -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas)


def _mention(doc: Doc, start: int, end: int, role: Role, kind: EntityKind) -> EntityMention:
    span = doc[start:end]
    ref = EntityRef(span.text, kind)
    return EntityMention(
        start, end, span.start_char, span.end_char, span.text, "X", role, ref
    )  # fmt: skip


# "the Harbour Authority ratifies its offer"
RATIFIES = _doc(
    ["the", "Harbour", "Authority", "ratifies", "its", "offer"],
    ["DET", "PROPN", "PROPN", "VERB", "PRON", "NOUN"],
    ["det", "compound", "nsubj", "ROOT", "poss", "dobj"],
    [2, 2, 3, 3, 5, 3],
)
# "the Zulu-led Eastern Front struck"
LED = _doc(
    ["the", "Zulu", "-", "led", "Eastern", "Front", "struck"],
    ["DET", "PROPN", "PUNCT", "VERB", "PROPN", "PROPN", "VERB"],
    ["det", "npadvmod", "punct", "amod", "compound", "nsubj", "ROOT"],
    [5, 3, 3, 5, 5, 6, 6],
)


def test_attacker_names_a_verb_heading_a_clause_is_no_name() -> None:
    assert runs_over_clause(RATIFIES[1:4])
    assert not runs_over_clause(RATIFIES[1:3])


def test_attacker_names_a_participle_describing_the_name_stays() -> None:
    assert not runs_over_clause(LED[1:6])
    assert not names_no_attacker(LED[1:6], True, [])


def test_attacker_names_a_span_holding_a_place_names_no_attacker() -> None:
    doc = RATIFIES
    harbour = [_mention(doc, 1, 3, Role.COUNTRY, EntityKind.PLACE)]
    assert names_no_attacker(doc[1:3], True, harbour)
    assert names_no_attacker(doc[1:3], False, harbour)
    assert not names_no_attacker(doc[1:3], True, [])


def test_attacker_names_a_person_tagged_as_a_group_is_none() -> None:
    # "Special Agent Jane Roe testified"
    doc = _doc(
        ["Special", "Agent", "Jane", "Roe", "testified"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
        ["compound", "compound", "compound", "nsubj", "ROOT"],
        [3, 3, 3, 4, 4],
    )
    roe = [_mention(doc, 2, 4, Role.PERSON, EntityKind.PERSON)]
    assert names_no_attacker(doc[0:4], True, roe)
    assert not names_no_attacker(doc[0:4], False, roe)  # an attacker tagged as a person


def test_attacker_names_a_place_span_gives_the_attack_no_perpetrator() -> None:
    # "Zululand offered a reward after the bombing"
    doc = _doc(
        ["Zululand", "offered", "a", "reward", "after", "the", "bombing"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN"],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj"],
        [1, 1, 3, 1, 1, 6, 4],
    )
    doc.spans[SPANS_KEY] = [doc.char_span(0, len("Zululand"), label="PERP_ORG")]
    place = [_mention(doc, 0, 1, Role.COUNTRY, EntityKind.PLACE)]
    event = EventFinding(EventType.ATTACK, Evidence(0, len(doc.text), doc.text), "test")
    (attack,) = attach_roles([event], doc, place)
    assert attack.perpetrators == ()
    (unknown,) = attach_roles([event], doc, [])
    assert [p.name for p in unknown.perpetrators] == ["Zululand"]


def test_attacker_names_a_facility_name_names_no_attacker() -> None:
    # "the Dune Hotel was hit"
    doc = _doc(
        ["the", "Dune", "Hotel", "was", "hit"],
        ["DET", "PROPN", "PROPN", "AUX", "VERB"],
        ["det", "compound", "nsubjpass", "auxpass", "ROOT"],
        [2, 2, 4, 4, 4],
    )
    assert names_no_attacker(doc[1:3], True, [])
    group = [_mention(doc, 1, 3, Role.GROUP, EntityKind.ORGANIZATION)]
    assert not names_no_attacker(doc[1:3], True, group)  # a listed group named so


def test_attacker_names_a_dangling_preposition_is_cut_before_the_place_test() -> None:
    # "bombers lived in Zululand for years": "for" heads the span "Zululand for"
    doc = _doc(
        ["bombers", "lived", "in", "Zululand", "for", "years"],
        ["NOUN", "VERB", "ADP", "PROPN", "ADP", "NOUN"],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj"],
        [1, 1, 1, 2, 1, 4],
    )
    start = doc.text.index("Zululand")
    span = doc.char_span(start, start + len("Zululand for"), label="PERP_ORG")
    assert span is not None and span.root.text == "for"
    doc.spans[SPANS_KEY] = [span]
    place = [_mention(doc, 3, 4, Role.COUNTRY, EntityKind.PLACE)]
    event = EventFinding(EventType.ATTACK, Evidence(0, len(doc.text), doc.text), "test")
    (attack,) = attach_roles([event], doc, place)
    assert attack.perpetrators == ()


# "Zulu pro-government militiamen were killed"
CUT = _doc(
    ["Zulu", "pro", "-", "government", "militiamen", "were", "killed"],
    ["ADJ", "ADJ", "ADJ", "ADJ", "NOUN", "AUX", "VERB"],
    ["amod", "amod", "amod", "amod", "nsubjpass", "auxpass", "ROOT"],
    [4, 4, 4, 4, 6, 6, 6],
)


def test_attacker_names_a_description_cut_before_its_noun_is_no_name() -> None:
    assert names_no_attacker(CUT[0:4], True, [])
    assert not names_no_attacker(CUT[0:5], True, [])


def test_attacker_names_a_cut_span_naming_a_group_stays() -> None:
    group = [_mention(CUT, 0, 4, Role.GROUP, EntityKind.ORGANIZATION)]
    assert not names_no_attacker(CUT[0:4], True, group)


def test_attacker_names_words_for_an_event_name_no_attacker() -> None:
    # "Shootings in Zululand went on"
    doc = _doc(
        ["Shootings", "in", "Zululand", "went", "on"],
        ["NOUN", "ADP", "PROPN", "VERB", "ADP"],
        ["nsubj", "prep", "pobj", "ROOT", "prt"],
        [3, 0, 1, 3, 3],
        ["shooting", "in", "Zululand", "go", "on"],
    )
    assert names_no_attacker(doc[0:3], True, [])
    assert not names_no_attacker(doc[0:3], False, [])  # described attackers are read apart


# "the Zulu Foreign Ministry said"
MINISTRY = _doc(
    ["the", "Zulu", "Foreign", "Ministry", "said"],
    ["DET", "PROPN", "PROPN", "PROPN", "VERB"],
    ["det", "compound", "compound", "nsubj", "ROOT"],
    [3, 3, 3, 4, 4],
)
# "the Zulu Mission Front struck"
MISSION_FRONT = _doc(
    ["the", "Zulu", "Mission", "Front", "struck"],
    ["DET", "PROPN", "PROPN", "PROPN", "VERB"],
    ["det", "compound", "compound", "nsubj", "ROOT"],
    [3, 3, 3, 4, 4],
)


def test_attacker_names_a_civil_bodys_name_names_no_attacker() -> None:
    assert names_no_attacker(MINISTRY[1:4], True, [])
    group = _mention(MINISTRY, 1, 4, Role.GROUP, EntityKind.ORGANIZATION)
    assert not names_no_attacker(MINISTRY[1:4], True, [group])  # a group the linker found


def test_attacker_names_a_civil_word_before_the_head_leaves_the_name() -> None:
    assert not names_no_attacker(MISSION_FRONT[1:4], True, [])
