"""Captives killed after a kidnapping: "gunmen abducted two engineers and later killed them",
"a journalist was kidnapped on Monday and was found dead two days later".

The kidnapping is the attack the report tells, and its captives' deaths are its dead
(FORMAT.md counts every death of the attack): the number of people taken when a verb
coordinated with the kidnapping kills them, beheads them, or finds them dead.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.events.killings import is_kill_word
from mosaic.extract.events.slots import target_tokens
from mosaic.extract.numbers.counts import parse_number
from mosaic.extract.text.syntax import SINGULAR_NOUN_TAGS, children
from mosaic.model import AttackType, Count

DEATH_STATES = lexicon.words("events.death_states")
"""Words saying someone was found or left dead ("found dead", "found beheaded")."""


def captives_killed(trigger: Token, kind: AttackType | None) -> Count | None:
    """How many people a kidnapping took, when a verb coordinated with it kills them."""
    if kind is not AttackType.KIDNAPPING or not any(_kills(c) for c in children(trigger, "conj")):
        return None
    return _people(target_tokens(trigger))


def _kills(verb: Token) -> bool:
    """ "killed them", "beheaded him", "was found dead", "were found beheaded"."""
    if verb.pos_ != "VERB":
        return False
    if is_kill_word(verb) or verb.lemma_.lower() in ("behead", "decapitate"):
        return True
    states = children(verb, "oprd", "acomp", "xcomp")
    return verb.lemma_.lower() == "find" and any(s.lower_ in DEATH_STATES for s in states)


def _people(heads: list[Token]) -> Count | None:
    """The number of people the heads name: "two engineers" 2, "a teacher" 1."""
    total = 0
    for head in heads:
        numbers = [parse_number(c.text) for c in children(head, "nummod")]
        if numbers and numbers[0] is not None:
            total += numbers[0]
        elif head.tag_ in SINGULAR_NOUN_TAGS:
            total += 1
        else:
            return None
    return Count.exactly(total) if total else None
