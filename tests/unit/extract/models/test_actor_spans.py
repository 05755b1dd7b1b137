"""Tests for armed groups' names the gazetteer does not list (mosaic.extract.models.actor_spans)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc, Span

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import Role
from mosaic.extract.models.actor_spans import (
    NEW_GROUP,
    ActorSpanTagger,
    default_model_path,
    has_group_shape,
    may_name_group,
    written_again,
)
from mosaic.extract.places.table import PlaceTable

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


@pytest.fixture(scope="module")
def tagger() -> ActorSpanTagger:
    return ActorSpanTagger(default_model_path())


def _span(text: str, start: int, end: int) -> Span:
    return Span(NLP(text), start, end, label="ORG")


@pytest.mark.parametrize(
    ("text", "start", "end", "shaped"),
    [
        ("Zulu Resistance Front", 0, 3, True),
        ("the Ahrar-ul-Zulu", 1, 6, True),
        ("al-Zulu claimed it", 0, 3, True),
        ("ZLF fighters", 0, 1, True),
        ("Zulu Market Blast", 0, 3, False),
        ("Tom Ode said", 0, 2, False),
    ],
)
def test_actor_spans_group_shape(text: str, start: int, end: int, shaped: bool) -> None:
    assert has_group_shape(_span(text, start, end)) is shaped


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ("Militants stormed the post.", True),
        ("The Zulu Front struck.", True),
        ("Ahrar-ul-Zulu struck.", True),
        ("The weather was fine in Quetta.", False),
        ("They blamed Kata'ib.", True),
    ],
)
def test_actor_spans_candidate_sentences(text: str, candidate: bool) -> None:
    doc = NLP(text)
    assert may_name_group(doc[:]) is candidate


def _doc_with(text: str, ents: list[tuple[int, int, str, str]]) -> Doc:
    doc = NLP(text)
    doc.ents = [Span(doc, s, e, label=label, span_id=key) for s, e, label, key in ents]
    return doc


def test_actor_spans_new_name_replaces_a_gazetteer_name_it_only_extends(
    tagger: ActorSpanTagger,
) -> None:
    doc = _doc_with("Members of the Zulu Taliban met.", [(4, 5, "ORG", "org:taliban")])
    tagger.is_listed = lambda name: name == "Taliban"
    [ent] = tagger._merged(doc.ents, [Span(doc, 3, 5, label="ORG", kb_id=NEW_GROUP)])
    assert (ent.text, ent.kb_id_, ent.ent_id_) == ("Zulu Taliban", NEW_GROUP, "")


def test_actor_spans_listed_names_and_partial_overlaps_stay(tagger: ActorSpanTagger) -> None:
    doc = _doc_with("The Alpha Front men came.", [(1, 3, "ORG", "org:alpha")])
    tagger.is_listed = lambda name: name == "Alpha Front"
    same = Span(doc, 1, 3, label="ORG", kb_id=NEW_GROUP)
    across = Span(doc, 2, 4, label="ORG", kb_id=NEW_GROUP)
    assert [e.ent_id_ for e in tagger._merged(doc.ents, [same])] == ["org:alpha"]
    assert [e.ent_id_ for e in tagger._merged(doc.ents, [across])] == ["org:alpha"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A little-known group, Ahrar-ul-Zulu, claimed responsibility for the blast.",
         "Ahrar-ul-Zulu"),
        ("Fighters of the Imam Kharan Battalion attacked a checkpoint on Monday.",
         "Imam Kharan Battalion"),
    ],
)  # fmt: skip
def test_actor_spans_shipped_tagger_finds_unlisted_groups(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable, text: str, name: str
) -> None:
    mentions = EntityLinker(gazetteer, places).link(parse(text))
    groups = [(m.text, m.ref) for m in mentions if m.role is Role.GROUP]
    assert [(text, ref.key if ref else "") for text, ref in groups] == [(name, None)]


@pytest.mark.slow
def test_actor_spans_batch_tags_as_one_doc_at_a_time(tagger: ActorSpanTagger) -> None:
    texts = [
        "Gunmen of the Zulu Kharan Front raided a police post. Two officers died.",
        "The weather was fine in Quetta on Sunday.",
        "A new outfit, Ansar-ul-Zulu, said its militants planted the mine.",
    ]
    tagger.is_listed = lambda name: False
    one_by_one = [[(e.text, e.kb_id_) for e in tagger(NLP(t)).ents] for t in texts]
    batched = [[(e.text, e.kb_id_) for e in d.ents] for d in tagger.pipe(NLP.pipe(texts), 2)]
    assert batched == one_by_one
    assert any(kb_id == NEW_GROUP for doc in batched for _, kb_id in doc)


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("The Zulu Front (ZF) struck.", 1, 5, "Zulu Front"),
        ("The Zulu Front group struck.", 1, 4, "Zulu Front"),
        ("Militants of the Zulu Front; others fled.", 0, 6, "Zulu Front"),
        ("The Zulu Brigade 313 struck.", 1, 6, "Zulu Brigade 313"),
        ("Fighters of the Zulu Front struck.", 0, 5, "Zulu Front"),
        ("Operatives of Zulu Front struck.", 0, 4, "Zulu Front"),
        ("It broke with al-Zulu in March 2015.", 3, 9, "al-Zulu"),
        ("It broke with the Zulu Front on Monday.", 4, 8, "Zulu Front"),
        ("The Zulu Brigade of 1998 struck.", 1, 5, "Zulu Brigade of 1998"),
    ],
)
def test_actor_spans_name_ends_before_brackets_and_lower_case_words(
    tagger: ActorSpanTagger, text: str, start: int, end: int, name: str
) -> None:
    doc = NLP(text)
    tagged = Doc(
        tagger.tagger.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]
    )
    tagged.ents = [Span(tagged, start, end, label="GROUP")]
    tagger.is_listed = lambda name: False
    assert [s.text for s in tagger._spans(doc[:], tagged)] == [name]


def test_actor_spans_a_span_over_two_listed_names_leaves_both(tagger: ActorSpanTagger) -> None:
    doc = _doc_with(
        "Both Alpha Front and Beta Front men came.",
        [(1, 3, "ORG", "org:alpha"), (4, 6, "ORG", "org:beta")],
    )
    tagger.is_listed = lambda name: name in ("Alpha Front", "Beta Front")
    both = Span(doc, 1, 6, label="ORG", kb_id=NEW_GROUP)
    assert [e.ent_id_ for e in tagger._merged(doc.ents, [both])] == ["org:alpha", "org:beta"]


def test_actor_spans_a_found_name_is_the_name_wherever_written_again() -> None:
    doc = NLP("Jets hit Kata'ib Zulu bases. Kata'ib Zulu Front men and Kata'ib Zulu fled.")
    names = [Span(doc, 2, 4, label="ORG", kb_id=NEW_GROUP), Span(doc, 6, 9, label="ORG")]
    again = written_again(doc, names)
    assert [(s.start, s.text, s.kb_id_) for s in again] == [(11, "Kata'ib Zulu", NEW_GROUP)]


def test_actor_spans_a_name_written_again_inside_a_longer_entity_is_not_the_group() -> None:
    doc = NLP("Tariq al-Zulu spoke. Later al-Zulu struck.")
    doc.ents = [Span(doc, 0, 4, label="PERSON")]
    found = Span(doc, 7, 10, label="ORG", kb_id=NEW_GROUP)
    assert found.text == "al-Zulu"
    assert written_again(doc, [found]) == []


def test_actor_spans_a_branch_named_after_its_parent_and_a_place_replaces_the_parent(
    tagger: ActorSpanTagger,
) -> None:
    doc = _doc_with("Members of al-Zulu in the Eastern Hills met.", [(2, 5, "ORG", "org:zulu")])
    tagger.is_listed = lambda name: name == "al-Zulu"
    [ent] = tagger._merged(doc.ents, [Span(doc, 2, 9, label="ORG", kb_id=NEW_GROUP)])
    assert (ent.text, ent.kb_id_) == ("al-Zulu in the Eastern Hills", NEW_GROUP)


def test_actor_spans_a_listed_name_and_the_place_it_acts_in_stay_apart(
    tagger: ActorSpanTagger,
) -> None:
    doc = _doc_with(
        "The ALF works with al-Zulu in Kharan.", [(4, 7, "ORG", "org:zulu"), (8, 9, "GPE", "")]
    )
    tagger.is_listed = lambda name: name == "al-Zulu"
    kept = tagger._merged(doc.ents, [Span(doc, 4, 9, label="ORG", kb_id=NEW_GROUP)])
    assert [(e.text, e.ent_id_) for e in kept] == [("al-Zulu", "org:zulu"), ("Kharan", "")]
