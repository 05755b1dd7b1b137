"""FORMAT.md's NAME: a list of strings (canonical first, then aliases) and when two match.

The normal form follows the gold set's own validator (../shared/eval/dev-wiki/check_gold.py)
character for character, so that this scorer and the steering scorer agree: NFKD, accents
(combining marks) dropped, case-folded, every punctuation or symbol character turned into a
word break, the words "the", "a", "an" dropped, whitespace collapsed. Punctuation therefore
separates words: "Isis-K" and "Isis K" meet, while "U.S." ("u s") does not meet "US"; gold
lists such variants as aliases. This is deliberately independent of `mosaic.resolve.names`,
which is part of the system being scored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

_ARTICLES = frozenset({"the", "a", "an"})


def normalise_name(text: str) -> str:
    """Return the normal form of one name string ("" when nothing is left)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    spaced = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in bare)
    return " ".join(word for word in spaced.split() if word not in _ARTICLES)


def as_name(value: object) -> list[str]:
    """Read a NAME leniently: a list of strings, or a bare string; anything else is empty."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for s in value if isinstance(s, str)]
    return []


def as_name_list(value: object) -> list[list[str]]:
    """Read a list of NAMEs (perpetrators, targets); a bare NAME string counts as one NAME."""
    if isinstance(value, str):
        return [[value]]
    if not isinstance(value, list | tuple):
        return []
    names = [as_name(item) for item in value]
    return [name for name in names if name]


def name_keys(value: object) -> set[str]:
    """The normal forms of every string of a NAME, without empty ones."""
    return {key for key in map(normalise_name, as_name(value)) if key}


def names_match(a: object, b: object) -> bool:
    """True when some string of NAME `a` equals some string of NAME `b` after normalisation."""
    return not name_keys(a).isdisjoint(name_keys(b))


def all_names_found(gold: Iterable[object], system: Iterable[object]) -> bool:
    """True when every gold NAME matches some system NAME (the perpetrators rule).

    An empty gold list is trivially found; callers only ask when gold states the slot.
    """
    system_keys = [name_keys(name) for name in system]
    return all(any(not name_keys(name).isdisjoint(keys) for keys in system_keys) for name in gold)
