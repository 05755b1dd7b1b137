"""Ties between groups said without a relation verb or noun of their own.

- An act done jointly, together or closely with another group is an alliance with it: "X
  claimed several attacks jointly with Y", "X operates together with Y" (any verb; a
  relation verb such as "work" says the same through its own pattern).
- "The two groups", "both factions" stand for the last two groups named before them, so
  "the two groups have clashed" and "fighting between the two factions" state a rivalry
  (and "the two groups allied" an alliance) between those two.
- Renouncing or cutting one's ties to a group is a split from it: "X renounced its ties to
  Y in 2016", "X severed its links with Y" (the ties themselves are then no alliance: the
  finder reads the severing verb as a denial of them).
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import GROUP_WORDS, parties
from mosaic.extract.relations.nouns import Candidate
from mosaic.extract.relations.rules.registry import noun_pattern, verb_patterns
from mosaic.extract.relations.verbs import with_appositions
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    SUBJECT_DEPS,
    VERB_POS,
    children,
    lemma,
    prep_objects,
    subject,
)
from mosaic.model import RelationType

R = RelationType
CLOSENESS = lexicon.words("relations.closeness")
SEVERING_VERBS = lexicon.words("relations.severing_verbs")
"""Verbs that end a tie ("renounced its ties to Y", "severed links with Y")."""
TIE_NOUNS = lexicon.words("relations.tie_nouns")
"""Nouns of a tie to a group that one severs when one splits from it."""
PAIR_WORDS = lexicon.words("relations.pair_words")
"""Words that make a group noun stand for two groups ("the two groups", "both factions")."""
_PAIRED_HEADS = GROUP_WORDS | lexicon.words("relations.group_heads")
_SIDES = (R.ALLIANCE, R.RIVALRY)


def group_ties(context: SentenceContext) -> list[Candidate]:
    """Every alliance, rivalry or split the sentence states in one of these ways."""
    return [*_joint_acts(context), *_paired_groups(context), *_severed_ties(context)]


def _joint_acts(context: SentenceContext) -> list[Candidate]:
    """ "X claimed attacks jointly with Y": the doer and the one it acted with are allies."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ not in VERB_POS or not _done_jointly(verb):
            continue
        partners = parties(with_appositions(prep_objects(verb, "with")), context)
        doers = parties(with_appositions(subject(verb)), context)
        found += [Candidate(R.ALLIANCE, d, p, verb.i, dated=True)
                  for d in doers for p in partners if _groups(d, p)]  # fmt: skip
    return found


def _done_jointly(verb: Token) -> bool:
    said = [a for c in children(verb, "advmod") for a in (c, *children(c, "advmod"))]
    return any(a.lower_ in CLOSENESS for a in said)


def _groups(*mentions: EntityMention) -> bool:
    """Whether all are distinct armed groups (not a state acting with its forces)."""
    refs = {m.ref for m in mentions}
    return len(refs) == len(mentions) and all(m.role is Role.GROUP for m in mentions)


def _paired_groups(context: SentenceContext) -> list[Candidate]:
    """ "the two groups have clashed", "fighting between the two factions"."""
    found: list[Candidate] = []
    for noun in context.sent:
        pair = _the_two(noun, context)
        stated = _sides_stated(noun) if pair is not None else None
        if pair is not None and stated is not None:
            kind, anchor = stated
            found.append(Candidate(kind, pair[1], pair[0], anchor.i, dated=True))
    return found


def _the_two(noun: Token, context: SentenceContext) -> tuple[EntityMention, EntityMention] | None:
    """The last two distinct groups named before "the two <group noun>", if it is one."""
    if noun.lemma_.lower() not in _PAIRED_HEADS or context.mention_at(noun) is not None:
        return None
    if not any(c.lower_ in PAIR_WORDS for c in noun.children):
        return None
    named: list[EntityMention] = []
    for mention in reversed(context.doc_mentions):
        if mention.end > noun.i or mention.role is not Role.GROUP or mention.ref is None:
            continue
        if all(m.ref != mention.ref for m in named):
            named.append(mention)
        if len(named) == 2:
            return named[1], named[0]
    return None


def _sides_stated(noun: Token) -> tuple[RelationType, Token] | None:
    """The alliance or rivalry, and the word stating it, of a verb whose subject the pair is
    and that names no other party ("the two groups clashed", not "clashed with the army"),
    or of an event noun between them ("fighting between the two factions")."""
    head = noun.head
    if noun.dep_ in SUBJECT_DEPS and head.pos_ in VERB_POS:
        kinds = [p.type for p in verb_patterns(lemma(head))
                 if p.type in _SIDES and not p.needs and not p.particle]  # fmt: skip
        other = children(head, "dobj") + prep_objects(head, "with", "against")
        return (kinds[0], head) if kinds and not other else None
    event = head.head
    if noun.dep_ == "pobj" and head.lower_ == "between" and event.pos_ in ("NOUN", "VERB"):
        entry = noun_pattern(event.lemma_.lower()) or noun_pattern(event.lower_)
        return (entry[0], event) if entry is not None and entry[0] in _SIDES else None
    return None


def _severed_ties(context: SentenceContext) -> list[Candidate]:
    """ "X renounced its ties to Y": X split from Y."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ not in VERB_POS or lemma(verb) not in SEVERING_VERBS:
            continue
        ties = [t for t in children(verb, "dobj") if t.lemma_.lower() in TIE_NOUNS]
        left = parties([g for t in ties for g in prep_objects(t, "to", "with")], context)
        leavers = parties(subject(verb), context)
        found += [Candidate(R.SPLIT_FROM, s, o, verb.i, dated=True)
                  for s in leavers for o in left if s != o]  # fmt: skip
    return found
