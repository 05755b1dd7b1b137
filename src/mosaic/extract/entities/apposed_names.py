"""A group the gazetteer does not list, named again in apposition, is one group.

"the Zulu Front (Jabhat Zulu)", "Jaish-ul-Zulu, or the Army of Zulu," and "the Zulu
Front, also known as Zulu Brigade" name one new group twice, as "Sipho Ngcobo, also
known as Abu Zulu" names one new person twice (a person only by a word of naming): the
second name is the first's alias, so each mention of either gets one reference, named by
the first with the second as an alias, and its events and relations gather on one entity.
Known groups are left to the gazetteer, but a name it lacks given as another name of a
known group or person ("Mufti Karim Zaman, also known as <a listed leader>") is that actor
wherever the report uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.syntax import doc_text
from mosaic.model import EntityRef

_APPOSITION = re.compile(
    r"^\s*(?:\(|,\s*(?:or|also\s+known\s+as|aka|a\.k\.a\.)|\(\s*(?:also\s+known\s+as|aka)"
    r"|,\s*(?:an?|the)\s+(?:[\w-]+\s+)?(?:acronym|abbreviation|short\s+form)\s+(?:for|of))"
    r"\s+(?:the\s+)?$|^\s*\($",
    re.IGNORECASE,
)
"""What stands between a name and its alias: "X (Y", "X, or the Y", "X, also known as Y",
"X, the Arabic acronym for Y"."""
_ALIAS = re.compile(
    r"^\s*[,(]?\s*(?:also\s+known\s+as|better\s+known\s+as|aka|a\.k\.a\.|alias)\s+$",
    re.IGNORECASE,
)
"""What stands between an actor's name and another name of the same actor only: "X, also
known as Y", "X alias Y" (not "X (Y", which may name a place or an acronym)."""


def is_new_group(mention: EntityMention) -> bool:
    """A group mention with no gazetteer record."""
    return mention.role is Role.GROUP and mention.ref is not None and mention.ref.key is None


def join_apposed_names(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions, each new group's name and the alias apposed to it sharing one reference;
    a name the gazetteer lacks, given as a known actor's other name, naming that actor."""
    joined: dict[str, EntityRef] = {}
    for first, second in pairwise(mentions):
        alias = _known_alias(doc, first, second)
        if alias is not None:
            joined[alias[0]] = joined[alias[1].name] = alias[1]
            continue
        named_again = _naming_again(first, second)
        if named_again is None or first.ref is None or second.ref is None:
            continue
        if first.ref.name != second.ref.name and named_again(doc, first, second):
            known = joined.get(first.ref.name, first.ref)
            aliases = (*known.aliases, second.ref.name, *second.ref.aliases)
            ref = replace(known, aliases=tuple(dict.fromkeys(aliases)))
            joined[first.ref.name] = joined[second.ref.name] = ref
    if not joined:
        return list(mentions)
    return [_joined(m, joined) for m in mentions]


def _naming_again(
    first: EntityMention, second: EntityMention
) -> Callable[[Doc, EntityMention, EntityMention], bool] | None:
    """How the second mention can name the first again: two new groups by any apposition,
    two people the gazetteer does not list only by a word of naming ("also known as");
    None for any other pair."""
    if is_new_group(first) and is_new_group(second):
        return apposed
    if first.role is Role.PERSON is second.role and _new(first) and _new(second):
        return _alias_between
    return None


def _alias_between(doc: Doc, first: EntityMention, second: EntityMention) -> bool:
    return bool(_ALIAS.match(doc_text(doc)[first.end_char : second.start_char]))


def apposed(doc: Doc, first: EntityMention, second: EntityMention) -> bool:
    """Whether the second mention names the first again, in apposition to it."""
    return bool(_APPOSITION.match(doc_text(doc)[first.end_char : second.start_char]))


def _known_alias(
    doc: Doc, first: EntityMention, second: EntityMention
) -> tuple[str, EntityRef] | None:
    """The name the gazetteer lacks and the known actor it is given as another name of, where
    one of two apposed mentions of the same kind is known and the other is not."""
    if first.role is not second.role or first.role not in (Role.GROUP, Role.PERSON):
        return None
    if first.ref is None or second.ref is None:
        return None
    if (first.ref.key is None) is (second.ref.key is None):
        return None  # both known (the gazetteer's business) or both new (joined above)
    if not _ALIAS.match(doc_text(doc)[first.end_char : second.start_char]):
        return None
    if first.ref.key is None:
        return first.ref.name, second.ref
    return second.ref.name, first.ref


def _new(mention: EntityMention) -> bool:
    """A group or person mention with no gazetteer record."""
    actor = mention.role in (Role.GROUP, Role.PERSON)
    return actor and mention.ref is not None and mention.ref.key is None


def _joined(mention: EntityMention, joined: dict[str, EntityRef]) -> EntityMention:
    if not _new(mention) or mention.ref is None:
        return mention
    ref = joined.get(mention.ref.name)
    return mention if ref is None else replace(mention, ref=joined[ref.name])
