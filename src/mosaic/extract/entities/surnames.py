"""Bare surnames of a person the report has named in full, as that person.

After "Riaz Basra" a report writes "Basra" or "Mr Basra"; the NER takes such a surname
for a place, an unknown name, or nothing at all. A surname two people of the report
share names neither, and one standing where a place stands ("in Basra") stays a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from mosaic.extract.entities.mentions import EntityMention, Role, clean_name
from mosaic.extract.entities.name_shapes import TITLES
from mosaic.extract.places.locations import is_location_span

_SHORTEST_SURNAME = 3


_PARTICLE = re.compile(r"^(?:al|el|ul|ad|ar|as|ash)[-\s]", re.IGNORECASE)
"""An Arabic article before a surname: "al-Muhajir" is Muhajir."""


def _surname_key(name: str) -> str:
    return _PARTICLE.sub("", name.lower()).strip("'’")


def _is_capitalised(word: str) -> bool:
    """Whether a surname is written as a name, its particle aside ("Khan", "al-Muhajir")."""
    return _PARTICLE.sub("", word)[:1].isupper()


def _bare_surname(text: str) -> str | None:
    """The surname a later mention calls a person by: "Khan", "Mr Khan", "Mullah Rasool"."""
    words = clean_name(text).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if len(words) != 1 or not _is_capitalised(words[0]):
        return None
    return _surname_key(words[0])


def _surnames(mentions: Sequence[EntityMention]) -> dict[str, EntityMention | None]:
    """Each person's last name (of two words or more) and the first mention naming them;
    None for a surname two people share."""
    found: dict[str, EntityMention | None] = {}
    for m in mentions:
        words = clean_name(m.text).split()
        if m.role is not Role.PERSON or m.ref is None or len(words) < 2:
            continue
        last = _surname_key(words[-1])
        if len(last) < _SHORTEST_SURNAME or not _is_capitalised(words[-1]):
            continue
        known = found.get(last, m)
        same = known is not None and known.ref is not None and known.ref.name == m.ref.name
        found[last] = known if same else None
    return found


def refer_surnames(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Bare surnames ("Basra", "Mr Khan") of a person named earlier in the document, as that
    person: a surname the NER took for a place or an unknown name, and a surname it did not
    tag at all. A surname standing where a place stands ("in Basra") stays a place."""
    surnames = _surnames(mentions)
    if not any(surnames.values()):
        return list(mentions)
    result: list[EntityMention] = []
    for m in mentions:
        person = surnames.get(_bare_surname(m.text) or "")
        if person is not None and person.start < m.start and _may_be_person(doc, m):
            m = replace(m, role=Role.PERSON, ref=person.ref, country=person.country, feature=None)
        result.append(m)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or token.ent_type_:
            continue
        person = surnames.get(_surname_key(token.text))
        if person is None or person.start > token.i or _in_longer_name(token):
            continue
        result.append(
            EntityMention(
                token.i,
                token.i + 1,
                token.idx,
                token.idx + len(token),
                token.text,
                "PERSON",
                Role.PERSON,
                person.ref,
                person.country,
            )
        )
    return sorted(result, key=lambda m: m.start)


def _may_be_person(doc: Doc, mention: EntityMention) -> bool:
    """Whether a mention may be a bare surname: not a gazetteer group or state, a country,
    a demonym or a place of the table in a location's position ("a bounty on X" after "Y X"
    is the person, X being no place the table knows)."""
    if mention.role in (Role.COUNTRY, Role.DEMONYM, Role.STATE):
        return False
    if mention.role is Role.GROUP:
        return mention.ref is None or mention.ref.key is None
    if mention.role is Role.PLACE:
        unlisted = mention.ref is None or mention.ref.key is None
        return unlisted or not is_location_span(doc, mention.start, mention.end)
    return mention.role in (Role.PERSON, Role.ORG)


def _in_longer_name(token: Token) -> bool:
    """Whether a capitalised token is part of a longer name ("Basra Road")."""
    doc = token.doc
    before = (
        token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].text[:1].isupper()
    )
    after = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"
    return before or after
