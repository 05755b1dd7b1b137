"""A group named in full and by its initials is one group.

"Jamat-ul-Ahrar (JuA) ... JuA said" names one new group twice: the short form is its
initials (of every part of the name, or of its capitalised parts only). Each mention of
either form gets one reference, named in full with the short form as an alias, so that
its events and relations gather on one entity. Known groups are left to the gazetteer,
unless the report gives a known group's initials in parentheses after its name and the
gazetteer gives that short form to another group ("Hizb-ul-Ahrar (HuA)"): the report's
own definition wins, for every mention of the short form in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.surface import as_written
from mosaic.extract.text.syntax import doc_text
from mosaic.model import EntityRef

_SHORT = re.compile(r"^[A-Z][A-Za-z]{1,6}$")
_PARTS = re.compile(r"[\s\-]+")


def initials(name: str) -> set[str]:
    """The short forms a name's initials make: of every part, and of the capitalised ones."""
    parts = [p for p in _PARTS.split(name) if p and p[0].isalpha()]
    every = "".join(p[0] for p in parts)
    capitalised = "".join(p[0] for p in parts if p[0].isupper())
    return {form.casefold() for form in (every, capitalised) if len(form) >= 2}


def is_short_form(text: str) -> bool:
    """Two to seven letters, at least two of them capitals ("JuA", "TRF", "ISKP")."""
    return bool(_SHORT.match(text)) and sum(c.isupper() for c in text) >= 2


def join_acronyms(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions, each new group's short form and full name sharing one reference."""
    new_groups = [m for m in mentions if _new_group(m)]
    joined: dict[str, EntityRef] = {}
    for short in (m for m in new_groups if is_short_form(as_written(m.text))):
        form = as_written(short.text)
        full = next((m for m in new_groups if form.casefold() in initials(m.text)), None)
        if full is not None and full.ref is not None:
            known = joined.get(full.ref.name, full.ref)
            ref = replace(known, aliases=tuple(dict.fromkeys((*known.aliases, form))))
            joined[full.ref.name] = joined[short.text] = joined[form] = ref
    if not joined:
        return list(mentions)
    return [_joined(m, joined) if _new_group(m) else m for m in mentions]


def own_short_forms(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions, each short form the report defines after a known group's name ("X (XY)")
    naming that group wherever it stands, though the gazetteer gives it to another."""
    defined: dict[str, EntityRef] = {}
    for full, short in pairwise(mentions):
        if _defines(doc, full, short) and full.ref is not None:
            defined[as_written(short.text)] = full.ref
    if not defined:
        return list(mentions)
    return [_defined(m, defined) for m in mentions]


def _defines(doc: Doc, full: EntityMention, short: EntityMention) -> bool:
    """Whether `short` is `full`'s initials in parentheses right after it, resolved to another
    group."""
    if full.role is not Role.GROUP or short.role is not Role.GROUP:
        return False
    if full.ref is None or short.ref is None or full.ref.name == short.ref.name:
        return False
    if doc_text(doc)[full.end_char : short.start_char].strip() != "(":
        return False
    form = as_written(short.text)
    return is_short_form(form) and form.casefold() in initials(full.text)


def _defined(mention: EntityMention, defined: dict[str, EntityRef]) -> EntityMention:
    ref = defined.get(as_written(mention.text)) if mention.role is Role.GROUP else None
    return mention if ref is None else replace(mention, ref=ref)


def _new_group(mention: EntityMention) -> bool:
    return mention.role is Role.GROUP and mention.ref is not None and mention.ref.key is None


def _joined(mention: EntityMention, joined: dict[str, EntityRef]) -> EntityMention:
    assert mention.ref is not None
    ref = joined.get(mention.ref.name) or joined.get(mention.text)
    if ref is None:
        return mention
    return replace(mention, ref=joined[ref.name])
