"""The entity ruler of gazetteer names, placed before the statistical NER.

The gazetteer gives token patterns; most are plain lower-case word sequences
with optional hyphens ("al-Qaeda" also finds "al Qaeda"). Those become phrase
patterns matched on LOWER, one per hyphen variant, which spaCy's PhraseMatcher
finds several times faster than the token Matcher; the few case-sensitive
acronyms ("IS", "TTP") stay token patterns on ORTH. Acronyms the parser is
given stand-ins for ("IS" is parsed as "IZ") get a copy naming the stand-in.
"""

from __future__ import annotations

import itertools
from typing import Any

from spacy.language import Language

from mosaic.extract.gazetteer import Gazetteer
from mosaic.extract.surface import STAND_INS

Pattern = dict[str, Any]
MAX_OPTIONAL = 3
"""Token patterns with more optional hyphens than this stay token patterns."""
_OPTIONAL_HYPHEN = {"ORTH": "-", "OP": "?"}


def with_stand_ins(patterns: list[Pattern]) -> list[Pattern]:
    """The patterns plus a copy of each one that names a stand-in acronym ("IS" -> "IZ")."""
    swaps = {("ORTH", k): v for k, v in STAND_INS.items()}
    swaps.update({("LOWER", k.lower()): v.lower() for k, v in STAND_INS.items()})
    extra = []
    for pattern in patterns:
        tokens = pattern["pattern"]
        swapped = [_swap(token, swaps) for token in tokens]
        if swapped != tokens:
            extra.append({**pattern, "pattern": swapped})
    return patterns + extra


def _swap(token: dict[str, Any], swaps: dict[tuple[str, str], str]) -> dict[str, Any]:
    for attr in ("ORTH", "LOWER"):
        value = token.get(attr)
        if isinstance(value, str) and (attr, value) in swaps:
            return {**token, attr: swaps[(attr, value)]}
    return token


def phrase_variants(tokens: list[dict[str, Any]]) -> list[str] | None:
    """The lower-case phrases a LOWER token pattern matches, or None if it is not one."""
    optional = [i for i, t in enumerate(tokens) if t == _OPTIONAL_HYPHEN]
    fixed = [t for i, t in enumerate(tokens) if i not in optional]
    if len(optional) > MAX_OPTIONAL or not all(set(t) == {"LOWER"} for t in fixed):
        return None
    phrases = []
    for keep in itertools.product((True, False), repeat=len(optional)):
        dropped = {i for i, flag in zip(optional, keep, strict=True) if not flag}
        words = ("-" if t == _OPTIONAL_HYPHEN else str(t["LOWER"]) for t in tokens)
        phrases.append(" ".join(w for i, w in enumerate(words) if i not in dropped))
    return phrases


def as_phrases(patterns: list[Pattern]) -> list[Pattern]:
    """Phrase patterns where a token pattern allows it; the others unchanged."""
    result: list[Pattern] = []
    for pattern in patterns:
        phrases = phrase_variants(pattern["pattern"])
        if phrases is None:
            result.append(pattern)
        else:
            result += [{**pattern, "pattern": phrase} for phrase in phrases]
    return result


def add_actor_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    """Adds the entity ruler of every gazetteer name before "ner"."""
    ruler: Any = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(as_phrases(with_stand_ins(gazetteer.ruler_patterns())))
