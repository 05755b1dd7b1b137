"""The entity ruler of gazetteer names, placed before the statistical NER.

The gazetteer gives token patterns; most are plain word sequences with optional
hyphens ("al-Qaeda" also finds "al Qaeda"). Each variant becomes a Doc of the
pattern's own words, for spaCy's PhraseMatcher on LOWER or, for the case-sensitive
acronyms ("IS", "TTP"), a second one on ORTH: several times faster than the token
Matcher, whose cost grows with every pattern at every token, and matching exactly
what the token pattern did (a phrase re-tokenised from text would not: "u.s." alone
splits off its last full stop, "U.S." in a sentence does not). Acronyms the parser
is given stand-ins for ("IS" is parsed as "IZ") get a copy naming the stand-in.
A name hard-wrapped across two lines of wire copy ("Tupac Amaru" at a line's end,
"Revolutionary Movement" on the next) is matched over the line break, and one whose head
a describing word precedes ("the Haqqani terrorist network") over that word. A group's
initials written with full stops ("L.e.T.", "T. T. P.") are the group whose acronym
they spell as written.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Mapping
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.gazetteer import DOTTED_INITIALS, Gazetteer, dotted_letters
from mosaic.extract.text.surface import STAND_INS

Pattern = dict[str, Any]
MAX_WORD_OPTIONAL = 6
"""Token patterns with more optional hyphens than this stay token patterns (2**6 variants)."""
_OPTIONAL_HYPHEN = {"ORTH": "-", "OP": "?"}
DESCRIPTORS = lexicon.words("events.actor_adjectives") | lexicon.words("events.terror_words")
"""Words describing a group that news puts before its name's head ("Haqqani terrorist network")."""
HEADS = lexicon.words("entities.group_words")
"""The heads of a group's name a describing word may stand before ("network", "group")."""


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


class ActorRuler(EntityRuler):
    """spaCy's EntityRuler with a second PhraseMatcher, on ORTH, and phrases given as words.

    `add_patterns` sends each token pattern `word_variants` can spell out to
    `add_word_patterns`: each variant becomes a Doc of its words, for the ORTH matcher or
    the LOWER one, so it matches exactly what the token pattern did, without the token
    Matcher's per-pattern cost. `patterns` lists them as the token patterns they came
    as, so `to_disk` and `from_disk` keep them. Matches are combined and chosen as the
    EntityRuler does (longest, then first).
    """

    def __init__(self, nlp: Language, name: str = "entity_ruler") -> None:
        super().__init__(nlp, name, phrase_matcher_attr="LOWER")
        self.orth_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.word_patterns: list[Pattern] = []
        self.initials: dict[str, int] = {}
        """The match id of each acronym, as written, that dotted initials may spell."""

    def add_initials(self, acronyms: Mapping[str, str], label: str = "ORG") -> None:
        """Lets dotted initials spelling one of `acronyms` ("LeT") match its record's key."""
        for acronym, key in acronyms.items():
            match_id = self.nlp.vocab.strings.add(self._create_label(label, key))
            self._ent_ids[match_id] = (label, key)
            self.initials[acronym] = match_id

    def __len__(self) -> int:
        return super().__len__() + len(self.word_patterns)

    @property
    def patterns(self) -> list[Pattern]:
        """Every pattern added, the word patterns as the token patterns they were given as."""
        return [*super().patterns, *self.word_patterns]

    def add_patterns(self, patterns: list[Pattern]) -> None:
        """Adds patterns as EntityRuler does, word sequences to the phrase matchers."""
        token_patterns = [p for p in patterns if isinstance(p["pattern"], list)]
        rest = self.add_word_patterns(token_patterns)
        texts = [p for p in patterns if not isinstance(p["pattern"], list)]
        if rest or texts:
            super().add_patterns(rest + texts)

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
        label = self._create_label(entry["label"], entry.get("id"))
        if "id" in entry:
            self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
        matcher.add(label, [Doc(self.nlp.vocab, words=words) for words in variants])
        self.word_patterns.append(entry)

    def clear(self) -> None:
        """Resets all patterns, the word patterns too."""
        super().clear()
        self.orth_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.word_patterns = []

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every (match id, start, end), longest first, then leftmost, as EntityRuler.match;
        over line wraps and describing words before a head too, and of dotted initials."""
        self._require_patterns()
        kept = [t.i for t in doc if not (is_line_wrap(t) or is_inserted_descriptor(t))]
        view = doc if len(kept) == len(doc) else _unwrapped(doc, kept)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            found = list(self.matcher(view)) + list(self.orth_matcher(view))
            found += list(self.phrase_matcher(view))
        if view is not doc:
            found = [(m_id, kept[s], kept[e - 1] + 1) for m_id, s, e in found if s != e]
            found = [m for m in found if not _crosses_sentence(doc, m[1], m[2])]
        found += self._initials(doc)
        unique = {(m_id, start, end) for m_id, start, end in found if start != end}
        return sorted(unique, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def _initials(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of the dotted initials that spell a listed acronym."""
        found = []
        for written in DOTTED_INITIALS.finditer(doc.text) if self.initials else ():
            match_id = self.initials.get(dotted_letters(written.group()) or "")
            span = doc.char_span(*written.span(), alignment_mode="expand")
            if match_id is not None and span is not None and span.text == written.group():
                found.append((match_id, span.start, span.end))
        return found


def is_inserted_descriptor(token: Token) -> bool:
    """A describing word between a name's words and its head ("Haqqani terrorist network",
    "the Islamic State terror group"), which the name is matched over."""
    if not (token.is_lower and token.lower_ in DESCRIPTORS) or token.i == 0:
        return False
    doc = token.doc
    after = next((t for t in doc[token.i + 1 :] if t.lower_ not in DESCRIPTORS), None)
    before = next((t for t in reversed(doc[: token.i]) if t.lower_ not in DESCRIPTORS), None)
    return (
        after is not None
        and after.is_lower
        and after.lower_ in HEADS
        and before is not None
        and (before.is_title or before.is_upper)
    )


def is_line_wrap(token: Token) -> bool:
    """A whitespace token of one line break and no indent after it: where wire copy wraps
    a line mid-sentence (a blank line or an indented line starts a paragraph)."""
    return token.is_space and token.text.count("\n") == 1 and token.text.endswith("\n")


def _unwrapped(doc: Doc, kept: list[int]) -> Doc:
    """A copy of `doc` of the tokens `kept` (no line wrap, no describing word before a head)."""
    words = [doc[i].text for i in kept]
    return Doc(doc.vocab, words=words, spaces=[bool(doc[i].whitespace_) for i in kept])


def _crosses_sentence(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].is_sent_start for i in range(start + 1, end))


@Language.factory("mosaic_actor_ruler_v1")
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


def add_actor_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    """Adds the entity ruler of every gazetteer name, as "entity_ruler", before "ner"."""
    fill_actor_ruler(nlp.add_pipe("mosaic_actor_ruler_v1", name="entity_ruler", before="ner"),
                     gazetteer)  # fmt: skip


def fill_actor_ruler(ruler: Any, gazetteer: Gazetteer) -> None:
    """Gives the ruler a pattern for every name of the gazetteer."""
    ruler.add_patterns(with_stand_ins(gazetteer.ruler_patterns()))
    if isinstance(ruler, ActorRuler):
        ruler.add_initials(gazetteer.acronyms())
