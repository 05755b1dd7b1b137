"""Name normalisation shared by matching, storage indexes and scoring."""

from __future__ import annotations

import functools
import re
import unicodedata

_ARTICLES = {"the", "a", "an"}
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
_SEPARATORS = re.compile(r"[-‐-―'’`]")


def normalise(name: str) -> str:
    """FORMAT.md's normal form: case-folded, accents and punctuation removed,
    the articles "the", "a", "an" dropped, whitespace collapsed.

    Hyphens and apostrophes become spaces first, so "Isis-K" and "Isis K" meet.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = (
        decomposed  # no ASCII character is combining: skip the per-character pass
        if decomposed.isascii()
        else "".join(c for c in decomposed if not unicodedata.combining(c))
    )
    spaced = _SEPARATORS.sub(" ", without_accents.casefold())
    words = _PUNCTUATION.sub("", spaced).split()
    return " ".join(word for word in words if word not in _ARTICLES)


@functools.lru_cache(maxsize=16384)
def match_key(name: str) -> str:
    """A looser key for linking: the normal form without spaces.

    "Isis-K", "ISIS K" and "IsisK" share one key, as do "al-Qaida" and "Al Qaida".
    """
    return normalise(name).replace(" ", "")
