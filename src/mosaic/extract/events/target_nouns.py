"""Which unnamed noun phrases can be an attack's target: concrete things and people.

A target is someone or something hit: people, buildings, vehicles, installations,
organisations. The parse also puts other words in the object's position: a day ("attacked
on Wednesday" read as "attacked Wednesday"), a place told as an area ("shelled residential
areas", where the area is the event's place), an abstract noun ("an attack on freedom"), the
fire of "opened fire", or a quantity whose "of" phrase holds the target ("a large number of
buses"). `target_head` keeps the concrete head, follows a quantity to its "of" object, and
drops the rest.
"""

from __future__ import annotations

import calendar

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import NOT_THING_LABELS, NOUN_POS, prep_objects

AREA_NOUNS = lexicon.words("events.area_nouns")  # fmt: skip
"""Places told as areas: where an event happened, not what it hit."""
ABSTRACT_NOUNS = lexicon.words("events.abstract_nouns")  # fmt: skip
"""Nouns an attack is said to be "on" that name no one and nothing in particular."""
QUANTITY_NOUNS = lexicon.words("events.quantity_nouns")  # fmt: skip
"""Heads that count what their "of" phrase names ("a number of buses" hit buses)."""
_TIME_WORDS = frozenset(
    [w.lower() for w in [*calendar.day_name, *calendar.month_name[1:]]]
    + list(lexicon.ordered("events.time_words"))
)
"""Entity labels that never stand for a target (places are the event's place, not its target)."""


def target_head(head: Token) -> Token | None:
    """The head itself when it is concrete; the object of a quantity's "of"; else None."""
    if head.lemma_.lower() in QUANTITY_NOUNS or head.lower_ in QUANTITY_NOUNS:
        counted = prep_objects(head, "of")
        return target_head(counted[0]) if counted else None
    return head if is_concrete(head) else None


def is_concrete(head: Token) -> bool:
    """Whether a noun without a linked entity can name a target."""
    if head.pos_ not in NOUN_POS or head.ent_type_ in NOT_THING_LABELS:
        return False
    words = {head.lower_, head.lemma_.lower()}
    return not words & (AREA_NOUNS | ABSTRACT_NOUNS | _TIME_WORDS)
