"""Which group or person a word in a relation stands for.

Besides names, relations are stated through words that stand for a party:
"the militant group Tehrik-e Taliban Pakistan" (a group noun with its name),
"the ranks of IS" and "its leadership" (a collective standing for its group),
"it", "its" and "the group" (the last group named before; "the two groups" are
several, never one), "he" and "his" (the last person named before), and "the
leader" as a subject with no owner or name of its own ("the 34-year-old leader had
taken over the group"), who is the last person named before too. Relative pronouns
stand for their noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import TELLING_VERBS, last_person_before
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import SentenceContext, group_before
from mosaic.extract.text.syntax import (
    COMPLEMENT_DEPS,
    PLURAL_NOUN_TAGS,
    SINGULAR_NOUN_TAGS,
    SUBJECT_DEPS,
    TITLE_DEPS,
    antecedent,
    children,
    prep_objects,
    subject,
)

GROUP_WORDS = lexicon.words("entities.group_words")  # fmt: skip
SUBGROUP_WORDS = lexicon.words("entities.branch_nouns")
GROUP_HEADS = GROUP_WORDS | SUBGROUP_WORDS
"""Every noun for a group or a part of one: "the wing", "the chapter" stand for a group too."""
COLLECTIVES = lexicon.words("entities.collectives")  # fmt: skip
NAMING_HEADS = lexicon.words("entities.naming_heads")
"""Group words distinct enough that "the <word>" is the group named or described so."""
GROUP_POSSESSIVES = lexicon.words("entities.group_possessives")
GROUP_PRONOUNS = GROUP_POSSESSIVES | lexicon.words("entities.group_pronouns")
PERSON_PRONOUNS = lexicon.words("entities.person_pronouns")
PARTY_ROLES = frozenset({Role.GROUP, Role.PERSON, Role.STATE, Role.COUNTRY})
LEADER_NOUNS = lexicon.words("relations.leader_nouns")
SUCCESSION_NOUNS = lexicon.words("relations.succession_nouns")
NEWNESS_WORDS = lexicon.words("relations.newness_words")
_OWNING_DEPS = ("appos", "compound", "nmod", "poss", "prep")
ARMED_FORCES = lexicon.words("entities.armed_forces")
_ONE_PRONOUNS = frozenset({"it", "itself"})
"""Group pronouns for one speaker ("the army said it"), not several ("troops said they")."""


def party(
    token: Token, context: SentenceContext, exclude: str | None = None, depth: int = 0
) -> EntityMention | None:
    """The group, person or state the token stands for, if the text makes it clear;
    a pronoun never stands for the party named `exclude` (the relation's other side)."""
    token = antecedent(token)
    mention = context.mention_at(token)
    if mention is not None:
        return mention if mention.role in PARTY_ROLES and mention.ref is not None else None
    if depth > 2:
        return None
    if token.dep_ == "appos" and token.pos_ == "NOUN":  # "X, a TTP commander who ...": X
        described = party(token.head, context, exclude, depth + 1)
        if described is not None:
            return described
    if token.dep_ == "attr":  # "X was a militant who ...": the militant is X
        subjects = subject(token.head)
        return party(subjects[0], context, exclude, depth + 1) if subjects else None
    lemma = token.lemma_.lower()
    if _the_leader(token, lemma):  # "the 34-year-old leader had taken over the group"
        return _pronoun(token, "he", context, exclude)
    if lemma in COLLECTIVES or lemma in GROUP_HEADS:
        return _group_word(token, lemma, context, exclude, depth)
    if token.pos_ == "NOUN":  # "its rival, the Islamic State in Somalia, is led by ..."
        named = [
            m for a in children(token, "appos")
            if (m := party(a, context, exclude, depth + 1))
        ]  # fmt: skip
        if named:
            return named[0]
    return _pronoun(token, token.lower_, context, exclude)


def _the_leader(token: Token, lemma: str) -> bool:
    """ "The leader" as a clause's subject, with no owner, name or "new" of its own: the
    leader the report has just named ("the new leader", "the successor" are someone else)."""
    if lemma not in LEADER_NOUNS - SUCCESSION_NOUNS or token.dep_ not in SUBJECT_DEPS:
        return False
    if token.tag_ != "NN":  # "the leaders": several
        return False
    words = {c.lower_ for c in token.children}
    owned = any(c.dep_ in _OWNING_DEPS for c in token.children)
    return "the" in words and not owned and not words & NEWNESS_WORDS


def _group_word(
    token: Token, lemma: str, context: SentenceContext, exclude: str | None, depth: int
) -> EntityMention | None:
    """ "the militant group ISKP", "the ranks of IS", "its leadership", "the group"."""
    # The group's own name before its owner: "his own armed group, the TMVP" is the TMVP
    named = children(token, "appos", "compound")
    inner = named + prep_objects(token, "of") + children(token, "poss")
    if token.dep_ in TITLE_DEPS and lemma in GROUP_WORDS:
        inner.append(token.head)  # "the militant group ISKP"
    for word in inner:
        found = party(word, context, exclude, depth + 1)
        if found is not None and (word.dep_ != "appos" or found.role is not Role.PERSON):
            return found  # not "the group, X" where X is a person the parser hung there
    if lemma not in GROUP_HEADS or not any(c.lower_ == "the" for c in token.children):
        return None
    if token.tag_ == "NNS":
        return None  # "the two groups", "the groups": several, never the one named last
    if any(w.pos_ == "NOUN" for w in prep_objects(token, "of")):
        return None  # "joined the group of people who ...": a gathering it describes
    named = [w for w in children(token, *TITLE_DEPS) if w.pos_ == "PROPN"]
    if any(_not_a_person(w, context) for w in named):
        return None  # "the party Pakistan People's Party": named, and not a group we know
    same = _called_so(token, lemma, context, exclude) if lemma in NAMING_HEADS else None
    if same is not None:
        return same
    if lemma in SUBGROUP_WORDS:  # "the affiliate": the one just talked about
        return group_before(context, token.i, exclude, nearest=True)
    return _pronoun(token, "its", context, exclude)


def _not_a_person(word: Token, context: SentenceContext) -> bool:
    mention = context.mention_at(word)
    return mention is None or mention.role is not Role.PERSON


def _called_so(
    token: Token, lemma: str, context: SentenceContext, exclude: str | None
) -> EntityMention | None:
    """ "the movement", "the network": the last group before whose name ends in that word
    or that was described by it ("JAD, an Indonesian network")."""
    for mention in reversed(context.doc_mentions):
        if mention.end > token.i or mention.role is not Role.GROUP or mention.ref is None:
            continue
        if mention.ref.name == exclude:
            continue
        words = {w.lemma_.lower() for w in context.doc[mention.start : mention.end]}
        root = context.doc[mention.start : mention.end].root
        described = {c.lemma_.lower() for c in root.children if c.dep_ == "appos"}
        if lemma in words | described:
            return mention
    return None


def _pronoun(
    token: Token, word: str, context: SentenceContext, exclude: str | None
) -> EntityMention | None:
    if word in GROUP_PRONOUNS:
        if force_speaking(token):
            return None
        return group_before(context, token.i, exclude)
    if word in PERSON_PRONOUNS:
        return _person(last_person_before(context.doc_mentions, token.i), context)
    return None


def force_speaking(token: Token) -> bool:
    """ "The army said it had killed seven militants", "troops said they had raided a
    base": the subject of what a state's armed force tells stands for that force, which
    names no group, not for the last group named before."""
    word = token.lower_
    if word not in GROUP_PRONOUNS or token.dep_ not in SUBJECT_DEPS:
        return False
    if token.head.dep_ not in COMPLEMENT_DEPS:
        return False
    verb = token.head.head
    if verb.lemma_.lower() not in TELLING_VERBS:
        return False
    tags = SINGULAR_NOUN_TAGS if word in _ONE_PRONOUNS else PLURAL_NOUN_TAGS
    return any(
        c.dep_ == "nsubj" and c.tag_ in tags and {c.lower_, c.lemma_.lower()} & ARMED_FORCES
        for c in verb.children
    )  # fmt: skip


def _person(name: str | None, context: SentenceContext) -> EntityMention | None:
    for mention in reversed(context.doc_mentions):
        if mention.role is Role.PERSON and mention.ref is not None and mention.ref.name == name:
            return mention
    return None


def parties(
    tokens: list[Token], context: SentenceContext, exclude: str | None = None
) -> list[EntityMention]:
    """The distinct parties the tokens stand for, in order."""
    found = [party(t, context, exclude) for t in tokens]
    return list(dict.fromkeys(m for m in found if m is not None))
