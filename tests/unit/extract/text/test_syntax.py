"""Tests for parse helpers, locations and parties (extract.text.syntax and friends)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import pytest
from spacy.language import Language
from spacy.pipeline import DependencyParser, EntityRecognizer, Tagger
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from mosaic.extract import lexicon
from mosaic.extract.entities.parties import party
from mosaic.extract.places.locations import is_location_span
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    antecedent,
    doc_text,
    is_passive,
    subject,
    tree_distance,
    word_keys,
)

pytestmark = pytest.mark.slow


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_syntax_subject_is_inherited_by_continuing_clauses(parse: Callable[..., Doc]) -> None:
    doc = parse("The TTP rejected the offer, launching an attack instead.")
    assert [t.text for t in subject(word(doc, "launching"))] == ["TTP"]
    assert tree_distance(word(doc, "TTP"), word(doc, "rejected")) == 1


def test_syntax_doc_text_is_joined_once_per_doc() -> None:
    doc = Doc(Vocab(), words=["Gunmen", "struck", "a", "market", "."], spaces=[1, 1, 1, 0, 0])
    assert doc_text(doc) == doc.text == "Gunmen struck a market."
    doc.user_data["mosaic_doc_text"] = "kept"  # the second call reads what the first joined
    assert doc_text(doc) == "kept"


def test_syntax_word_keys_are_made_once_per_doc() -> None:
    doc = Doc(Vocab(), words=["Gunmen", "struck", "Gunmen"])
    keys = word_keys(doc)
    assert keys.tolist() == [t.orth for t in doc] and keys[0] == keys[2]
    assert word_keys(doc) is keys


def test_syntax_antecedent_of_relative_pronoun(parse: Callable[..., Doc]) -> None:
    doc = parse("The cell that bombed the market was dismantled.")
    assert antecedent(word(doc, "that")).text == "cell"


@pytest.mark.parametrize(
    ("text", "verb", "passive"),
    [("The ALF was founded by Karim Durrani.", "founded", True),
     ("The ALF, founded by Karim Durrani, grew.", "founded", True),
     ("Twelve people killed in the blast were buried.", "killed", True),
     ("The leader had taken over the group in 2009 when its head was killed, also by a drone "
      "strike.", "taken", False)],
)  # fmt: skip
def test_syntax_passive_needs_no_active_subject(
    parse: Callable[..., Doc], text: str, verb: str, passive: bool
) -> None:
    assert is_passive(word(parse(text), verb)) is passive


@pytest.mark.parametrize(
    ("text", "name", "location"),
    [("A blast hit a market in Kabul.", "Kabul", True),
     ("Pakistan's consulate was attacked.", "Pakistan", False),
     ("Fighters from Afghanistan arrived.", "Afghanistan", False),
     ("The Kabul bombing shocked many.", "Kabul", True),
     ("An Afghanistan-based group grew.", "Afghanistan", False)],
)  # fmt: skip
def test_syntax_locations(parse: Callable[..., Doc], text: str, name: str, location: bool) -> None:
    doc = parse(text)
    token = word(doc, name)
    assert is_location_span(doc, token.i, token.i + 1) is location


def test_syntax_party_resolves_group_words_and_pronouns(
    contexts: Callable[..., list[SentenceContext]],
) -> None:
    first, second = contexts(
        "The TTP grew fast. Later its leadership joined the militant group ISKP."
    )
    found = party(next(t for t in second.sent if t.text == "leadership"), second)
    assert found is not None and found.ref is not None and found.ref.key == "org:ttp"
    group = party(next(t for t in second.sent if t.text == "group"), second)
    assert group is not None and group.ref is not None and group.ref.key == "org:iskp"
    assert first.sent.text.startswith("The TTP")


def _label_groups(suffixes: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {
        name: lexicon.words(name)
        for name in lexicon.class_names()
        if name.startswith("syntax.") and name.endswith(suffixes)
    }


def _pipe_labels(nlp: Language, name: str, kind: type[Tagger | DependencyParser]) -> set[str]:
    pipe = nlp.get_pipe(name)
    assert isinstance(pipe, kind)
    return set(pipe.labels)


def test_syntax_label_groups_name_labels_the_model_knows(nlp: Language) -> None:
    """A mistyped label ("nsubjpas") would never match and fail silently: each group of
    syntax.yaml holds labels of the shipped English pipeline only."""
    known = {
        ("_deps", "_links"): _pipe_labels(nlp, "parser", DependencyParser),  # with "ROOT"
        ("_pos",): set(import_module("spacy.parts_of_speech").IDS) - {""},
        ("_tags",): _pipe_labels(nlp, "tagger", Tagger),
        ("_labels",): _pipe_labels(nlp, "ner", EntityRecognizer),
    }
    groups = {suffixes: _label_groups(suffixes) for suffixes in known}
    assert sum(len(g) for g in groups.values()) == len(
        [n for n in lexicon.class_names() if n.startswith("syntax.")]
    )
    unknown = {
        name: sorted(labels - known[suffixes])
        for suffixes, group in groups.items()
        for name, labels in group.items()
        if labels - known[suffixes]
    }
    assert unknown == {}
