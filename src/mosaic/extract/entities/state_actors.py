"""State actors: a country or its demonym heading a noun for its forces or government.

"the Pakistani military", "US forces" and "an American drone strike" name the state of
that country as the actor, with the country's own entity as its reference.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.places.table import PlaceTable

ARMED_FORCES = lexicon.words("entities.armed_forces")
"""A state's armed or police forces named by their kind ("the army", "police", "troops")."""
STATE_NOUNS = ARMED_FORCES | lexicon.words("entities.state_bodies")
"""Nouns for a state's forces or government that a country or its demonym may head."""


def state_actor(
    mention: EntityMention,
    doc: Doc,
    places: PlaceTable,
    noun_needed: bool = False,
    acts: Sequence[Token] = (),
) -> EntityMention | None:
    """A country or demonym heading a state noun ("the Pakistani military", "US forces") or
    an act of state among `acts` ("an American drone strike") as the state actor, named by
    its country; a bare country too unless `noun_needed`."""
    if mention.role not in (Role.COUNTRY, Role.DEMONYM) or mention.country is None:
        return None
    head = modified_noun(doc[mention.end - 1])
    with_noun = head.lemma_.lower() in STATE_NOUNS or head.lower_ in STATE_NOUNS or head in acts
    is_state = with_noun or (mention.role is Role.COUNTRY and not noun_needed)
    country = places.country(mention.country)
    if not is_state or country is None:
        return None
    end = head.i + 1 if with_noun and _next_to(mention, head) else mention.end
    return EntityMention(
        mention.start, end, mention.start_char, doc[end - 1].idx + len(doc[end - 1]),
        doc[mention.start : end].text, mention.label, Role.STATE, country.ref(), mention.country,
        "country",
    )  # fmt: skip


def _next_to(mention: EntityMention, head: Token) -> bool:
    """Whether the state noun follows the name, past its possessive ending and the noun's own
    modifiers ("Somalia's federal government", "Myanmar's military"): the name and the noun
    together are the actor."""
    if head.i == mention.end:
        return True
    between = head.doc[mention.end : head.i]
    if len(between) == 0 or between[0].tag_ != "POS" or head.ent_type_:
        return False  # "Iran's Quds Force": a name of its own
    return all(w.head == head and w.dep_ in ("amod", "compound") and not w.ent_type_
               for w in between[1:])  # fmt: skip


def modified_noun(word: Token) -> Token:
    """The noun a modifier describes, through coordination: in "Afghan and Pakistani
    forces" the parser hangs "Pakistani" on "Afghan", and both describe "forces"; through
    a possessive's "'s" too ("Sri Lanka's government")."""
    if word.dep_ == "case" and word.head != word:
        word = word.head
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    return word.head
