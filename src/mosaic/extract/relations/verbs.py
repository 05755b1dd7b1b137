"""Relations stated by a verb or an event noun: "X pledged allegiance to Y", "X joined Y",
"X split from Y", "an alliance between X and Y", "fighting between X and Y",
"the defection to Y of X", "X formed an alliance with Y", "X took on Y", "X rebelled
against Y", "X fought alongside Y", "A and B established Y", "when X switched allegiance".

Each pattern names the verb (or noun), the object word it needs where it needs
one ("allegiance" for "pledge"), and where the other party stands (a
preposition's object or the direct object). Subjects are the verb's subject or
the subject of the clause it continues or the owner of the noun it completes
("its decision to join Y"); "it" and "he" resolve to the last group or person
named. A person who joins or fights alongside a group becomes its member; a
sole founder leads the group, several founders are each members.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import parties
from mosaic.extract.relations.descriptions import called
from mosaic.extract.relations.nouns import LEADER_NOUNS, MEMBER_NOUNS, Candidate
from mosaic.extract.relations.pledges import PLEDGE_NOUNS
from mosaic.extract.relations.rules.registry import noun_pattern, verb_patterns
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    PATIENT_OR_ATTRIBUTE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    agents,
    children,
    is_passive,
    lemma,
    prep_objects,
    subject,
)
from mosaic.model import RelationType

R = RelationType


@dataclass(frozen=True)
class VerbPattern:
    """`lemma` (with an object in `needs`, if set) relates its subject to the object of `prep`,
    or to its direct object where `prep` is None."""

    lemma: str
    type: RelationType
    prep: str | None
    needs: frozenset[str] | None = None
    particle: str | None = None
    adverbs: frozenset[str] | None = None
    """Adverbs of which the verb must carry one ("works closely with Y")."""


_TYPE_NAMES = frozenset(t.value for t in RelationType)


def _verb_pattern(row: lexicon.Row) -> VerbPattern:
    needs, adverb = row.optional("needs"), row.optional("adverb")
    return VerbPattern(
        lemma=row.word("verb"),
        type=RelationType(row.choice("type", _TYPE_NAMES)),
        prep=row.optional("prep"),
        needs=lexicon.words(needs) if needs else None,
        particle=row.optional("particle"),
        adverbs=lexicon.words(adverb) if adverb else None,
    )


F = lexicon.Field
VERB_PATTERNS = tuple(
    _verb_pattern(row)
    for row in lexicon.table(
        "relations.verb_patterns",
        {"verb": F.WORD, "type": F.WORD, "prep": F.OPTIONAL_WORD,
         "needs": F.OPTIONAL_WORD, "particle": F.OPTIONAL_WORD, "adverb": F.OPTIONAL_WORD},
    )
)  # fmt: skip
SWITCHING = lexicon.words("relations.switching")
"""Verbs that move a party to a new side, which the sentence may name before them."""
FOUNDING = lexicon.words("relations.founding")
"""Verbs of founding: a sole founder leads the group, each of several founders is a member."""
ENLISTING = lexicon.words("relations.enlisting")
"""Verbs by which a person who takes a group's side becomes one of its members."""
BREAKAWAY_ADVERBS = lexicon.words("relations.breakaway_adverbs")
"""Adverbs of leaving the parser may hang "from" on ("broke away from Y")."""
RECIPROCALS = lexicon.words("relations.reciprocals")
"""The nouns of "each other", "one another": the subjects act on one another."""
_FACING_PREPS = ("against", "on")
LEADING_VERBS = lexicon.words("relations.leading_verbs")
"""Verbs of leading ("led by X", "headed by X")."""
NOUN_PATTERNS: dict[str, tuple[RelationType, tuple[str, ...]]] = {
    row.word("noun"): (RelationType(row.choice("type", _TYPE_NAMES)), row.words("preps"))
    for row in lexicon.table(
        "relations.noun_patterns", {"noun": F.WORD, "type": F.WORD, "preps": F.WORDS}
    )
}


def _objects(verb: Token, pattern: VerbPattern) -> list[Token]:
    if pattern.prep is None:
        return with_appositions(children(verb, "dobj"))
    direct = prep_objects(verb, pattern.prep)
    for obj in _direct_objects(verb):
        direct += prep_objects(obj, pattern.prep)
    for particle in children(verb, "prt"):
        direct += prep_objects(particle, pattern.prep)
    for adverb in children(verb, "advmod"):  # "broke away from", parsed with "away" as adverb
        if adverb.lower_ in BREAKAWAY_ADVERBS or adverb.lower_ in (pattern.adverbs or ()):
            direct += prep_objects(adverb, pattern.prep)
    return direct


def verb_relations(context: SentenceContext) -> list[Candidate]:
    """Relations stated by a verb: its subject to the object the pattern names."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ != "VERB":
            found += _misread_verb(verb, context)
            continue
        for pattern in verb_patterns(lemma(verb)):
            if not _has_needed(verb, pattern):
                continue
            subjects, objects = _verb_parties(verb, pattern, context)
            if not objects and pattern.type is R.ALLEGIANCE and lemma(verb) in SWITCHING:
                objects = _side_switched_to(verb, context)
            if not objects and _mutual(verb, pattern) and len(subjects) >= 2:
                subjects, objects = subjects[:1], subjects[1:2]  # "X and Y clashed"
            regional = _regional(verb, pattern, context)
            found += [Candidate(R.MEMBER_OF if regional else _verb_type(pattern, s, subjects),
                                s, o, verb.i, dated=True)
                      for s in subjects for o in objects if s != o]  # fmt: skip
    return found


def _misread_verb(word: Token, context: SentenceContext) -> list[Candidate]:
    """ "X split from Y" with "split" tagged a noun after the name: a bare noun right after a
    party's name that carries a verb pattern's preposition is that verb, the name its subject
    (the parse's labels are wrong there, the words' order is not). The noun's patterns are
    looked up first: most nouns have none, and their children cost more to read."""
    if word.pos_ != "NOUN":
        return []
    patterns = _noun_read_patterns(word.lemma_.lower())
    if not patterns or children(word, "det", "poss"):
        return []
    before = context.mention_at(word.doc[word.i - 1]) if word.i > word.sent.start else None
    if before is None or before.end != word.i:
        return []
    subjects = parties([word.doc[before.start]], context)
    found: list[Candidate] = []
    for pattern, prep in patterns:
        objects = parties(prep_objects(word, prep), context)
        found += [Candidate(pattern.type, s, o, word.i, dated=True)
                  for s in subjects for o in objects if s != o]  # fmt: skip
    return found


def _noun_read_patterns(lemma: str) -> list[tuple[VerbPattern, str]]:
    """The lemma's verb patterns a noun read as that verb can state, with their preposition:
    those naming the other side after one, with no particle and no word class they need."""
    return [
        (pattern, pattern.prep)
        for pattern in verb_patterns(lemma)
        if pattern.prep is not None and pattern.needs is None and pattern.particle is None
    ]


def _mutual(verb: Token, pattern: VerbPattern) -> bool:
    """Whether the subjects hold the tie with each other: a verb whose "with" names the other
    side ("clashed with Y") said with none ("X and Y clashed"), or one whose other side is
    "each other" ("X and Y fought each other")."""
    if not pattern.type.symmetric:
        return False
    if pattern.prep is None:
        return any(reciprocal(o) for o in children(verb, "dobj"))
    if any(reciprocal(o) for o in prep_objects(verb, pattern.prep)):
        return True
    return pattern.prep == "with" and pattern.needs is None and not prep_objects(verb, "with")


def reciprocal(word: Token) -> bool:
    """ "each other", "one another"."""
    return word.lower_ in RECIPROCALS and any(c.lower_ in ("each", "one") for c in word.children)


def _regional(verb: Token, pattern: VerbPattern, context: SentenceContext) -> bool:
    """ "X commanded the TTP in Mohmand": leading a group in one of its regions makes X one
    of its commanders, a member, not its leader."""
    if pattern.type is not R.LEADER_OF or pattern.lemma not in LEADING_VERBS:
        return False
    places = [context.mention_at(t) for t in prep_objects(verb, "in")]
    return any(p is not None and p.role is Role.PLACE for p in places)


def _side_switched_to(verb: Token, context: SentenceContext) -> list[EntityMention]:
    """ "when X switched allegiance" with no "to": the group the sentence is about, named
    before the verb outside X's own description ("a Y commander, X")."""
    own = {t.i for s in children(verb, *SUBJECT_DEPS) for t in s.subtree}
    before = [m for m in context.mentions if m.end <= verb.i and m.role is Role.GROUP
              and m.ref is not None and m.start not in own
              and not _role_owner(context.doc[m.start : m.end].root)]  # fmt: skip
    return before[-1:]


def _role_owner(word: Token) -> bool:
    """Whether the group owns a role in its clause ("X was a commander of Y until he
    defected"): the side X held, not the one he switched to."""
    for above in word.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return False
        if above.lemma_.lower() in MEMBER_NOUNS | LEADER_NOUNS:
            return True
    return False


def _verb_type(
    pattern: VerbPattern, subject: EntityMention, subjects: list[EntityMention]
) -> RelationType:
    """A person who joins or fights alongside a group is its member; of several founders,
    each is a member rather than the leader; a group that belongs to another is its
    affiliate ("the militia belongs to Y")."""
    if subject.role is not Role.PERSON:
        return R.AFFILIATE_OF if pattern.type is R.MEMBER_OF else pattern.type
    if pattern.lemma in ENLISTING and pattern.type in (R.ALLEGIANCE, R.ALLIANCE):
        return R.MEMBER_OF
    people = [s for s in subjects if s.role is Role.PERSON]
    if pattern.lemma in FOUNDING and len(people) > 1:
        return R.MEMBER_OF
    return pattern.type


def with_appositions(tokens: list[Token]) -> list[Token]:
    """The tokens, the names in apposition to them or given them by a naming participle ("a
    charity called Y") and those names' conjuncts; a common noun that has such names gives
    way to them ("former activists A, B and C" -> A, B, C; "a Y commander, X" -> X)."""
    found: dict[int, Token] = {}
    todo = list(tokens)
    while todo:
        token = todo.pop()
        if token.i in found:
            continue
        found[token.i] = token
        todo += children(token, "appos") + [c for c in token.conjuncts if c.i not in found]
        todo += called(token)  # "formed a charity called Y": Y
    named = [t for t in found.values()
             if t.pos_ != "NOUN" or not (children(t, "appos") or called(t))]  # fmt: skip
    return sorted(named, key=lambda t: t.i)


def _verb_parties(
    verb: Token, pattern: VerbPattern, context: SentenceContext
) -> tuple[list[EntityMention], list[EntityMention]]:
    """Subject and object parties; a passive "was founded by X" turns them round, and a
    participle ("a group affiliated with X") takes the noun it describes as its subject."""
    if pattern.prep is None and is_passive(verb) and not _perfect(verb):
        done_to = children(verb, "nsubjpass") or _participle_subject(verb)
        return parties(with_appositions(agents(verb)), context), parties(done_to, context)
    objects = parties(_objects(verb, pattern), context)
    exclude = objects[0].ref.name if objects and objects[0].ref else None
    doers = _participle_subject(verb) or subject(verb) or _prefix_subject(verb)
    doers = _not_prefix(doers, verb) or _passive_subject(verb)
    doers = doers or _noun_owner(verb) or _apposed_to_object(verb)
    subjects = parties(with_appositions(doers), context, exclude)
    if subjects and subjects[0] in objects and subjects[0].ref is not None:
        # "X had joined its ranks": a pronoun in the object is not the subject itself
        objects = parties(_objects(verb, pattern), context, subjects[0].ref.name)
    return subjects, objects


def _perfect(verb: Token) -> bool:
    """A participle after "has" or "had" with no passive of its own ("X works with Y and has
    fought Z", the subject left to the clause it continues): active, not a bare participle."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        and not any(c.dep_ == "auxpass" for c in verb.children)
    )


def _prefix_subject(verb: Token) -> list[Token]:
    """ "X, who co-founded Y": the tokenizer splits "co-founded" and the parser hangs the
    subject on the prefix, so the verb takes the prefix's subject."""
    prefix = _hyphen_prefix(verb)
    return subject(prefix) if prefix is not None else []


def _hyphen_prefix(verb: Token) -> Token | None:
    """The prefix the tokenizer split off the verb ("co" of "co-founded"), if any."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "-":
        return None
    prefix = doc[verb.i - 2]
    return None if prefix.whitespace_ or doc[verb.i - 1].whitespace_ else prefix


def _not_prefix(doers: list[Token], verb: Token) -> list[Token]:
    """ "X co-founded Y" parsed with "co" as the subject and X as its compound: X."""
    prefix = _hyphen_prefix(verb)
    return [n for d in doers for n in (children(d, "compound") if d == prefix else [d])]


def _passive_subject(verb: Token) -> list[Token]:
    """ "X is closely linked to Y", "X was allied with Y": the passive subject relates."""
    return children(verb, "nsubjpass") if is_passive(verb) else []


def _apposed_to_object(verb: Token) -> list[Token]:
    """ "X, once allied with Z, later swore allegiance to Y" parsed as "allegiance" in
    apposition to X, "swore" its modifier: X swore it."""
    if not _modifies_object(verb) or verb.head.dep_ != "appos":
        return []
    return [verb.head.head]


def _noun_owner(verb: Token) -> list[Token]:
    """ "its decision to join X": the noun's possessor does what the infinitive says."""
    if verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return []
    return children(verb.head, "poss")


def _participle_subject(verb: Token) -> list[Token]:
    """The noun a participle describes, or the subject of the copula it is the object of: "a
    group affiliated with X", "the main rebel group fighting Y" (the group does it)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBG"):
        return []
    noun = verb.head
    if noun.dep_ == "attr":
        return children(noun.head, "nsubj")
    return [noun.head] if noun.dep_ == "appos" else [noun]


def _has_needed(verb: Token, pattern: VerbPattern) -> bool:
    if pattern.adverbs is not None and not _carries_adverb(verb, pattern.adverbs):
        return False
    if pattern.particle is not None:
        return any(c.lower_ == pattern.particle for c in children(verb, "prt"))
    if pattern.needs is None:
        return True
    return any(c.lemma_.lower() in pattern.needs for c in _direct_objects(verb))


def _direct_objects(verb: Token) -> list[Token]:
    """The verb's objects; "X, once allied with Z, later swore allegiance to Y" parsed with
    "swore" as a modifier of "allegiance": the noun it modifies."""
    return children(verb, "dobj") + ([verb.head] if _modifies_object(verb) else [])


def _modifies_object(verb: Token) -> bool:
    return verb.dep_ == "amod" and verb.head.pos_ == "NOUN" and not children(verb, *SUBJECT_DEPS)


def _carries_adverb(verb: Token, adverbs: frozenset[str]) -> bool:
    """Whether the verb, or the adverb it carries ("very closely"), is one of `adverbs`."""
    said = [a for c in children(verb, "advmod") for a in (c, *children(c, "advmod"))]
    return any(a.lower_ in adverbs for a in said)


def _noun_subjects(noun: Token) -> list[Token]:
    """Who the event noun is about: "of X", "X's", or the subject (agent) of the verb it is the
    object of ("X formed an alliance", "was announced by X", "found itself in an alliance")."""
    own = prep_objects(noun, "of", "by") + children(noun, "poss")
    if own:
        return own
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _pledge_of(noun.head.head):
        return _noun_subjects(noun.head.head)  # "his pledge of allegiance to Y": his
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "in", "into"):
        verb = noun.head.head  # "has been at war with Y": a copula's subject too
        if verb.pos_ not in VERB_POS:
            return []
    elif noun.dep_ not in PATIENT_OR_ATTRIBUTE_DEPS or verb.pos_ != "VERB":
        return []
    return agents(verb) if is_passive(verb) else subject(verb)


def _pledge_of(noun: Token) -> bool:
    """Whether the noun is a pledge that carries what is pledged ("pledge", "oath", "vow")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PLEDGE_NOUNS


def _led_by(noun: Token) -> list[Token]:
    """Who leads the unnamed parties of an event noun ("of six commanders, led by X"): they
    act under him, so he is a party of it."""
    found: list[Token] = []
    for word in (noun, *prep_objects(noun, "of")):
        for verb in children(word, "acl"):
            if lemma(verb) in LEADING_VERBS and is_passive(verb):
                found += agents(verb)
    return found


def _noun_objects(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The other party: "alliance with Y", or "provided support to Y" on the verb."""
    found = prep_objects(noun, *preps)
    if not found and noun.dep_ == "dobj":
        found = prep_objects(noun.head, *preps)
    return found


def _faces_other(noun: Token, context: SentenceContext) -> bool:
    """Whether the event noun names a party its subjects face together ("war on Z")."""
    return bool(parties(prep_objects(noun, *_FACING_PREPS), context))


def noun_relations_of_events(context: SentenceContext) -> list[Candidate]:
    """Relations stated by an event noun: "alliance between X and Y", "defection to Y of X"."""
    found: list[Candidate] = []
    for noun in context.sent:
        entry = noun_pattern(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if entry is None:
            continue
        rel, preps = entry
        pairs = parties(prep_objects(noun, "between", "of"), context)
        if len(pairs) >= 2 and rel in (R.ALLIANCE, R.RIVALRY) and named_body(noun, context):
            continue  # "X, an alliance of A and B": A and B are X's parts (group_ties)
        if len(pairs) >= 2 and rel in (R.ALLIANCE, R.RIVALRY):
            found.append(Candidate(rel, pairs[0], pairs[1], noun.i, dated=True))
            continue
        objects = parties(_noun_objects(noun, preps), context)
        exclude = objects[0].ref.name if objects and objects[0].ref else None
        subjects = parties(_noun_subjects(noun), context, exclude)
        if not objects and len(subjects) >= 2 and rel.symmetric and not _faces_other(noun, context):
            # "X and Y formed an alliance", not "X and Y declared war on Z"
            found.append(Candidate(rel, subjects[0], subjects[1], noun.i, dated=True))
            continue
        if not subjects:  # "the defection to Y of six commanders, led by X"
            subjects = parties(with_appositions(_led_by(noun)), context, exclude)
            named = [t for t in _noun_objects(noun, preps) if context.mention_at(t)]
            objects = parties(named, context)  # not "of the group they left"
        found += [Candidate(rel, s, o, noun.i, dated=True)
                  for s in subjects for o in objects if s != o]  # fmt: skip
        if noun.lemma_.lower() == "defection":
            splits = parties(prep_objects(noun, "from"), context)
            found += [Candidate(R.SPLIT_FROM, s, o, noun.i, dated=True)
                      for s in subjects for o in splits if s != o]  # fmt: skip
    return found


def named_body(noun: Token, context: SentenceContext) -> EntityMention | None:
    """The group a noun says a name is: the name it is in apposition to ("X, an alliance of
    A and B"), or the subject of its copula ("X is an alliance of A and B")."""
    if noun.dep_ == "appos":
        holders = [noun.head]
    elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
        holders = subject(noun.head)
    else:
        return None
    named = [m for m in parties(with_appositions(holders), context) if m.role is Role.GROUP]
    return named[0] if named and named[0].ref is not None else None
