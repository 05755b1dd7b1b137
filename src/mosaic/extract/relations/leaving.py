"""People who leave a group: "X quit Y in May", "X, who left Y last year", "X deserted Y".

A person who leaves a group was its member until then: the relation is a membership that
the sentence's date ends, not starts. Only a person leaving a named group counts ("the
attack left the TTP weakened" has no person as subject; "he left Pakistan" no group).
"""

from __future__ import annotations

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import Role
from mosaic.extract.entities.parties import parties
from mosaic.extract.relations.nouns import Candidate
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import children, lemma, subject
from mosaic.model import RelationType

LEAVING_VERBS = lexicon.words("relations.leaving_verbs")


def left_groups(context: SentenceContext) -> list[Candidate]:
    """A membership ended for each person the sentence says left a group."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ != "VERB" or lemma(verb) not in LEAVING_VERBS:
            continue
        people = [p for p in parties(subject(verb), context) if p.role is Role.PERSON]
        groups = [g for g in parties(children(verb, "dobj"), context) if g.role is Role.GROUP]
        found += [
            Candidate(RelationType.MEMBER_OF, person, group, verb.i, dated=True, ending=True)
            for person in people
            for group in groups
        ]
    return found
