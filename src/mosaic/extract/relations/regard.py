"""Sides one party says another is on: "X considers Y an enemy", "X regards Y as an ally",
"X sees Y as a rival", "Y is considered an enemy by X".

A verb of regarding whose object is given a rival or ally noun with no owner of its own
("an enemy", not "an enemy of Z") states a rivalry or an alliance between the verb's
subject and its object. "The group" and "it" as subject stand for the group named before.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.parties import GROUP_POSSESSIVES, parties
from mosaic.extract.relations.nouns import Candidate, noun_kind, relation_type
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    NOUN_POS,
    SUBJECT_DEPS,
    VERB_COMPLEMENT_DEPS,
    agents,
    children,
    is_passive,
    prep_objects,
    subject,
)

REGARD_VERBS = lexicon.words("relations.regard_verbs")
_SIDE_KINDS = ("ally", "rival")


def regarded_sides(context: SentenceContext) -> list[Candidate]:
    """Every rivalry or alliance the sentence states as one side's view of another."""
    found: list[Candidate] = []
    for noun in context.sent:
        kind = noun_kind(noun, context) if noun.pos_ in NOUN_POS else None
        if kind not in _SIDE_KINDS or _owned(noun):
            continue
        verb, held = _regarding(noun)
        if verb is None:
            continue
        viewers = subject(verb)
        if is_passive(verb):  # "Y is considered an enemy by X"
            held, viewers = children(verb, "nsubjpass"), agents(verb) or prep_objects(noun, "by")
        for side in parties(held, context):
            for viewer in parties(viewers, context):
                rel = relation_type(kind, viewer)
                if rel is not None and viewer != side:
                    found.append(Candidate(rel, viewer, side, noun.i, dated=False))
    return found


def _owned(noun: Token) -> bool:
    """ "an enemy of Z", "Z's rival": the noun names its other side itself; "its enemy" is
    the viewer's own ("X considers Y its main enemy")."""
    owners = [c for c in children(noun, "poss") if c.lower_ not in GROUP_POSSESSIVES]
    return bool(owners or prep_objects(noun, "of", "to", "for"))


def _regarding(noun: Token) -> tuple[Token | None, list[Token]]:
    """The verb of regarding the noun completes and the tokens naming who is regarded:
    "considers Y an enemy" (Y the noun's subject or the verb's object), "regards Y as an
    enemy"."""
    if noun.dep_ in VERB_COMPLEMENT_DEPS:
        verb = noun.head
        held = children(noun, *SUBJECT_DEPS) or children(verb, "dobj")
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        held = children(verb, "dobj")
    else:
        return None, []
    return (verb, held) if verb.lemma_.lower() in REGARD_VERBS else (None, [])
