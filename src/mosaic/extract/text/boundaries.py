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

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from mosaic.extract import lexicon

BREAK_AFTER = lexicon.words("text.break_after")
SHORT_LINE = 50
"""Lines shorter than this are headlines, captions or table rows, not wrapped prose."""
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


@Language.component("mosaic_sentences_v1")
def mark_boundaries(doc: Doc) -> Doc:
    """Sets `is_sent_start` where a sentence must start; runs before the parser, which keeps
    the boundaries it finds set."""
    depth, text = 0, doc.text
    for token in doc:
        if _breaks_before(token, depth, text):
            token.is_sent_start = True
        if "\n" in token.text_with_ws:
            depth = 0
        depth = max(0, depth + token.text.count("(") - token.text.count(")"))
    return doc
