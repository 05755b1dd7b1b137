"""The sentence contexts' one-pass groupings: the mentions and dates of each sentence, and
the person a "he said" of each sentence may stand for."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from mosaic.extract.attribution.speakers import last_person_before
from mosaic.extract.dates.phrases import DateValue
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import (
    DateSpan,
    SentenceContext,
    by_sentence,
    group_before,
    last_people_before,
    sentence_words,
)
from mosaic.model import EntityKind, EntityRef, Evidence, FuzzyDate


def _mention(start: int, end: int, role: Role, name: str) -> EntityMention:
    ref = EntityRef(name, EntityKind.PERSON) if role is Role.PERSON else None
    return EntityMention(start, end, start * 5, end * 5, name, "PERSON", role, ref)


def test_sentences_by_sentence_keeps_each_items_order_within_its_sentence() -> None:
    mentions = [
        _mention(4, 5, Role.GROUP, "a"),
        _mention(0, 2, Role.GROUP, "b"),
        _mention(12, 13, Role.GROUP, "c"),
        _mention(3, 4, Role.GROUP, "d"),
        _mention(9, 10, Role.GROUP, "e"),
    ]
    groups = by_sentence(mentions, [0, 3, 9, 20])
    assert [[m.text for m in group] for group in groups] == [["b"], ["a", "d"], ["c", "e"], []]


def test_sentences_by_sentence_groups_dates() -> None:
    value = DateValue(FuzzyDate.parse("2020-01-02"), None, True)
    dates = [DateSpan(7, 9, value), DateSpan(1, 2, value)]
    assert by_sentence(dates, [0, 5]) == [(dates[1],), (dates[0],)]


def test_sentences_last_people_before_each_position_as_one_call_each_finds() -> None:
    mentions = [
        _mention(2, 4, Role.PERSON, "Ann Lee"),
        _mention(5, 6, Role.GROUP, "the Front"),
        _mention(10, 12, Role.PERSON, "Bo Chan"),
        _mention(8, 9, Role.PERSON, "Cy Dunn"),
        _mention(20, 22, Role.PERSON, "Di Ek"),
    ]
    positions = [0, 3, 4, 9, 11, 12, 21, 30]
    expected = [last_person_before(mentions, p) for p in positions]
    assert expected == [None, None, "Ann Lee", "Cy Dunn", "Cy Dunn", "Cy Dunn", "Cy Dunn", "Di Ek"]
    assert last_people_before(mentions, positions) == expected


def _doc() -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=["Two", "Bands", "QUARRELLED", "again", ".", "Envoys", "left"],
        lemmas=["two", "Band", "QUARREL", "again", ".", "envoy", "leave"],
    )


def test_sentences_sentence_words_are_each_sentences_lower_forms_and_lemmas() -> None:
    doc = _doc()
    assert sentence_words(doc[0:5]) == {
        "two",
        "bands",
        "band",
        "quarrelled",
        "quarrel",
        "again",
        ".",
    }
    assert sentence_words(doc[5:7]) == {"envoys", "envoy", "left", "leave"}
    assert sentence_words(doc[2:2]) == frozenset()


def test_sentences_sentence_words_match_the_spans_own_arrays() -> None:
    doc = _doc()
    strings = doc.vocab.strings
    for start, end in [(0, 5), (5, 7), (1, 6), (0, 7)]:
        keys = doc[start:end].to_array([LOWER, LEMMA])  # type: ignore[attr-defined]
        expected = {strings[k] for k in keys[:, 0].tolist()}
        expected |= {strings[k].lower() for k in keys[:, 1].tolist()}
        assert sentence_words(doc[start:end]) == expected


def test_sentences_context_words_are_read_once_per_context() -> None:
    doc = _doc()
    context = SentenceContext(doc[5:7], (), (), Evidence(0, 6, "Envoys"), None)
    assert context.words == {"envoys", "envoy", "left", "leave"}
    assert context.words is context.words


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "named"),
    [("The ALF, which split from the TTP, said it bombed a court.", "ALF"),
     ("The ALF, a faction of the TTP, said its men bombed a court.", "ALF"),
     ("The ALF said the TTP had bombed a court because it wanted revenge.", "TTP"),
     ("The ALF – Khorasan Province (TTP) claimed the attack through its media wing.", "TTP")],
)  # fmt: skip
def test_sentences_it_stands_for_the_group_whose_clause_holds_it(
    contexts: Callable[..., list[SentenceContext]], text: str, named: str
) -> None:
    [context] = contexts(text)
    pronoun = next(t for t in context.doc if t.lower_ in ("it", "its"))
    found = group_before(context, pronoun.i)
    assert found is not None and found.text == named
