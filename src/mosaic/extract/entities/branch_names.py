"""A group told by what it is, not by its name: "the Islamic State's branch in Afghanistan",
"al-Qaeda's Yemeni affiliate", "the Khorasan branch of IS".

Such a phrase joins a known parent group (its name, acronym or possessive), a branch noun and
a place: a country, a demonym or a word of the branch's own name ("Khorasan"). It stands
for the group the gazetteer records as an affiliate of that parent on the report's date,
in that country or going by that word, when exactly one group answers; otherwise nothing
is linked. The branch noun (and the words before it) becomes a mention of that group; the
parent's name stays the parent's, so the relation between the two can still be read.

"Its Yemen branch" is told the same way, its owner the last listed group named before it in
its sentence or the one before (`_owned_by_pronoun`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.dates.document import PUBLISHED_ATTR
from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.model import RelationType

BRANCH_NOUNS = lexicon.words("entities.branch_nouns") | lexicon.words("relations.affiliate_nouns")
"""Nouns for a part of a group: "branch", "affiliate", "wing", "province" ..."""
SPLIT_WORDS = lexicon.words("relations.split_words")
"""Words making the part one that broke away ("breakaway faction"): no affiliate."""
_PLACE_ROLES = frozenset({Role.COUNTRY, Role.PLACE, Role.DEMONYM})
_POSSESSIVE = lexicon.words("entities.possessive")
_GROUP_POSSESSIVES = lexicon.words("entities.group_possessives")
_PLACE_PREPS = frozenset({"in", "for"})
_PLACE_JOINS = frozenset({"and", ",", "the"})
_REACH = 3
"""How many words may stand between the possessive or article and the branch noun."""
_WORDS = re.compile(r"[\s\-–]+")


@dataclass(frozen=True)
class _Cues:
    """What a phrase says of the branch's whereabouts: countries and proper words."""

    countries: frozenset[str]
    words: frozenset[str]


def link_branches(
    doc: Doc,
    mentions: Sequence[EntityMention],
    gazetteer: Gazetteer,
    country_of: Callable[[str], str | None],
) -> list[EntityMention]:
    """The mentions, with each phrase describing a known group's one branch as that branch
    (the words it covers, demonyms or places among them, give way to it)."""
    published = _published(doc)
    result = list(mentions)
    for parent in mentions:
        if parent.role is not Role.GROUP or parent.ref is None or not parent.ref.key:
            continue
        found = _phrase(doc, parent, result)
        if found is None:
            continue
        start, noun = found
        cues = _cues(doc, start, noun, result, country_of)
        record = _one_branch(gazetteer, parent.ref.key, cues, published)
        if record is not None:
            result = _replace(doc, result, start, noun, record)
    for owner, start, noun in _owned_by_pronoun(doc, result):
        cues = _cues(doc, start, noun, result, country_of)
        record = _one_branch(gazetteer, owner, cues, published)
        if record is not None:
            result = _replace(doc, result, start, noun, record)
    return result


def _owned_by_pronoun(doc: Doc, mentions: Sequence[EntityMention]) -> list[tuple[str, int, int]]:
    """The owner's key, first token and branch noun of each "its [words] <noun>" ("Its Yemen
    branch"), the owner being the last listed group named before it in its sentence or the
    one before."""
    found: list[tuple[str, int, int]] = []
    for token in doc:
        if token.lower_ not in _GROUP_POSSESSIVES or token.dep_ != "poss":
            continue
        start = token.i + 1
        noun = next((i for i in range(start, min(start + _REACH + 1, len(doc)))
                     if not _modifier(doc[i]) or _is_branch_noun(doc[i])), None)  # fmt: skip
        if noun is None or noun == start or not _is_branch_noun(doc[noun]):
            continue
        if not _free(start, noun, mentions):
            continue
        sent = token.sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        before = [m for m in mentions if first <= m.start and m.end <= token.i
                  and m.role is Role.GROUP and m.ref is not None and m.ref.key]  # fmt: skip
        if before and before[-1].ref is not None and before[-1].ref.key:
            found.append((before[-1].ref.key, start, noun))
    return found


def _published(doc: Doc) -> dt.date | None:
    iso = getattr(doc._, PUBLISHED_ATTR, None) if doc.has_extension(PUBLISHED_ATTR) else None
    return dt.date.fromisoformat(iso) if iso else None


def _phrase(
    doc: Doc, parent: EntityMention, mentions: Sequence[EntityMention]
) -> tuple[int, int] | None:
    """The first token and the branch noun of "<parent>'s [words] <noun>" or "the [words]
    <noun> of <parent>"."""
    sent = doc[parent.start].sent
    if parent.end < sent.end and doc[parent.end].text in _POSSESSIVE:
        start = parent.end + 1
        for i in range(start, min(start + _REACH + 1, sent.end)):
            if _is_branch_noun(doc[i]):
                return (start, i) if _free(start, i, mentions) else None
            if not _modifier(doc[i]):  # a split word too: "IS's splinter faction"
                return None
        return None
    of = parent.start - 1
    if of > sent.start and doc[of].lower_ == "the":  # "the branch of the Islamic State"
        of -= 1
    if of - 1 >= sent.start and doc[of].lower_ == "of":
        noun = of - 1
        if not _is_branch_noun(doc[noun]):
            return None
        start = noun
        while start > sent.start and noun - start < _REACH and _modifier(doc[start - 1]):
            start -= 1
        if start > sent.start and _split(doc[start - 1]):  # "the splinter faction of IS"
            return None
        return (start, noun) if _free(start, noun, mentions) else None
    return None


def _is_branch_noun(token: Token) -> bool:
    return token.lemma_.lower() in BRANCH_NOUNS and token.pos_ in ("NOUN", "PROPN")


def _modifier(token: Token) -> bool:
    """A word that may stand before the branch noun: an adjective or a name, never a
    determiner or punctuation."""
    return token.pos_ in ("ADJ", "PROPN", "NOUN") and token.is_alpha and not _split(token)


def _split(token: Token) -> bool:
    return token.lower_ in SPLIT_WORDS or token.lemma_.lower() in SPLIT_WORDS


def _free(start: int, noun: int, mentions: Sequence[EntityMention]) -> bool:
    """Whether only places and demonyms (or unknown names) lie among the phrase's words:
    a known actor there is its own mention."""
    return not any(
        m.start <= noun and m.end > start and m.ref is not None and m.role not in _PLACE_ROLES
        and m.ref.key
        for m in mentions
    )  # fmt: skip


def _cues(
    doc: Doc,
    start: int,
    noun: int,
    mentions: Sequence[EntityMention],
    country_of: Callable[[str], str | None],
) -> _Cues:
    """The countries and capitalised words before the noun, and the places after "in" or
    "for" just after it ("in Afghanistan and Pakistan")."""
    countries: set[str] = set()
    words: set[str] = set()
    for token in doc[start:noun]:
        if token.is_title or token.is_upper:
            words.add(token.lower_)
            if (iso2 := country_of(token.text)) is not None:
                countries.add(iso2)
    for m in mentions:
        if start <= m.start < noun and m.country is not None:
            countries.add(m.country)
    for m in _places_after(doc, noun, mentions):
        words.update(t.lower_ for t in doc[m.start : m.end] if t.is_title or t.is_upper)
        if m.country is not None:
            countries.add(m.country)
    return _Cues(frozenset(countries), frozenset(words))


def _places_after(doc: Doc, noun: int, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The places a preposition just after the noun names, one after another."""
    if noun + 1 >= len(doc) or doc[noun + 1].lower_ not in _PLACE_PREPS:
        return []
    places = sorted((m for m in mentions if m.role in _PLACE_ROLES), key=lambda m: m.start)
    found: list[EntityMention] = []
    at = noun + 2
    for m in places:
        if m.start < at:
            continue
        if any(doc[i].lower_ not in _PLACE_JOINS for i in range(at, m.start)):
            break
        found.append(m)
        at = m.end
    return found


def _one_branch(
    gazetteer: Gazetteer, parent: str, cues: _Cues, published: dt.date | None
) -> ActorRecord | None:
    """The one record that is an affiliate of `parent` on the date and lies in a country
    the cues name or goes by a word they give."""
    if not cues.countries and not cues.words:
        return None
    found = [
        record for record in gazetteer.records
        if _affiliate(record, parent, published) and _answers(record, cues)
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _affiliate(record: ActorRecord, parent: str, published: dt.date | None) -> bool:
    return any(
        r.type is RelationType.AFFILIATE_OF and r.object_key == parent
        and (published is None or r.start is None or r.start.first_day() <= published)
        and (published is None or r.end is None or published <= r.end.last_day())
        for r in record.relations
    )  # fmt: skip


def _answers(record: ActorRecord, cues: _Cues) -> bool:
    if record.country is not None and record.country in cues.countries:
        return True
    words = {w.lower() for name in record.names for w in _WORDS.split(name) if w}
    return bool(words & cues.words)


def _replace(
    doc: Doc, mentions: list[EntityMention], start: int, noun: int, record: ActorRecord
) -> list[EntityMention]:
    """The mentions with one of `record` over tokens start..noun, in place of those there."""
    span = doc[start : noun + 1]
    new = EntityMention(
        span.start, span.end, span.start_char, span.end_char, span.text, "ORG", Role.GROUP,
        record.ref(), record.country,
    )  # fmt: skip
    kept = [m for m in mentions if m.end <= span.start or m.start >= span.end]
    return sorted([*kept, new], key=lambda m: m.start)
