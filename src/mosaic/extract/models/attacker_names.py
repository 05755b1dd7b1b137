"""Whether an attacker span of the role tagger names who acted, before it becomes a perpetrator.

The tagger reads words, not the entities the pipeline found, and on reporting unlike what it
learnt from it tags as attackers words that name no one who acts: a place ("the United
States" as the subject of "has offered a bounty", "the Dune Hotel"), a person the NER and
the linker read as a person, with a title or a job before the name ("Special Agent Jane
Roe"), which the tagger took for an organisation, and words running over a clause ("the
Harbour Authority ratifies its offer", "a truck carrying soldiers"), whose verb no name
holds; and, where no group the linker found holds it, a description cut short before its
noun ("Zulu pro-government [militiamen]") or words for an event ("Shootings in Zululand").
A civil body's name ("the Foreign Ministry said ...") names no attacker either. Such a span,
unlinked to a group, would become a new organisation and the incident's
perpetrator.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.name_shapes import EVENT_NAME_WORDS
from mosaic.extract.places.place_slots import NAME_HEADS
from mosaic.extract.text.syntax import KIND_MODIFIER_DEPS, VERB_POS

CIVIL_BODY_HEADS = lexicon.words("models.civil_body_heads")

PLACE_ROLES = frozenset({Role.PLACE, Role.COUNTRY})
"""Mentions of places, which an attacker span may name but which act in no attack."""


def names_no_attacker(words: Span, organisation: bool, mentions: Sequence[EntityMention]) -> bool:
    """Whether an attacker span (`organisation`: tagged as a group) names a place, or, tagged
    as a group, a person or a clause."""
    if _holds(words.root.i, mentions, PLACE_ROLES):
        return True
    unnamed_group = not _holds(words.root.i, mentions, {Role.GROUP})
    if (_facility_name(words) or _civil_body(words)) and unnamed_group:
        return True
    if not organisation:
        return False
    if _holds(words.end - 1, mentions, {Role.PERSON}) or runs_over_clause(words):
        return True
    named_group = _holds(words.root.i, mentions, {Role.GROUP})
    return not named_group and (_cut_off(words) or _tells_event(words))


def _cut_off(words: Span) -> bool:
    """Words ending in an adjective of the noun right after them ("Zulu pro-government
    [militiamen]"): a description the tagger cut short, no name."""
    last = words[-1]
    return last.dep_ == "amod" and last.head.i == words.end


def runs_over_clause(words: Span) -> bool:
    """A verb in the words that heads a clause rather than describing a noun ("a truck
    carrying soldiers", "the Authority ratifies"; not "armed", "Kurdish-led")."""
    return any(t.pos_ in VERB_POS and t.dep_ not in KIND_MODIFIER_DEPS for t in words)


def _tells_event(words: Span) -> bool:
    """A word for an event among the words ("Shootings in Zululand", a headline's "Market
    Blast"): what happened, not who did it."""
    return any(t.lower_ in EVENT_NAME_WORDS or t.lemma_.lower() in EVENT_NAME_WORDS for t in words)


def _facility_name(words: Span) -> bool:
    """A name ending in a facility's or an area's head word ("the Dune Hotel", "Camp Zulu
    Base"), which is a place's name whatever the tagger took it for."""
    last = words[-1]
    return last.text[:1].isupper() and last.lower_ in NAME_HEADS


def _civil_body(words: Span) -> bool:
    """A civil body's name ("the Pakistani Foreign Ministry", "the UN Assistance Mission in
    Afghanistan"), whose head the tagger took for an attacker where the body told of an attack."""
    return words.root.lower_ in CIVIL_BODY_HEADS


def _holds(
    index: int, mentions: Sequence[EntityMention], roles: frozenset[Role] | set[Role]
) -> bool:
    """Whether a mention of one of the roles holds the token."""
    return any(m.start <= index < m.end and m.role in roles for m in mentions)
