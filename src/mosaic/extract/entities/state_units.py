"""A state's unit named by a proper name the gazetteer lacks: a state body, not a new group.

Reports name a state's forces, police and agencies by names no list need hold: "the
Border Security Force", "the Counter Terrorism Department", "the Sindh Police", "Special
Task Force". Such a name is a state's by its form: a head noun of state units ("Force",
"Police", "Directorate") with only words of state units ("Border", "Rapid Action",
"National"), places and countries around it ("of Security", "of the Philippines"), or a
text saying whose it is ("the provincial Levies", "Indian Rangers"). A name with one other
word is a state's only where both show: a word of state units, and an owner said before it
or a state's act done by it ("the Zulu Special Guard arrested two men"). A name with a
word of armed groups' names ("Liberation", "Jaish", "Islamic"), or with other words ("the
Zulu Martyrs Force", "Imam Shamil Battalion"), stays a group's. A force described by its
kind is the unit the report names with the same words ("counter-terrorism police" and "the
Punjab Counter Terrorism Department"): reports lead with the kind and name the unit after.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.acronyms import initials, is_short_form
from mosaic.extract.entities.apposed_names import is_new_group
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.name_shapes import ARMED_NAME_WORDS
from mosaic.extract.text.surface import as_written
from mosaic.model import EntityKind, EntityRef

UNIT_HEADS = lexicon.words("entities.state_unit_heads")
"""Head nouns of a state unit's name ("Force", "Police", "Directorate")."""
UNIT_WORDS = lexicon.words("entities.state_unit_words")
"""Words of a state unit's name besides its head ("Border", "Rapid", "Action")."""
STATE_OWNERS = lexicon.words("entities.state_owners")
"""Words before a unit's name saying a state owns it ("provincial", "the country's")."""
STATE_ACTS = lexicon.words("entities.state_unit_acts")
"""Verbs of a state's acts, done by the unit named ("arrested", "deployed")."""
_POSSESSIVES = lexicon.words("entities.possessive")
_NAME_PARTS = re.compile(r"[\s-]+")
"""What parts a name's words: spaces and hyphens."""
_LINKS = frozenset({"of", "the", "and", "&", "for"})
"""Words joining the parts of a unit's name ("Directorate of Security")."""

CountryOf = Callable[[str], str | None]
"""The country a name of a place, a country or a people lies in, or None."""


@dataclass(frozen=True)
class StateUnit:
    """A state unit found by its name: the country its name or owner says, if any."""

    country: str | None


@dataclass
class _Words:
    """A name's words by kind: heads, state units' words, places (with their countries) and
    other words; `armed` when one is an armed group's."""

    heads: int = 0
    unit_words: int = 0
    places: int = 0
    others: int = 0
    armed: bool = False
    country: str | None = None


def state_unit(ent: Span, country_of: CountryOf) -> StateUnit | None:
    """The state unit the entity names, or None where it is no state unit's name."""
    words = _sorted_words(ent, country_of)
    if words.armed or not words.heads or words.others > 1:
        return None
    owned, owner = _owner(ent, country_of)
    if words.others == 1:
        told = words.unit_words and (owned or _acting(ent))
        return StateUnit(words.country or owner) if told else None
    if words.unit_words or words.places or owned or _acting(ent):
        return StateUnit(words.country or owner)
    return None


def _sorted_words(ent: Span, country_of: CountryOf) -> _Words:
    """The name's words sorted by kind; a run of other words that names a place, a country
    or a people ("Khyber Pakhtunkhwa", "Indian") is a place."""
    words = _Words()
    run: list[Token] = []
    for token in [*ent, None]:
        lower = token.lower_ if token is not None else ""
        if token is not None and not _kind_word(token, lower):
            run.append(token)
            continue
        if run:
            _add_run(words, ent.doc[run[0].i : run[-1].i + 1].text, len(run), country_of)
            run = []
        if lower in UNIT_HEADS:
            words.heads += 1
        elif lower in UNIT_WORDS:
            words.unit_words += 1
        words.armed = words.armed or lower in ARMED_NAME_WORDS
    return words


def _kind_word(token: Token, lower: str) -> bool:
    """Whether a word has its kind by itself: a head, a unit's word, an armed group's word,
    a link or a mark ("of", "-", "'s")."""
    return (
        lower in UNIT_HEADS
        or lower in UNIT_WORDS
        or lower in ARMED_NAME_WORDS
        or lower in _LINKS
        or token.text in _POSSESSIVES
        or token.is_punct
    )


def _add_run(words: _Words, text: str, size: int, country_of: CountryOf) -> None:
    country = country_of(text)
    if country is None:
        words.others += size
        return
    words.places += 1
    words.country = words.country or country


def _owner(ent: Span, country_of: CountryOf) -> tuple[bool, str | None]:
    """Whether the words before the name say a state owns the unit ("the provincial Levies",
    "the country's Rangers", "Indian Rangers", "Pakistan's Levies"), and the country they
    name."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text in _POSSESSIVES and ent.start > 1:
        before = doc[ent.start - 2]
    if before is None:
        return False, None
    country = country_of(before.text) if before.text[:1].isupper() else None
    return before.lower_ in STATE_OWNERS or country is not None, country


def _acting(ent: Span) -> bool:
    """Whether the name is the subject or the agent of a state's act ("X arrested two men",
    "were detained by X")."""
    root = ent.root
    if root.dep_ == "nsubj":
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb = root.head.head
    else:
        return False
    return verb.lemma_.lower() in STATE_ACTS


def unit_initials(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions, with a new group's written as the initials of a state unit the report
    names ("BSF" after "the Border Security Force") made that unit's, and the unit named by
    its initials too: the tagger reads initials that act as a group's ("BSF personnel")."""
    units: dict[str, EntityRef] = {}
    for mention in mentions:
        if _new_unit(mention) and mention.ref is not None:
            units.update(dict.fromkeys(initials(mention.ref.name), mention.ref))
    found: dict[str, EntityRef] = {}
    for mention in mentions:
        form = as_written(mention.text)
        ref = units.get(form.casefold()) if is_new_group(mention) and is_short_form(form) else None
        if ref is not None:
            known = found.get(ref.name, ref)
            found[ref.name] = replace(known, aliases=tuple(dict.fromkeys((*known.aliases, form))))
    if not found:
        return list(mentions)
    return [_as_unit(m, units, found) for m in mentions]


def _new_unit(mention: EntityMention) -> bool:
    """A state unit the gazetteer lacks, named by its own name."""
    ref = mention.ref
    return (
        mention.role is Role.STATE
        and ref is not None
        and ref.key is None
        and ref.kind is EntityKind.ORGANIZATION
    )


def _as_unit(
    mention: EntityMention, units: dict[str, EntityRef], found: dict[str, EntityRef]
) -> EntityMention:
    if _new_unit(mention) and mention.ref is not None and mention.ref.name in found:
        return replace(mention, ref=found[mention.ref.name])
    if not is_new_group(mention):
        return mention
    ref = units.get(as_written(mention.text).casefold())
    if ref is None or ref.name not in found:
        return mention
    return replace(mention, role=Role.STATE, ref=found[ref.name], country=ref.country)


def described_unit(description: str, mentions: Sequence[EntityMention]) -> EntityMention | None:
    """The state unit a force described by its kind is, where the report names one unit with
    all its describing words: "counter-terrorism police" and "the Punjab Counter Terrorism
    Department", "border police" and "the Border Police Force". Two describing words or
    more, or the force's noun in the unit's name too, so that "special forces" is no unit
    named "Special Services Group"."""
    *describing, noun = _NAME_PARTS.split(description.lower())
    if not describing:
        return None
    found = {
        m.ref.name: m
        for m in mentions
        if _state_body(m) and m.ref is not None
        and _describes(describing, noun, set(_NAME_PARTS.split(m.ref.name.lower())))
    }  # fmt: skip
    return next(iter(found.values())) if len(found) == 1 else None


def _describes(describing: list[str], noun: str, name: set[str]) -> bool:
    return set(describing) <= name and (len(describing) > 1 or noun in name)


def _state_body(mention: EntityMention) -> bool:
    """A state body named by its own name (listed or not), not a country."""
    ref = mention.ref
    return mention.role is Role.STATE and ref is not None and ref.kind is EntityKind.ORGANIZATION
