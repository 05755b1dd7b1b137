"""Strikes told by a plain verb of firing: "US aircraft struck five depots", "India said it
had hit nine camps".

"Struck", "hit" and "pounded" name an attack only with the right striker: weather,
a crisis or a strike of workers strike too ("an earthquake struck the region"). With
a state as the striker (a country, its forces or its arms: aircraft, drones,
warplanes) and something struck, the verb tells a military operation. A pronoun
striker ("it had struck") stands for the state that tells of the strike ("India said
it had struck ..."). Groups are left to the attack words: "militants struck a
checkpoint" is told by its other words ("killing four").
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import COMPLEMENT_DEPS

STATE_STRIKERS = (
    lexicon.words("entities.armed_forces")
    | lexicon.words("entities.state_bodies")
    | lexicon.words("events.force_members")
    | lexicon.words("events.state_arms")
)
"""Nouns of a state's forces and arms ("troops", "aircraft", "drones")."""
_STATE_LABELS = frozenset({"GPE", "NORP"})
"""Entity labels of a country or a nationality ("India", "US", "Pakistani")."""
_GROUP_LABELS = frozenset({"ORG"})
"""Entity labels of a modifier naming whose forces they are, when not a state's."""
_STRIKER_PRONOUNS = frozenset({"it", "they"})


def by_state(verb: Token) -> bool:
    """Whether a state fired on something with the verb ("Indian jets struck camps", "camps
    were hit by US drones", "India said it struck nine sites")."""
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        strikers = [o for a in verb.children if a.dep_ == "agent" for o in a.children]
        struck = [c for c in verb.children if c.dep_ == "nsubjpass"]
    else:
        strikers = [c for c in verb.children if c.dep_ == "nsubj"]
        struck = [c for c in verb.children if c.dep_ == "dobj"]
    strikers += [c for s in strikers for c in s.conjuncts]
    return bool(struck) and any(_state_striker(s, verb) for s in strikers)


def _state_striker(head: Token, verb: Token) -> bool:
    if head.lower_ in _STRIKER_PRONOUNS:
        return _told_by_state(verb)
    if head.ent_type_ in _STATE_LABELS and head.pos_ == "PROPN":
        return True
    if not {head.lower_, head.lemma_.lower()} & STATE_STRIKERS:
        return False
    modifiers = [t for c in head.lefts for t in c.subtree]
    return not any(t.ent_type_ in _GROUP_LABELS for t in modifiers)


def _told_by_state(verb: Token) -> bool:
    """ "India said it had struck": the speaker of the clause the verb heads is a state."""
    if verb.dep_ not in COMPLEMENT_DEPS:
        return False
    speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(_state_striker(s, verb.head) for s in speakers if s.lower_ not in _STRIKER_PRONOUNS)
