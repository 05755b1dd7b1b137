"""Display lines: a report's headline and bylines, set apart from its prose.

A news page opens with a headline in title case ("Militants Kill 10 Border Guards") and
carries bylines ("By Jane Doe", "VOA Correspondent Jane Doe", "Reporting by Jane Doe").
The NER and the taggers read their capitalised words as names, so these lines invent actors
("Border Guards" as a person, "Correspondent Jane" as a group), and the headline tells the
story's lead event a second time. A headline is known by its shape: an unpunctuated line,
the report's first with its longer words all capitalised, or any that is the report's
title. The steps after the parse ask `DisplayLines` whether a name or a finding stands in
such a line and whether the report's prose names that name too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mosaic.extract import lexicon
from mosaic.extract.text.surface import is_mostly_upper

BYLINE_OPENERS = lexicon.words("text.byline_openers")
BYLINE_NOUNS = lexicon.words("text.byline_nouns")
CREDIT_WORDS = lexicon.words("text.credit_words")
HEADLINE_WORDS = 25
"""A first line longer than this many words is prose, whatever its casing."""
TITLE_WORDS = 3
"""A title-cased line has at least this many words longer than SHORT_WORD, all capitalised."""
SHORT_WORD = 3
"""Words this short ("of", "in", "as") may stay lower case in a title-cased line."""
_FINAL = re.compile(r"[.!?;:][\"'”’)\]]*\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_RUN = r"(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]*)){1,4}"
"""A name of one to four capitalised words or initials, on the same line."""
_BYLINE_LINE = re.compile(
    r"^[ \t]*(?:" + "|".join(w.capitalize() for w in sorted(BYLINE_OPENERS)) + ")"
    + _NAME_RUN + r"\.?[ \t]*$",
    re.MULTILINE,
)  # fmt: skip
_BYLINE_NOUN = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in sorted(BYLINE_NOUNS)) + ")" + _NAME_RUN
)
_CREDIT = re.compile(r"\b(?i:" + "|".join(sorted(CREDIT_WORDS)) + r")[ \t]+by" + _NAME_RUN)

Range = tuple[int, int]


@dataclass(frozen=True)
class DisplayLines:
    """The character ranges of a text's headlines and bylines."""

    text: str = ""
    headlines: tuple[Range, ...] = ()
    bylines: tuple[Range, ...] = ()

    def holds(self, start: int, end: int) -> bool:
        """Whether the characters [start, end) lie within a headline or byline."""
        return any(s <= start and end <= e for s, e in (*self.headlines, *self.bylines))

    def in_headline(self, start: int) -> bool:
        """Whether the character at `start` lies in a headline."""
        return any(s <= start < e for s, e in self.headlines)

    @functools.cached_property
    def body(self) -> str:
        """The text with its headlines and bylines blanked (same length)."""
        chars = list(self.text)
        for start, end in (*self.headlines, *self.bylines):
            chars[start:end] = " " * (end - start)
        return "".join(chars)

    def named_in_body(self, name: str, person: bool = False) -> bool:
        """Whether the prose names `name` as written or in capitals (a transcript's speaker),
        or, for a person's name of several words, by the surname (its last word that is no
        initial nor suffix: "McKenzie" of "Kenneth F. McKenzie Jr.")."""
        words = name.split()
        surnames = [w for w in words[1:] if not w.endswith(".")][-1:] if person else []
        return any(
            _names(self.body, named) or _names(self.body, [w.upper() for w in named])
            for named in (words, surnames)
            if named
        )

    def only_displayed(self, start: int, end: int, name: str, person: bool = False) -> bool:
        """Whether a name at characters [start, end) stands in a headline or byline and the
        prose never names it: headline casing made it, not the report."""
        return self.holds(start, end) and not self.named_in_body(name, person)


def _names(text: str, words: list[str]) -> bool:
    pattern = r"(?<![\w'’-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w'’-])"
    return re.search(pattern, text) is not None


def find_display_lines(text: str, title: str | None = None) -> DisplayLines:
    """The text's headlines (its first line in a headline's shape, any line that is the
    title) and bylines ("By X" lines, "Correspondent X", "Reporting by X")."""
    cased = not is_mostly_upper(text)  # a text in capitals (wire copy) has no title case
    headlines = [
        (s, e)
        for i, (s, e) in enumerate(_lines(text))
        if _is_headline(text[s:e], i == 0 and cased, title)
    ]
    bylines = [m.span() for m in _BYLINE_LINE.finditer(text)]
    bylines += [m.span() for m in _BYLINE_NOUN.finditer(text)]
    bylines += [m.span() for m in _CREDIT.finditer(text)]
    return DisplayLines(text, tuple(headlines), tuple(sorted(bylines)))


def _lines(text: str) -> list[Range]:
    """Each non-blank line as the range of its words (without surrounding spaces)."""
    return [m.span() for m in re.finditer(r"[^\s](?:[^\n]*[^\s])?", text)]


def _is_headline(line: str, first: bool, title: str | None) -> bool:
    """An unpunctuated line of a headline's length that is the title, or the first line in
    title case (readers take a text's first line for its title, prose or not)."""
    if not first and title is None:
        return False
    if _FINAL.search(line) or len(_WORD.findall(line)) > HEADLINE_WORDS:
        return False
    return (title is not None and _same(line, title)) or (first and is_title_cased(line))


def is_title_cased(line: str) -> bool:
    """Whether the line's longer words are all capitalised, and there are several."""
    longer = [w for w in _WORD.findall(line) if len(w) > SHORT_WORD]
    return len(longer) >= TITLE_WORDS and all(w[0].isupper() for w in longer)


def _same(line: str, title: str) -> bool:
    return " ".join(line.split()).casefold() == " ".join(title.split()).casefold() != ""
