"""The entity ruler of gazetteer names, placed before the statistical NER.

The gazetteer gives token patterns; most are plain lower-case word sequences
with optional hyphens ("al-Qaeda" also finds "al Qaeda"). Those become phrase
patterns matched on LOWER, one per hyphen variant, which spaCy's PhraseMatcher
finds several times faster than the token Matcher, whose cost grows with every
pattern at every token. The rest become phrases too, each variant a Doc of the
pattern's own words: the case-sensitive acronyms ("IS", "TTP") for a second
PhraseMatcher on ORTH, and the long names with many optional hyphens for the
LOWER one; what they match is what the token patterns matched. Acronyms the
parser is given stand-ins for ("IS" is parsed as "IZ") get a copy naming the
stand-in.
"""

from __future__ import annotations

import itertools
import warnings
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from mosaic.extract.gazetteer import Gazetteer
from mosaic.extract.surface import STAND_INS

Pattern = dict[str, Any]
MAX_OPTIONAL = 3
"""Token patterns with more optional hyphens than this are not made text phrases."""
MAX_WORD_OPTIONAL = 6
"""Token patterns with more optional hyphens than this stay token patterns (2**6 variants)."""
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


def word_variants(
    tokens: list[dict[str, Any]], attr: str, max_optional: int = MAX_WORD_OPTIONAL
) -> list[list[str]] | None:
    """The word sequences a token pattern on `attr` matches, one per choice of its optional
    hyphens; None if it has other tokens or more than `max_optional` optional hyphens."""
    optional = [i for i, t in enumerate(tokens) if t == _OPTIONAL_HYPHEN]
    fixed = [t for i, t in enumerate(tokens) if i not in optional]
    if len(optional) > max_optional or not all(set(t) == {attr} for t in fixed):
        return None
    words = ["-" if t == _OPTIONAL_HYPHEN else str(t[attr]) for t in tokens]
    variants = []
    for keep in itertools.product((True, False), repeat=len(optional)):
        dropped = {i for i, flag in zip(optional, keep, strict=True) if not flag}
        variants.append([w for i, w in enumerate(words) if i not in dropped])
    return variants


def phrase_variants(tokens: list[dict[str, Any]]) -> list[str] | None:
    """The lower-case phrases a LOWER token pattern matches, or None if it is not one."""
    variants = word_variants(tokens, "LOWER", MAX_OPTIONAL)
    return None if variants is None else [" ".join(words) for words in variants]


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


class ActorRuler(EntityRuler):
    """spaCy's EntityRuler with a second PhraseMatcher, on ORTH, and phrases given as words.

    `add_word_patterns` takes token patterns `word_variants` can spell out: each variant
    becomes a Doc of its words, for the ORTH matcher or the LOWER one, so it matches
    exactly what the token pattern did, without the token Matcher's per-pattern cost.
    Matches are combined and chosen as the EntityRuler does (longest, then first).
    """

    def __init__(self, nlp: Language, name: str = "entity_ruler") -> None:
        super().__init__(nlp, name, phrase_matcher_attr="LOWER")
        self.orth_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def add_word_patterns(self, patterns: list[Pattern]) -> list[Pattern]:
        """Adds the patterns that are word sequences on ORTH or LOWER; returns the others."""
        rest = []
        for entry in patterns:
            for attr, matcher in (("ORTH", self.orth_matcher), ("LOWER", self.phrase_matcher)):
                variants = word_variants(entry["pattern"], attr)
                if variants is not None:
                    self._add_words(entry, matcher, variants)
                    break
            else:
                rest.append(entry)
        return rest

    def _add_words(self, entry: Pattern, matcher: PhraseMatcher, variants: list[list[str]]) -> None:
        label = self._create_label(entry["label"], entry["id"])
        self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
        matcher.add(label, [Doc(self.nlp.vocab, words=words) for words in variants])

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every (match id, start, end), longest first, then leftmost, as EntityRuler.match."""
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = list(self.matcher(doc)) + list(self.orth_matcher(doc))
            matches += list(self.phrase_matcher(doc))
        unique = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(unique, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory("mosaic_actor_ruler_v1")
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


def add_actor_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    """Adds the entity ruler of every gazetteer name, as "entity_ruler", before "ner".

    Plain LOWER phrases go through `add_patterns`, which makes each a Doc with
    `nlp.pipe`, running every component before the ruler; they match on LOWER, which
    the tokenizer alone sets, so the other components are switched off meanwhile.
    """
    ruler: Any = nlp.add_pipe("mosaic_actor_ruler_v1", name="entity_ruler", before="ner")
    patterns = as_phrases(with_stand_ins(gazetteer.ruler_patterns()))
    phrases = [p for p in patterns if isinstance(p["pattern"], str)]
    tokens = ruler.add_word_patterns([p for p in patterns if not isinstance(p["pattern"], str)])
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(tokens + phrases)
