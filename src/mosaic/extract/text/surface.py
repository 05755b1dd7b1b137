"""Text preparation before tokenisation: rewrites that keep every character offset.

The pipeline parses a prepared copy of a report's text and reports offsets into
the original, so every rewrite here replaces characters one for one: markdown
link syntax becomes spaces, and a text written mostly in capitals (news wires,
the MUC-4 corpus) gets sentence case with names capitalised again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from mosaic.extract import lexicon

_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(([^()\s]{0,400})\)")
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\]")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\w)|(?<=[\w.!?])\*{1,2}(?![\w*])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?:[.!?:]|\n\s*\n|\n |--)[\s\"'“‘(\[]*$")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
"""Dotted abbreviations ("U.S.", "U.N."): kept as written, and no sentence ends inside or
after one."""
_VOWELS = frozenset("aeiouy")
STAND_INS = {"IS": "IZ"}
"""Acronyms the tagger reads as English words ("to IS" as the verb), replaced for parsing by
same-length stand-ins it reads as names; the entity ruler knows both forms."""
_STAND_IN = re.compile(r"(?<![\w'’])(" + "|".join(STAND_INS) + r")(?![\w'’])")
_WRITTEN = {v: k for k, v in STAND_INS.items()}
_STOOD_IN = re.compile(r"(?<![\w'’])(" + "|".join(_WRITTEN) + r")(?![\w'’])")
_NAME_DASH = re.compile(r"(?<=[^\W\d_])[\u2010-\u2013](?=[^\W\d_])")
"""A hyphen-like dash between two letters ("ISIS–K", "Ossetia–Alania"): names are matched
and tokenised with the plain hyphen."""
UPPER_SHARE = 0.75
"""A text whose letters are at least this share capitals is recased before parsing."""


def strip_markup(text: str) -> str:
    """`[name](url)` becomes ` name` plus spaces, `*emphasis*` loses its stars and citation
    marks ("[4]") go; same length."""

    def link(match: re.Match[str]) -> str:
        label = match.group(1)
        return " " + label + " " * (len(match.group(0)) - len(label) - 1)

    without_links = _MD_LINK.sub(link, text)
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    return _EMPHASIS.sub(blank, _CITATION.sub(blank, without_links))


def is_mostly_upper(text: str) -> bool:
    """Whether the text is written in capitals (ignoring texts with few letters)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= UPPER_SHARE


class Recaser:
    """Sentence-cases capitalised text, keeping names and acronyms capitalised.

    `common_words` are lower-case English words (they stay lower case);
    `name_forms` maps a lower-case word to its usual written form ("ttp" -> "TTP");
    `is_name` says whether a word names a place or people ("kabul", "afghan").
    A word none of these know is taken for a name, as unknown words in wire
    copy mostly are; a short or vowel-less one for an acronym.
    """

    def __init__(
        self,
        common_words: Iterable[str],
        name_forms: Mapping[str, str],
        is_name: Callable[[str], bool] | None = None,
    ) -> None:
        self._common = frozenset(common_words)
        self._forms = dict(name_forms)
        self._is_name = is_name or (lambda _word: False)

    @property
    def common_words(self) -> frozenset[str]:
        """The lower-case English words the recaser knows."""
        return self._common

    def recase(self, text: str) -> str:
        """The text with each word recased; same length as `text`."""
        parts: list[str] = []
        last = 0
        dotted = {i for m in _DOTTED.finditer(text) for i in range(m.start(), m.end())}
        for match in _WORD.finditer(text):
            parts.append(text[last : match.start()])
            if match.start() in dotted:
                parts.append(match.group(0))
            else:
                initial = _SENTENCE_END.search(text, max(0, match.start() - 6), match.start())
                after_dotted = initial is not None and initial.start() - 1 in dotted
                is_initial = match.start() == 0 or (initial is not None and not after_dotted)
                parts.append(self._word(match.group(0), is_initial))
            last = match.end()
        parts.append(text[last:])
        out = "".join(parts)
        return out if len(out) == len(text) else text

    def _is_common(self, lower: str) -> bool:
        """Whether the word, or a stem of it ("killed", "soldiers", "making"), is English."""
        return any(stem in self._common for stem in stems(lower))

    def _word(self, word: str, sentence_initial: bool) -> str:
        lower = word.lower()
        if len(lower) != len(word):
            return word
        form = self._forms.get(lower)
        if form is not None and len(form) == len(word):
            return form
        if self._is_common(lower) and not self._is_name(lower):
            return word[0].upper() + lower[1:] if sentence_initial else lower
        if (len(lower) <= 3 and not sentence_initial) or not _VOWELS & set(lower):
            return word.upper()
        return word[0].upper() + lower[1:]


_INFLECTIONS = tuple(
    (row.word("suffix"), row.optional("ending") or "")
    for row in lexicon.table(
        "text.inflections", {"suffix": lexicon.Field.WORD, "ending": lexicon.Field.OPTIONAL_WORD}
    )
)
"""Regular English inflections, tried in order: the suffix and what replaces it in the stem."""


def stems(word: str) -> list[str]:
    """The word and the stems regular English inflection would give it."""
    found = [word]
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + replacement
            found.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])
    return found


def prepare_text(text: str, recaser: Recaser | None = None) -> str:
    """The text the pipeline parses: markup blanked, dashes inside names made hyphens,
    capitals recased; same length."""
    prepared = _NAME_DASH.sub("-", strip_markup(text))
    if is_mostly_upper(prepared):
        return recaser.recase(prepared) if recaser is not None else prepared
    return _STAND_IN.sub(lambda m: STAND_INS[m.group(0)], prepared)


def as_written(name: str) -> str:
    """A name read from the parsed text with its stand-ins put back ("IZ-Khorasan" is
    "IS-Khorasan"): a name the gazetteer does not know is written as the report writes it."""
    return _STOOD_IN.sub(lambda m: _WRITTEN[m.group(0)], name)
