"""Pledges told from the side that takes them: "the Islamic State accepted the pledge of
allegiance of X", "Y welcomed X's oath of loyalty", "X's pledge was accepted by Y".

The verb's subject (or agent) is the one pledged to; whose pledge it is is said by "of" or a
possessor on the pledge noun, or on the loyalty noun it carries ("the pledge of allegiance
of X"). Pledging to a person, such a group's leader, is an allegiance to him.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.parties import parties
from mosaic.extract.relations.nouns import Candidate
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import agents, children, is_passive, lemma, prep_objects, subject
from mosaic.model import RelationType

ACCEPTING_VERBS = lexicon.words("relations.accepting_verbs")
PLEDGE_NOUNS = lexicon.words("relations.loyalty") | lexicon.words("relations.pledge_nouns")
"""What is pledged ("allegiance", "oath") and the pledge itself ("pledge")."""


def accepted_pledges(context: SentenceContext) -> list[Candidate]:
    """Every allegiance the sentence tells as a pledge someone accepted."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ != "VERB" or lemma(verb) not in ACCEPTING_VERBS:
            continue
        passive = is_passive(verb)
        pledges = children(verb, "nsubjpass" if passive else "dobj")
        pledgers = [p for n in pledges if _is_pledge(n) for p in _pledgers(n)]
        takers = agents(verb) if passive else subject(verb)
        for pledger in parties(pledgers, context):
            found += [Candidate(RelationType.ALLEGIANCE, pledger, taker, verb.i, dated=True)
                      for taker in parties(takers, context) if taker != pledger]  # fmt: skip
    return found


def _is_pledge(noun: Token) -> bool:
    return noun.lemma_.lower() in PLEDGE_NOUNS or noun.lower_ in PLEDGE_NOUNS


def _pledgers(noun: Token, depth: int = 0) -> list[Token]:
    """Whose pledge: "of X", "X's"; through the noun of loyalty it carries ("of allegiance
    of X")."""
    found: list[Token] = children(noun, "poss")
    for owner in prep_objects(noun, "of"):
        if _is_pledge(owner) and depth < 2:
            found += _pledgers(owner, depth + 1)
        else:
            found.append(owner)
    return found
