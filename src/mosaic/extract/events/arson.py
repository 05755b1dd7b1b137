"""An attack told by the fire it set: "set fire to the offices", "torched a bus", "the
rebels burned the town hall".

Such a sentence names no bomb, gun or attack word, so no trigger of the lexicon reads it;
the fire has to be set to a building or vehicle (`BURNED_THINGS`), so that "burned to
death", "set himself on fire" or "burned the flag" are no attack. Its attack type is
FORMAT.md's facility_attack, an attack on a building or site (MUC-4 keys it ARSON).
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import PATIENT_DEPS, VERB_POS

BURNED_THINGS = (
    lexicon.words("events.burned_things")
    | lexicon.words("events.facilities")
    | lexicon.words("events.peopled_sites")
)
BURNING_VERBS = lexicon.words("events.burning_verbs")
FIRE_WORDS = lexicon.words("events.fire_words")


def sets_fire(token: Token) -> bool:
    """Whether the verb tells fire set to a building or vehicle: "burned three buses",
    "buses were torched", "set fire to the office", "set the house on fire"."""
    if token.pos_ not in VERB_POS:
        return False
    lemma = token.lemma_.lower()
    if lemma in BURNING_VERBS:
        return _burned(_patients(token))
    if lemma != "set":
        return False
    patients = _patients(token)
    if any(p.lemma_.lower() in FIRE_WORDS for p in patients):  # "set fire to the office"
        return _burned(_objects_of(token, "to"))
    told = [token, *patients]  # "set the station on fire": the parser may hang it on either
    on_fire = [o for t in told for o in _objects_of(t, "on")]
    on_fire += [c for c in token.children if c.dep_ not in PATIENT_DEPS]  # "set it ablaze"
    on_fire += [c for p in patients for c in p.children if c.i == token.i + 1]  # "set ablaze
    # two pylons": the parser hangs the word on the object, as if it were "the ablaze pylons"
    return any(t.lemma_.lower() in FIRE_WORDS for t in on_fire) and _burned(patients)


def _patients(token: Token) -> list[Token]:
    heads = [c for c in token.children if c.dep_ in PATIENT_DEPS]
    return heads + [c for h in heads for c in h.conjuncts]


def _objects_of(token: Token, preposition: str) -> list[Token]:
    """The objects of the verb's preposition, coordinated ones too ("to a bus and a car")."""
    objects = [o for p in token.children if p.dep_ == "prep" and p.lower_ == preposition
               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return objects + [c for o in objects for c in o.conjuncts]


def _burned(things: list[Token]) -> bool:
    return any(t.lemma_.lower() in BURNED_THINGS for t in things)
