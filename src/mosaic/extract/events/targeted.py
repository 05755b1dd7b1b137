"""One person shot or killed by attackers: an assassination ("gunmen shot dead a village
headman", "militants killed a shopkeeper", "a teacher was gunned down"); one of the forces
shot alone ("gunmen killed a policeman") stays an armed assault on them.

An attack told by a kill word alone whose victim is one person, singled out by an
article, a possessive or a name, was aimed at that person: FORMAT.md's
assassination, not an armed assault, which strikes a place or a crowd ("stormed a
hotel, killing a guard" is told by "stormed"). A bomb that kills one person keeps
its kind.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.events.killings import is_kill_word
from mosaic.extract.numbers.casualties import ATTACKER_WORDS, victims_of
from mosaic.extract.text.syntax import SINGULAR_NOUN_TAGS, children
from mosaic.model import AttackType

SERVING_PEOPLE = lexicon.words("events.serving_people")
"""One of a state's forces or guards: shot alone, an armed assault on the forces."""
_ONE_PERSON_DETS = frozenset({"a", "an", "the"})
_AIMLESS = frozenset({AttackType.ARMED_ASSAULT, None})
"""The kinds an attack on one person refines: shots or nothing said of the arms."""


def targeted_kind(trigger: Token, kind: AttackType | None) -> AttackType | None:
    """An assassination where a kill word's one victim is a person singled out, else `kind`."""
    if kind not in _AIMLESS or not is_kill_word(trigger) or trigger.pos_ != "VERB":
        return kind
    victims = victims_of(trigger)
    return AttackType.ASSASSINATION if len(victims) == 1 and _one_person(victims[0]) else kind


def _one_person(noun: Token) -> bool:
    """ "a village headman", "the driver", "his brother", "Ahmad Shah": one, no count, none
    listed with him, no attacker."""
    if noun.tag_ not in SINGULAR_NOUN_TAGS or children(noun, "conj", "nummod"):
        return False
    if noun.lemma_.lower() in ATTACKER_WORDS | SERVING_PEOPLE:
        return False
    return noun.ent_type_ == "PERSON" or any(
        (c.dep_ == "det" and c.lower_ in _ONE_PERSON_DETS) or c.dep_ == "poss"
        for c in noun.children
    )
