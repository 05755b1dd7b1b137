"""Sentence boundaries the parser must respect: paragraph and line breaks, and semicolons.

News pages put headlines, captions and bylines on lines of their own without a
full stop, and the statistical parser runs them into the next sentence;
semicolons join independent reports of separate events ("on January 13, an IS
squad attacked ...; on January 17, a bomber ..."). A line break ends a
sentence unless the text is hard-wrapped (wire copy such as MUC-4 breaks
lines every 70 characters mid-sentence): a blank line, an indented next line,
a line ending in final punctuation, a short line (a headline) or a line above a dateline
or byline set off on its own ends one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import IDX, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from mosaic.extract import lexicon

BREAK_AFTER = lexicon.words("text.break_after")
SHORT_LINE = 50
"""Lines shorter than this are headlines, captions or table rows, not wrapped prose."""
_LINE_BREAK = re.compile("\n")
_BRACKET = re.compile(r"[()]")
_FINAL = re.compile(r"[.!?:;\"'”’)\]|]\s*$")


def line_ends_sentence(text: str, newline: int) -> bool:
    """Whether the line break at character `newline` of `text` also ends a sentence."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline]
    after = text[newline + 1 : newline + 2]
    if not line.strip() or after in ("\n", " ", "\t", "\r"):
        return True
    if _stands_alone(text, newline + 1):
        return True  # a long headline above a dateline or byline line of its own
    return len(line.strip()) < SHORT_LINE or bool(_FINAL.search(line))


WRAPPED_SHARE = 0.5
"""A text is hard-wrapped when at least this share of its long lines end mid-sentence."""
WRAPPED_LINES = 3
"""The fewest long lines that show a text to be hard-wrapped."""


@functools.lru_cache(maxsize=16)
def hard_wrapped(text: str) -> bool:
    """Whether the text breaks its lines mid-sentence (wire copy wrapped at ~70 characters),
    so that a single line break inside a paragraph is no paragraph break."""
    long = [line for line in text.splitlines() if len(line.strip()) >= SHORT_LINE]
    if len(long) < WRAPPED_LINES:
        return False
    open_ended = sum(not _FINAL.search(line) for line in long)
    return open_ended >= WRAPPED_SHARE * len(long)


def breaks_paragraph(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a paragraph break: any line break, except in
    hard-wrapped text, where only a blank line, an indented line or a line set off on its
    own starts a paragraph."""
    newline = text.find("\n", start, end)
    if newline < 0:
        return False
    if not hard_wrapped(text):
        return True
    while newline >= 0:
        if text[newline + 1 : newline + 2] in ("\n", " ", "\t", "\r"):
            return True
        if _stands_alone(text, newline + 1):
            return True
        newline = text.find("\n", newline + 1, end)
    return False


def _stands_alone(text: str, start: int) -> bool:
    """Whether the line from `start` is short, unpunctuated and set off by a blank line after
    it (a dateline, a byline): wrapped prose does not end a paragraph that way."""
    end = text.find("\n", start)
    if end < 0:
        return False
    line = text[start:end].strip()
    return (
        0 < len(line) < SHORT_LINE
        and not _FINAL.search(line)
        and text[end + 1 : end + 2] in ("\n", "\r")
    )


def _breaks_before(token: Token, depth: int, text: str) -> bool:
    """Whether a sentence starts at the token: after a line break that ends a sentence, or
    after a semicolon outside brackets (`depth` is the bracket depth before it)."""
    if token.i == 0 or token.is_space:
        return False
    previous = token.doc[token.i - 1]
    start = previous.idx if previous.is_space else previous.idx + len(previous)
    gap = text[start : token.idx]
    if "\n" in gap:
        return line_ends_sentence(text, start + gap.index("\n"))
    return previous.text in BREAK_AFTER and depth == 0


FINAL_INITIAL = r"(?<=-[A-Z])\.$"
"""A full stop after a hyphen and one capital letter ("defected to ISIS-K. The group ..."):
the end of a sentence, not an initial's stop, which stands after a space ("George W. Bush")."""


def split_stops_after_hyphenated_initials(nlp: Language) -> None:
    """Makes the tokenizer split the full stop off a name that ends in a hyphen and a capital
    ("ISIS-K."). Left on the letter, it reads as an initial's stop: the parser runs the next
    sentence into this one, and the name is no longer the gazetteer's "ISIS-K"."""
    tokenizer: Tokenizer = nlp.tokenizer
    pattern = tokenizer.suffix_search.__self__.pattern
    tokenizer.suffix_search = re.compile(f"{pattern}|{FINAL_INITIAL}").search


@Language.component("mosaic_sentences_v1")
def mark_boundaries(doc: Doc) -> Doc:
    """Sets `is_sent_start` where a sentence must start; runs before the parser, which keeps
    the boundaries it finds set."""
    text = doc.text
    for i in _forced_starts(doc, text):
        doc[i].is_sent_start = True
    return doc


def _forced_starts(doc: Doc, text: str) -> list[int]:
    """The tokens `_breaks_before` says start a sentence. Only a token after a line break or
    a `BREAK_AFTER` word can; the bracket depth before it changes only at a token holding a
    bracket or a line break (where it starts again from 0). Those tokens are found in the
    text, not token by token."""
    starts = doc.to_array(IDX)
    breaks = _owners(starts, _LINE_BREAK.finditer(text))
    brackets = _owners(starts, _BRACKET.finditer(text))
    after = {i + 1 for i in breaks | _break_words(doc) if i + 1 < len(doc)}
    depth, forced = 0, []
    for i in sorted(after | breaks | brackets):
        if i in after and _breaks_before(doc[i], depth, text):
            forced.append(i)
        if i in breaks:
            depth = 0
        if i in brackets:
            word = doc[i].text
            depth = max(0, depth + word.count("(") - word.count(")"))
    return forced


def _owners(starts: Any, found: Iterator[re.Match[str]]) -> set[int]:
    """The tokens whose text or trailing whitespace holds a match (`starts`: each token's
    first character)."""
    chars = [match.start() for match in found]
    return set((numpy.searchsorted(starts, chars, side="right") - 1).tolist())


def _break_words(doc: Doc) -> set[int]:
    """The tokens that are a `BREAK_AFTER` word."""
    keys = [doc.vocab.strings[word] for word in BREAK_AFTER]
    return set(numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), keys)).tolist())
