"""Relations that pass through a person: "bin Laden's successor, Y", "Omar's deputy, Y",
"Y succeeded X", "X was succeeded by Y".

A person standing where a group should stands for the groups the report says
he leads ("X, the emir of G", "G chief X", "X founded G"), looked up once per
document over all its sentences. A successor leads what his predecessor led;
a deputy or aide belongs to it. The predecessor held the office until then ("Y
succeeded X as leader of G in 2013": X led G until 2013). Allegiance to a
leader is left as it is (a faction swearing to another group's leader, "to
Mullah Omar", is not said to join that group) unless his title names the
group where the allegiance is sworn ("to Islamic State leader X"). Taking an office
after a person's death ("took over after the death of X", "took charge after X was
killed") makes him its holder until then, and a predecessor whose own office the report
does not name held the one his successor is said to lead ("Y, who replaced X": X led Y's
group until then).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import GROUP_WORDS, parties
from mosaic.extract.relations.deaths import DYING_VERBS, KILLING_VERBS
from mosaic.extract.relations.nouns import (
    LEADER_NOUNS,
    SUCCEED_VERBS,
    Candidate,
    noun_kind,
    noun_relations,
    owner_tokens,
    owners,
    relation_type,
    takes_office,
)
from mosaic.extract.relations.refs import person_antecedent, sentence_context
from mosaic.extract.relations.verbs import verb_relations, with_appositions
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
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
_THROUGH = (R.LEADER_OF, R.MEMBER_OF)
_CACHE = "mosaic_relation_leaders"
POSSESSIVE_WORDS = lexicon.words("entities.possessive")
DEATH_NOUNS = lexicon.words("relations.death_nouns")
_DEATHS = KILLING_VERBS | DYING_VERBS
_TITLE_SPAN = 3
"""At most this many words between a group and its leader's name in his title ("'s leader ,")."""


def person_key(mention: EntityMention) -> str:
    return (mention.ref.key or mention.ref.name.casefold()) if mention.ref else mention.text


def leadership(context: SentenceContext) -> dict[str, list[EntityMention]]:
    """Person key -> the groups the document says he leads (computed once per Doc)."""
    doc: Doc = context.doc
    cached = doc.user_data.get(_CACHE)
    if isinstance(cached, dict):
        return cached
    led: dict[str, list[EntityMention]] = {}
    for sent in doc.sents:
        other = sentence_context(sent, context)
        for candidate in [*noun_relations(other), *verb_relations(other)]:
            if candidate.type is R.LEADER_OF and candidate.object.role is Role.GROUP:
                groups = led.setdefault(person_key(candidate.subject), [])
                groups += [] if candidate.object in groups else [candidate.object]
    doc.user_data[_CACHE] = led
    return led


def through_leaders(candidates: list[Candidate], context: SentenceContext) -> list[Candidate]:
    """Each candidate whose object is a person who leads groups, with those groups as well;
    an allegiance only to the group his title names where it is sworn ("pledged allegiance
    to Islamic State leader X": to the Islamic State as well)."""
    candidates = [_leaders_own(c, context) for c in candidates]
    found = list(candidates) + _predecessors_offices(candidates, context)
    for candidate in candidates:
        if candidate.object.role is not Role.PERSON:
            continue
        for group in leadership(context).get(person_key(candidate.object), []):
            titled = candidate.type is R.ALLEGIANCE and _titled_by(group, candidate.object, context)
            if (candidate.type in _THROUGH or titled) and group != candidate.subject:
                found.append(replace(candidate, object=group))
    return found


def _leaders_own(candidate: Candidate, context: SentenceContext) -> Candidate:
    """ "P has led the group's fight against Y": "the group's" before the relation's noun, in
    a clause whose subject is a person who leads one group, is that group, whatever group
    was named last ("P declared G's loyalty to Z's command and led the group's fight": G)."""
    noun = context.doc[candidate.anchor]
    owned = any(
        p.lemma_.lower() in GROUP_WORDS and any(d.lower_ == "the" for d in p.children)
        for p in children(noun, "poss")
    )
    verb = noun.head
    if not owned or candidate.subject.role is not Role.GROUP or verb.pos_ not in VERB_POS:
        return candidate
    people = [p for p in parties(subject(verb), context) if p.role is Role.PERSON]
    led = list(dict.fromkeys(g for p in people for g in leadership(context).get(person_key(p), [])))
    if len(led) != 1 or led[0] in (candidate.subject, candidate.object):
        return candidate
    return replace(candidate, subject=led[0])


def _predecessors_offices(candidates: list[Candidate], context: SentenceContext) -> list[Candidate]:
    """ "G is led by X's successor, Y": where the report names no office of X's, X led what Y
    leads, until Y took it over."""
    led = leadership(context)
    return [
        Candidate(R.LEADER_OF, c.object, group, c.anchor, dated=c.dated, ending=True)
        for c in candidates
        if c.type is R.LEADER_OF and c.subject.role is c.object.role is Role.PERSON
        and not led.get(person_key(c.object))
        for group in led.get(person_key(c.subject), [])
    ]  # fmt: skip


def _titled_by(group: EntityMention, person: EntityMention, context: SentenceContext) -> bool:
    """Whether the group is named in the person's title just before his name ("Islamic State
    leader X", "the group's emir, X")."""
    between = context.doc[group.end : person.start]
    return 0 < len(between) <= _TITLE_SPAN and all(
        t.is_punct or t.lower_ in POSSESSIVE_WORDS or t.lemma_.lower() in LEADER_NOUNS
        for t in between
    )


def succession_relations(context: SentenceContext) -> list[Candidate]:
    """ "Y succeeded X", "X was succeeded by Y": Y leads what X led."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ != "VERB" or lemma(verb) not in SUCCEED_VERBS:
            continue
        successors, predecessors = _succession_sides(verb)
        olds: list[EntityMention] = []
        for new in parties(with_appositions(successors), context):
            for old in _predecessors(predecessors, new, context):
                if new.role is Role.PERSON and old.role is Role.PERSON and new != old:
                    found.append(Candidate(R.LEADER_OF, new, old, verb.i, dated=True))
                    olds += [old]
        olds += [p for p in parties(predecessors, context) if p.role is Role.PERSON]
        news = [p for p in parties(with_appositions(successors), context) if p.role is Role.PERSON]
        found += _offices_left(verb, list(dict.fromkeys(olds)), context, news)
    return found + _offices_after_deaths(context)


def _offices_after_deaths(context: SentenceContext) -> list[Candidate]:
    """ "Y took over after the death of X", "Y took charge after X was killed": X led what Y
    took over (the groups the report says Y leads) until then, and Y leads it from then."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ != "VERB" or not takes_office(verb) or lemma(verb) in SUCCEED_VERBS:
            continue
        olds = [p for p in _dead_before(verb, context) if p.role is Role.PERSON]
        news = [p for p in parties(subject(verb), context) if p.role is Role.PERSON]
        for new in news if olds else []:
            for group in leadership(context).get(person_key(new), []):
                found.append(Candidate(R.LEADER_OF, new, group, verb.i, dated=True))
                found += [Candidate(R.LEADER_OF, old, group, verb.i, dated=True, ending=True)
                          for old in olds if old != new]  # fmt: skip
    return found


def _dead_before(verb: Token, context: SentenceContext) -> list[EntityMention]:
    """Whose death "after" names on the verb: "after the death of X", "after X was killed"."""
    after = [c for c in verb.children if c.lower_ == "after" and c.dep_ == "prep"]
    nouns = [o for a in after for o in children(a, "pobj") if o.lemma_.lower() in DEATH_NOUNS]
    dead = [p for n in nouns for p in prep_objects(n, "of")]
    dead += [p for n in nouns for p in children(n, "poss")]
    clauses = [c for c in children(verb, "advcl") if lemma(c) in _DEATHS]
    dead += [s for c in clauses if _marked_after(c) for s in children(c, "nsubjpass", "nsubj")]
    return parties(with_appositions(dead), context)


def _marked_after(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children)


def _offices_left(
    verb: Token,
    olds: list[EntityMention],
    context: SentenceContext,
    news: list[EntityMention] = (),  # type: ignore[assignment]
) -> list[Candidate]:
    """What a predecessor held until he was succeeded: the office "as" names ("succeeded X
    as leader of G"), else the groups the report says he leads, else those it says his
    successor leads ("Y, who replaced X": Y's group)."""
    found: list[Candidate] = []
    for office in prep_objects(verb, "as"):
        kind = noun_kind(office, context)
        for old in olds if kind is not None else []:
            rel = relation_type(kind, old) if kind is not None else None
            if rel is None:
                continue
            name = old.ref.name if old.ref else None
            for group in owners(owner_tokens(office), context, name):
                found.append(Candidate(rel, old, group, verb.i, dated=True, ending=True))
    if found:
        return found
    led = leadership(context)
    return [
        Candidate(R.LEADER_OF, old, group, verb.i, dated=True, ending=True)
        for old in olds
        for group in led.get(person_key(old), []) or _successors_groups(news, old, led)
    ]


def _successors_groups(
    news: list[EntityMention], old: EntityMention, led: dict[str, list[EntityMention]]
) -> list[EntityMention]:
    return [g for new in news if new != old for g in led.get(person_key(new), [])]


def _predecessors(
    tokens: list[Token], successor: EntityMention, context: SentenceContext
) -> list[EntityMention]:
    found: list[EntityMention] = []
    for token in tokens:
        if token.lower_ in ("him", "he"):
            person = person_antecedent(token, context, successor)
            found += [person] if person is not None else []
        else:
            found += parties([token], context)
    return found


def _succession_sides(verb: Token) -> tuple[list[Token], list[Token]]:
    if is_passive(verb):
        return agents(verb), children(verb, "nsubjpass")
    return subject(verb), children(verb, "dobj")
