"""Ties that groups named together as one subject hold with each other.

"A and B have been bitter rivals", "A and B remain closely aligned", "A and B carried out a
joint attack": the predicate names no other party, so the tie it states is between the
subject's own groups ("A and B formed an alliance", an event noun's, is read with the other
event nouns in `verbs.noun_relations_of_events`). Only a subject made of group names alone
("A and the B") counts: "A's fighters and B" or "A and B commanders" name no such pair.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.relations.nouns import ALLY_NOUNS, RIVAL_NOUNS, Candidate
from mosaic.extract.relations.rules.registry import verb_patterns
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import SUBJECT_DEPS, children, lemma, prep_objects
from mosaic.model import RelationType

R = RelationType
JOINT_ADJECTIVES = lexicon.words("relations.joint_adjectives")
"""Adjectives that make an act the doers' shared one ("a joint attack")."""
_JOINERS = frozenset({"and", ",", "the", "both"})
_OTHER_PARTY_PREPS = ("of", "to", "with", "against", "on")


def mutual_ties(context: SentenceContext) -> list[Candidate]:
    """Each pair of a coordinated group subject tied by a predicate naming no other party."""
    found: list[Candidate] = []
    for word in context.sent:
        if word.dep_ not in SUBJECT_DEPS or word.dep_ == "nsubjpass":
            continue
        groups = _coordinated_groups(word, context)
        kind = _stated_tie(word.head) if len(groups) >= 2 else None
        if kind is not None:
            found += [Candidate(kind, a, b, word.head.i, dated=True)
                      for i, a in enumerate(groups) for b in groups[i + 1 :]]  # fmt: skip
    return found


def _coordinated_groups(word: Token, context: SentenceContext) -> list[EntityMention]:
    """The distinct groups the subject's words name, if it is only their names joined by
    "and"."""
    groups: list[EntityMention] = []
    tokens = word.doc[word.left_edge.i : word.right_edge.i + 1]
    joined = False
    for token in tokens:
        mention = context.mention_at(token)
        if mention is not None and mention.role is Role.GROUP and mention.ref is not None:
            if all(g.ref != mention.ref for g in groups):
                groups.append(mention)
        elif token.lower_ in _JOINERS:
            joined = joined or token.lower_ == "and"
        else:
            return []
    return groups if joined else []


def _stated_tie(head: Token) -> RelationType | None:
    """The alliance or rivalry the predicate states of its subjects alone: a plural ally or
    rival noun ("are rivals"), a participle of a tie ("remain aligned") or a joint act
    ("carried out a joint attack")."""
    for word in children(head, "attr", "acomp", "dobj"):
        if word.dep_ == "dobj" and _joint(word):
            return R.ALLIANCE  # "a joint attack on Y": Y is its target, not a party
        kind = None if prep_objects(word, *_OTHER_PARTY_PREPS) else _tie_word(word)
        if kind is not None:
            return kind
    return None


def _joint(act: Token) -> bool:
    return any(c.lower_ in JOINT_ADJECTIVES for c in children(act, "amod"))


def _tie_word(word: Token) -> RelationType | None:
    lemma_ = word.lemma_.lower()
    if word.dep_ == "attr" and word.tag_ == "NNS":
        if lemma_ in RIVAL_NOUNS:
            return R.RIVALRY
        if lemma_ in ALLY_NOUNS:
            return R.ALLIANCE
    if word.dep_ == "acomp":
        kinds = [p.type for p in verb_patterns(lemma(word)) if p.prep == "with" and not p.needs]
        return next((k for k in kinds if k.symmetric), None)
    return None
