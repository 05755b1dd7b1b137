"""Tests for the word-class files (extract.lexicon): they load, are checked and are each used."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from mosaic.extract import lexicon
from mosaic.extract.lexicon import LexiconError, _validated

EXTRACT = Path(lexicon.__file__).parent


def test_lexicon_every_shipped_class_loads() -> None:
    names = lexicon.class_names()
    assert len(names) > 100
    for name in names:
        assert lexicon.ordered(name) or lexicon.phrases(name)


def test_lexicon_every_class_is_used_by_a_rule() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in EXTRACT.rglob("*.py"))
    unused = [name for name in lexicon.class_names() if f'"{name}"' not in sources]
    assert unused == []


def test_lexicon_no_two_classes_hold_the_same_words() -> None:
    contents = {name: frozenset(lexicon.ordered(name)) for name in lexicon.class_names()}
    same = [
        (a, b) for a, b in itertools.combinations(sorted(contents), 2) if contents[a] == contents[b]
    ]
    assert same == []


def test_lexicon_words_are_read_as_written() -> None:
    assert "claim" in lexicon.words("events.claim_verbs")
    assert lexicon.words("text.definite") == frozenset({"the", "this", "that"})


def test_lexicon_unknown_class_is_named_in_the_error() -> None:
    with pytest.raises(LexiconError, match="no class 'no_such_class'"):
        lexicon.words("events.no_such_class")


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"classes": {"a": ["x"]}}, "expected 'version: 1'"),
        ({"version": 2, "classes": {"a": ["x"]}}, "expected 'version: 1'"),
        ({"version": 1, "classes": {}}, "'classes' must map"),
        ({"version": 1, "classes": {"verbs": []}}, "class 'verbs' must be a non-empty list"),
        ({"version": 1, "classes": {"verbs": ["say", 3]}}, "class 'verbs' holds 3"),
        ({"version": 1, "classes": {"verbs": ["say", ""]}}, "class 'verbs' holds ''"),
        (
            {"version": 1, "classes": {"verbs": ["say", "say"]}},
            "class 'verbs' lists an entry twice",
        ),
        ({"version": 1, "classes": {"roles": [["security", 1]]}}, "class 'roles' holds"),
    ],
)
def test_lexicon_malformed_file_names_file_and_class(document: object, problem: str) -> None:
    with pytest.raises(LexiconError, match=problem) as raised:
        _validated("data/lexicon/x.yaml", document)
    assert str(raised.value).startswith("data/lexicon/x.yaml: ")


def test_lexicon_phrases_are_word_tuples() -> None:
    classes = _validated("x.yaml", {"version": 1, "classes": {"roles": [["security", "forces"]]}})
    assert classes["roles"] == (("security", "forces"),)
