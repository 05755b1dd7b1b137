"""The model's attribute ruler, finding its matches through an index.

spaCy's `AttributeRuler` sets each token's coarse part of speech and morphology from its
fine tag (and a few words) with one Matcher of some 180 patterns, and the Matcher tries
every pattern at every token: on the benchmark corpus that cost as much CPU as the parser.
The patterns are a few tokens each, every token testing attributes for a value, a set of
values (`IN`, `NOT_IN`) or a `REGEX`; `IndexedMatches` looks each token's values up in a
table of the values the patterns' first tokens ask for, and tests only the patterns found
there (and those whose first token asks for no value). A pattern of any other form
(operators, other predicates, other attributes) is left to a Matcher of its own. It returns
the ruler's matches exactly as `AttributeRuler.match` does, so the ruler sets the same
attributes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

Match = tuple[int, int, int, int]
"""A match as `AttributeRuler.match` gives it: pattern index, match key, start, end."""
FIELDS = ("ORTH", "LOWER", "DEP", "TAG", "IS_SPACE")
"""The token attributes a pattern may test to be matched here, columns of the doc's array;
the first ones have the most values, so a pattern is indexed by the first it tests."""


@dataclass(frozen=True)
class _Test:
    """One attribute of a token against a value (`==`), a set (`IN`, `NOT_IN`) or a regex."""

    column: int
    kind: str
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None
    answers: dict[int, bool] = field(default_factory=dict, compare=False)

    def holds(self, value: int, vocab: Vocab) -> bool:
        if self.kind == "IN":
            return value in self.values
        if self.kind == "NOT_IN":
            return value not in self.values
        known = self.answers.get(value)
        if known is None:
            found = self.regex is not None and self.regex.search(vocab.strings[value])
            known = self.answers[value] = bool(found)
        return known


@dataclass(frozen=True)
class _Pattern:
    """A ruler pattern: its index and match key, and the tests of each of its tokens."""

    index: int
    key: int
    tokens: tuple[tuple[_Test, ...], ...]

    def holds(self, columns: Sequence[Sequence[int]], start: int, vocab: Vocab) -> bool:
        if start + len(self.tokens) > len(columns[0]):
            return False
        return all(
            test.holds(columns[test.column][start + offset], vocab)
            for offset, tests in enumerate(self.tokens)
            for test in tests
        )


class IndexedMatches:
    """`AttributeRuler.match` for one ruler, each pattern tried only where it may match."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab: Vocab = ruler.vocab
        self.anchored: dict[tuple[int, int], list[_Pattern]] = defaultdict(list)
        self.unanchored: list[_Pattern] = []
        self.others = Matcher(ruler.vocab)
        for index, group in enumerate(ruler.patterns):
            key = self.vocab.strings[str(index)]
            for pattern in cast(list[Any], group["patterns"]):
                self._add(index, key, pattern)
        self.anchor_columns = sorted({column for column, _ in self.anchored})

    def _add(self, index: int, key: int, pattern: Any) -> None:
        tokens = [_tests(self.vocab, spec) for spec in pattern]
        if not tokens or any(tests is None for tests in tokens):
            self.others.add(str(index), [pattern])
            return
        compiled = _Pattern(index, key, tuple(t for t in tokens if t is not None))
        tests = sorted(compiled.tokens[0], key=lambda test: test.column)
        anchor = next((test for test in tests if test.kind == "IN"), None)
        if anchor is None:
            self.unanchored.append(compiled)
            return
        for value in anchor.values:
            self.anchored[(anchor.column, value)].append(compiled)

    def __call__(self, doc: Doc) -> list[Match]:
        """The ruler's matches in the doc, sorted as `AttributeRuler.match` sorts them."""
        array = doc.to_array([IDS[name] for name in FIELDS]).reshape(len(doc), len(FIELDS))
        columns = cast(list[list[int]], array.T.tolist())  # uint64 hashes as Python ints
        found: set[Match] = set()
        for start in range(len(doc)):
            candidates = [*self.unanchored]
            for column in self.anchor_columns:
                candidates += self.anchored.get((column, columns[column][start]), ())
            for pattern in candidates:
                if pattern.holds(columns, start, self.vocab):
                    found.add((pattern.index, pattern.key, start, start + len(pattern.tokens)))
        others = self.others(doc, allow_missing=True, as_spans=False) if len(self.others) else []
        for key, start, end in others:
            found.add((int(self.vocab.strings[key]), key, start, end))
        return sorted(found)


def _tests(vocab: Vocab, spec: Any) -> tuple[_Test, ...] | None:
    """The tests of one token of a pattern; None where it asks for anything else."""
    if not isinstance(spec, dict):
        return None
    tests = []
    for name, wanted in spec.items():
        if name not in FIELDS:
            return None
        test = _test(vocab, FIELDS.index(name), wanted)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def _test(vocab: Vocab, column: int, wanted: Any) -> _Test | None:
    """A value is a set of one; a set of values is the strings' hashes (a flag's 0 or 1)."""
    if isinstance(wanted, str | bool):
        return _Test(column, "IN", frozenset({_hash(vocab, wanted)}))
    if not isinstance(wanted, dict) or len(wanted) != 1:
        return None
    kind, values = next(iter(wanted.items()))
    plain = isinstance(values, list) and all(isinstance(v, str | bool) for v in values)
    if kind in ("IN", "NOT_IN") and plain:
        return _Test(column, kind, frozenset(_hash(vocab, value) for value in values))
    if kind == "REGEX" and isinstance(values, str):
        return _Test(column, kind, regex=re.compile(values))
    return None


def _hash(vocab: Vocab, value: str | bool) -> int:
    """A pattern's value as the token's array holds it: a string's hash, a flag's 0 or 1."""
    return int(value) if isinstance(value, bool) else vocab.strings.add(value)


def index_attribute_ruler(nlp: Language) -> None:
    """The pipeline's attribute ruler, if it has one, made to find its matches through
    `IndexedMatches`: the same matches, the same attributes set."""
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            setattr(component, "match", IndexedMatches(component))  # noqa: B010
