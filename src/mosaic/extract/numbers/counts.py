"""Numbers of people as reports state them: "17", "seven", "more than 90", "1,000 to 3,000".

Vague plurals get documented floors, never exact values: "dozens" is at least
24 (two dozen), "scores" at least 40, "hundreds" at least 200, "thousands" at
least 2,000. "Several", "many" and "a few" are not counts.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from mosaic.extract import lexicon
from mosaic.extract.text.words import INDEFINITE_ARTICLES
from mosaic.model import Count

VAGUE_FLOORS = {
    row.word("word"): row.number("floor")
    for row in lexicon.table(
        "numbers.vague_floors", {"word": lexicon.Field.WORD, "floor": lexicon.Field.NUMBER}
    )
}
"""Plural round numbers and the least count they state ("dozens": at least 24)."""
_QUALIFIED = re.compile(
    r"^(?:(?P<q>more than|over|in excess of|upwards of|at least|a minimum of|"
    r"nearly|almost|about|around|approximately|some|roughly|close to|an estimated|estimated|"
    r"as many as|up to|fewer than|less than|at most|no fewer than|no less than|not less than)\s+)?"
    r"(?P<n>.+)$"
)
_RANGE = re.compile(
    r"^(?:between\s+)?(?P<a>[\w,.-]+(?: [a-z-]+)*?)\s*(?:and|to|-|–|or)\s*"
    r"(?P<b>[\w,.-]+(?: [a-z-]+)*)$"
)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_FLOOR_QUALIFIERS = set(lexicon.words("numbers.floor_qualifiers"))
_ABOVE_QUALIFIERS = set(lexicon.words("numbers.above_qualifiers"))
_CEILING_QUALIFIERS = set(lexicon.words("numbers.ceiling_qualifiers"))
_BELOW_QUALIFIERS = set(lexicon.words("numbers.below_qualifiers"))
_NO_NUMBER = INDEFINITE_ARTICLES | lexicon.words("numbers.no_number")


def parse_number(text: str) -> int | None:
    """An exact number written in digits or words ("1,000", "seventeen", "a dozen"), else None."""
    words = text.strip().lower().replace("-", " ")
    if _DIGITS.match(words.replace(" ", "")):
        return int(words.replace(",", "").replace(" ", ""))
    if words in ("a dozen", "dozen"):
        return 12
    if words in ("a hundred", "a thousand"):
        return 100 if words.endswith("hundred") else 1000
    if not words or words in _NO_NUMBER:
        return None
    try:
        value = text2num(words, "en")
    except (ValueError, IndexError, KeyError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def parse_count(phrase: str) -> Count | None:
    """A count phrase as a Count: "more than 90" -> 91.., "at least 95" -> 95..,
    "between 1,000 and 3,000" -> 1000..3000, "dozens" -> 24.., "about 300" -> 300."""
    text = " ".join(phrase.lower().replace("–", "-").split())
    match = _QUALIFIED.match(text)
    if not match:
        return None
    qualifier, rest = match["q"], match["n"]
    if rest in VAGUE_FLOORS:
        return Count.at_least(VAGUE_FLOORS[rest])
    value = parse_number(rest)
    if value is None:
        return _range(rest)
    return _qualified(qualifier, value)


def _qualified(qualifier: str | None, value: int) -> Count:
    if qualifier in _FLOOR_QUALIFIERS:
        return Count.at_least(value)
    if qualifier in _ABOVE_QUALIFIERS:
        return Count.at_least(value + 1)
    if qualifier in _CEILING_QUALIFIERS:
        return Count(0, value)
    if qualifier in _BELOW_QUALIFIERS:
        return Count(0, max(value - 1, 0))
    return Count.exactly(value)


def _range(text: str) -> Count | None:
    match = _RANGE.match(text)
    if not match:
        return None
    low, high = parse_number(match["a"]), parse_number(match["b"])
    if low is None or high is None or high < low:
        return None
    return Count(low, high)


def add_counts(first: Count, second: Count) -> Count:
    """The count of two separate groups ("two policemen and four soldiers" -> 6); a count of
    the people named only where both are ("X and his driver")."""
    high = None if first.high is None or second.high is None else first.high + second.high
    both = (first.named and second.named, first.claimed and second.claimed)
    return Count(first.low + second.low, high, *both)
