"""Ties between groups said without a relation verb or noun of their own.

- An act done jointly, together or closely with another group is an alliance with it: "X
  claimed several attacks jointly with Y", "X operates together with Y" (any verb; a
  relation verb such as "work" says the same through its own pattern).
- "The two groups", "both factions" stand for the last two groups named before them, so
  "the two groups have clashed" and "fighting between the two factions" state a rivalry
  (and "the two groups allied" an alliance) between those two.
- A close relationship is an alliance: "X has a symbiotic relationship with Y", "the close
  relationship between X and Y".
- A coalition that brings groups together is allied with each: "the alliance, called X,
  brings together A, B and C", "X unites A and B", "X, a coalition that brings together A
  and B"; so is one a name is said to be: "X, an alliance of A, B and C", "X is a coalition
  of A and B", "X, made up of A and B" (`coalition_members`).
- A group formed by the merger of others is joined by each: "X was formed in 2013 by the
  merger of A and B", "X, a group created through a merger of A and B" (`_mergers`).
- A group formed when others merged is joined by each: "X was formed in 2013 when A merged
  with B", "X was set up when A said it had merged with B" (`_merged_when_formed`).
- Setting one group against another is a rivalry between them: "the killing set X against
  Y", "pitted X against Y".
- Groups named together as one subject are tied by a predicate that names no other party:
  "A and B are rivals", "A and B carried out a joint attack" (`mutual`).
- Renouncing or cutting one's ties to a group is a split from it: "X renounced its ties to
  Y in 2016", "X severed its links with Y" (the ties themselves are then no alliance: the
  finder reads the severing verb as a denial of them).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import GROUP_WORDS, parties
from mosaic.extract.relations.mutual import mutual_ties
from mosaic.extract.relations.nouns import Candidate
from mosaic.extract.relations.rules.registry import noun_pattern, verb_patterns
from mosaic.extract.relations.verbs import FOUNDING, named_body, reciprocal, with_appositions
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    PATIENT_OR_ATTRIBUTE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    antecedent,
    children,
    is_passive,
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
RELATIONSHIP_NOUNS = lexicon.words("relations.relationship_nouns")
"""Nouns of a relationship that its adjective makes an alliance ("a symbiotic relationship")."""
CLOSE_ADJECTIVES = lexicon.words("relations.close_adjectives")
UNITING_VERBS = lexicon.words("relations.uniting_verbs")
"""Verbs by which a coalition unites groups ("unites A and B")."""
GATHERING_VERBS = lexicon.words("relations.gathering_verbs")
"""Verbs that unite groups with "together" ("brings together A and B")."""
COALITION_NOUNS = lexicon.words("relations.coalition_nouns")
"""Nouns of a body groups make up together ("an alliance of A and B")."""
COMPOSING_VERBS = lexicon.words("relations.composing_verbs")
"""Verbs by which a body is made of groups ("made up of A and B", "comprising A and B")."""
MERGER_NOUNS = lexicon.words("relations.merger_nouns")
"""Nouns of groups joining into one ("the merger of A and B")."""
_THROUGH_PREPS = ("by", "through", "from")
MERGING_VERBS = lexicon.words("relations.merging_verbs")
"""Verbs of groups joining into one ("A merged with B")."""
_WHEN_CLAUSES = ("advcl", "relcl")
ANNOUNCING_VERBS = lexicon.words("events.self_announcing_verbs")
"""Verbs whose passive tells a group's founding ("the front was announced in 2016")."""
PITTING_VERBS = lexicon.words("relations.pitting_verbs")
"""Verbs that set their object against another ("set X against Y", "pitted X against Y")."""
_PAIRED_HEADS = GROUP_WORDS | lexicon.words("relations.group_heads")
_SIDES = (R.ALLIANCE, R.RIVALRY)
_LIST_JOINERS = frozenset({",", "and", "the"})


def group_ties(context: SentenceContext) -> list[Candidate]:
    """Every alliance, rivalry or split the sentence states in one of these ways; each way
    is tried only where the sentence holds one of its words."""
    found: list[Candidate] = []
    first = next((m for m in context.doc_mentions if m.role is Role.GROUP), None)
    if first is None or first.start >= context.sent.end:
        return found
    words = context.words
    for cue, way in _WAYS:
        if words & cue:
            found += way(context)
    return found


def _joint_acts(context: SentenceContext) -> list[Candidate]:
    """ "X claimed attacks jointly with Y", "X carried out the raid together with Y": the doer
    and the one it acted with are allies."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ not in VERB_POS:
            continue
        withs = [w for w in children(verb, "prep") if w.lower_ == "with"]
        close = [a for a in children(verb, "advmod") if a.lower_ in CLOSENESS]
        withs += [w for a in close for w in children(a, "prep") if w.lower_ == "with"]
        if not _done_jointly(verb, withs):
            continue
        partners = [o for w in withs for o in children(w, "pobj")]
        allies = parties(with_appositions(partners), context)
        doers = parties(with_appositions(subject(verb)), context)
        found += [Candidate(R.ALLIANCE, d, p, verb.i, dated=True)
                  for d in doers for p in allies if _groups(d, p)]  # fmt: skip
    return found


def _done_jointly(verb: Token, withs: list[Token]) -> bool:
    """A closeness adverb on the verb ("jointly with", "very closely with") or on its "with"
    ("together with")."""
    said = [a for c in children(verb, "advmod") for a in (c, *children(c, "advmod"))]
    said += [a for w in withs for a in children(w, "advmod")]
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
    and that names no other party ("the two groups clashed", "the two groups fought each
    other", not "clashed with the army"), or of an event noun between them ("fighting between
    the two factions")."""
    head = noun.head
    if noun.dep_ in SUBJECT_DEPS and head.pos_ in VERB_POS:
        kinds = [p.type for p in verb_patterns(lemma(head))
                 if p.type in _SIDES and not p.needs and not p.particle]  # fmt: skip
        other = children(head, "dobj") + prep_objects(head, "with", "against")
        other = [o for o in other if not reciprocal(o)]
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


def _close_relationships(context: SentenceContext) -> list[Candidate]:
    """ "X has a symbiotic relationship with Y", "the close relationship between X and Y"."""
    found: list[Candidate] = []
    for noun in context.sent:
        if noun.lemma_.lower() not in RELATIONSHIP_NOUNS:
            continue
        if not any(c.lower_ in CLOSE_ADJECTIVES for c in children(noun, "amod")):
            continue
        pair = _group_parties(prep_objects(noun, "between"), context)
        if len(pair) < 2:
            holders = children(noun, "poss")
            if noun.dep_ in PATIENT_OR_ATTRIBUTE_DEPS and noun.head.pos_ in VERB_POS:
                holders += subject(noun.head)
            pair = _group_parties(holders, context)  # "X and Y have a close relationship"
            others = _group_parties(prep_objects(noun, "with", "to"), context)
            pair = pair[:1] + others[:1] if others else pair
        if len(pair) >= 2 and pair[0] != pair[1]:
            found.append(Candidate(R.ALLIANCE, pair[0], pair[1], noun.i, dated=False))
    return found


def _group_parties(tokens: list[Token], context: SentenceContext) -> list[EntityMention]:
    return [m for m in parties(with_appositions(tokens), context) if m.role is Role.GROUP]


def _coalitions(context: SentenceContext) -> list[Candidate]:
    """ "The alliance, called X, brings together A, B and C": each is X's ally."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ not in VERB_POS or not _uniting(verb):
            continue
        coalition = [m for s in children(verb, "nsubj") for m in _coalition_names(s, context)]
        members = _group_parties(children(verb, "dobj"), context)
        found += [Candidate(R.ALLIANCE, m, coalition[0], verb.i, dated=True)
                  for m in members if coalition and m != coalition[0]]  # fmt: skip
    return found


def _uniting(verb: Token) -> bool:
    if lemma(verb) in UNITING_VERBS:
        return True
    together = any(c.lower_ == "together" for c in children(verb, "advmod", "prt"))
    return together and lemma(verb) in GATHERING_VERBS


def _coalition_names(subject_word: Token, context: SentenceContext) -> list[EntityMention]:
    """The coalition the subject names: a group's name, or the name given in its own phrase
    ("the alliance, called X,"), or the name a coalition noun stands beside ("X, a coalition
    that brings together": the relative pronoun's noun, the name it is in apposition to)."""
    word = antecedent(subject_word)
    named = named_body(word, context) if word.lemma_.lower() in COALITION_NOUNS else None
    if named is not None:
        return [named]
    mention = context.mention_at(word)
    if mention is not None:
        return [mention] if mention.role is Role.GROUP and mention.ref is not None else []
    inside = [context.mention_at(t) for t in word.subtree if t != word]
    return [m for m in inside if m is not None and m.role is Role.GROUP and m.ref is not None][:1]


def coalition_members(context: SentenceContext) -> list[Candidate]:
    """ "X, an alliance of A, B and C", "X is a coalition of A and B", "X, made up of A and
    B": each group the body is made of is X's ally."""
    found: list[Candidate] = []
    for word in context.sent:
        if _composing(word):
            named = _group_parties([word.head], context)
            body = named[0] if named else named_body(word.head, context)
            made_of = prep_objects(word, "of") + children(word, "dobj")
        elif _coalition_noun(word) and context.mention_at(word) is None:
            body, made_of = named_body(word, context), prep_objects(word, "of")
        else:
            continue
        made_of += [o for m in made_of for o in prep_objects(m, "including")]
        members = _group_parties(made_of, context)
        members += [m for m in _listed_after(made_of[:1], context) if m not in members]
        found += [Candidate(R.ALLIANCE, m, body, word.i, dated=False)
                  for m in members if body is not None and m.ref != body.ref]  # fmt: skip
    return found


def _listed_after(first: list[Token], context: SentenceContext) -> list[EntityMention]:
    """The groups named in a list that begins with `first`, read from the words ("A, B and
    C": names joined by commas up to the one after "and"), where the parser hung the later
    names elsewhere (on the coalition's own name)."""
    if not first:
        return []
    doc, named, i, anded = first[0].doc, [], first[0].i, False
    while i < context.sent.end:
        mention = context.mention_at(doc[i])
        if mention is not None and mention.role is Role.GROUP and mention.ref is not None:
            named.append(mention)
            if anded:
                return named
            i = mention.end
            continue
        if doc[i].lower_ not in _LIST_JOINERS:
            break
        anded = anded or doc[i].lower_ == "and"
        i += 1
    return named[:1]


def _composing(word: Token) -> bool:
    """ "made up of", "comprising", "composed of" hung on the body's noun."""
    if word.dep_ != "acl" or lemma(word) not in COMPOSING_VERBS:
        return False
    return lemma(word) != "make" or any(c.lower_ == "up" for c in children(word, "prt"))


def _coalition_noun(word: Token) -> bool:
    """ "alliance", "coalition", or a group noun they describe ("an umbrella group")."""
    if word.lemma_.lower() in COALITION_NOUNS:
        return True
    described = children(word, "compound", "amod")
    return word.lemma_.lower() in GROUP_WORDS and any(
        c.lemma_.lower() in COALITION_NOUNS for c in described
    )


def _mergers(context: SentenceContext) -> list[Candidate]:
    """ "X was formed in 2013 by the merger of A and B": A and B joined X, then."""
    found: list[Candidate] = []
    for noun in context.sent:
        if noun.lemma_.lower() not in MERGER_NOUNS or noun.dep_ != "pobj":
            continue
        verb = noun.head.head
        if noun.head.lower_ not in _THROUGH_PREPS or lemma(verb) not in FOUNDING:
            continue
        parts = prep_objects(noun, "of", "between")
        merged = _group_parties(parts, context)
        merged += [m for m in _listed_after(parts[:1], context) if m not in merged]
        formed = _formed_group(verb, context)
        found += [Candidate(R.ALLEGIANCE, m, formed, noun.i, dated=True)
                  for m in merged if formed is not None and m.ref != formed.ref]  # fmt: skip
    return found


def _merged_when_formed(context: SentenceContext) -> list[Candidate]:
    """ "X was formed in 2013 when A merged with B": A and B joined X, then; so did A where
    the merger is what A said ("when A said it had merged with B")."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ not in VERB_POS or lemma(verb) not in MERGING_VERBS:
            continue
        founding = _founding_clause(verb)
        formed = _formed_group(founding, context) if founding is not None else None
        if formed is None:
            continue
        merged = _group_parties(subject(verb) + prep_objects(verb, "with"), context)
        found += [Candidate(R.ALLEGIANCE, m, formed, verb.i, dated=True)
                  for m in merged if m.ref != formed.ref]  # fmt: skip
    return found


def _founding_clause(verb: Token) -> Token | None:
    """The founding verb whose time the merging verb's clause tells ("formed ... when A
    merged"), past a verb of saying between them ("when A said it had merged")."""
    clause = verb
    if clause.dep_ == "ccomp" and clause.head.dep_ in _WHEN_CLAUSES:
        clause = clause.head
    if clause.dep_ not in _WHEN_CLAUSES or not any(
        c.lower_ == "when" for c in children(clause, "advmod")
    ):
        return None
    head = clause.head
    if clause.dep_ == "relcl":  # "formed in 2013 when ...", the clause hung on the year
        head = head.head.head if head.dep_ == "pobj" else head
    if head.pos_ not in VERB_POS:
        return None
    founded = lemma(head) in FOUNDING or (is_passive(head) and lemma(head) in ANNOUNCING_VERBS)
    return head if founded else None


def _formed_group(verb: Token, context: SentenceContext) -> EntityMention | None:
    """What a founding verb formed: its passive subject ("X was formed by"), or the group its
    participle describes ("X, a group created by")."""
    if verb.dep_ == "acl":
        noun = verb.head
        named = _group_parties([noun], context)
        return named[0] if named else named_body(noun, context)
    named = _group_parties(children(verb, "nsubjpass") or subject(verb), context)
    return named[0] if named and named[0].ref is not None else None


def _set_against(context: SentenceContext) -> list[Candidate]:
    """ "The killing set X against Y": X and Y are rivals."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ not in VERB_POS or lemma(verb) not in PITTING_VERBS:
            continue
        sides = _group_parties(children(verb, "dobj"), context)[:1]
        against = prep_objects(verb, "against")
        against += [o for d in children(verb, "dobj") for o in prep_objects(d, "against")]
        others = [m for m in parties(against, context) if m.role in (Role.GROUP, Role.STATE)]
        found += [Candidate(R.RIVALRY, s, o, verb.i, dated=True)
                  for s in sides for o in others[:1] if s != o]  # fmt: skip
    return found


Way = Callable[[SentenceContext], list[Candidate]]
_WAYS: tuple[tuple[frozenset[str], Way], ...] = (
    (CLOSENESS, _joint_acts),
    (PAIR_WORDS, _paired_groups),
    (SEVERING_VERBS, _severed_ties),
    (RELATIONSHIP_NOUNS, _close_relationships),
    (UNITING_VERBS | GATHERING_VERBS, _coalitions),
    (COALITION_NOUNS | COMPOSING_VERBS, coalition_members),
    (MERGER_NOUNS, _mergers),
    (MERGING_VERBS, _merged_when_formed),
    (frozenset({"against"}), _set_against),
    (frozenset({"and"}), mutual_ties),
)
"""Each way of saying a tie, with the words a sentence must hold for it to be tried."""
