"""Whom a possessive in a relation stands for: "its leader", "their founder", "X's deputy".

"its" and "their" stand for the group that is the subject of their own clause
("X, founded in 2004, pledged allegiance to Y under its leader Z": X, not Y);
else for the last group named before them in the sentence that is not tucked
inside another party's description: in "Y, a former commander in the TTP, as
its emir" the TTP describes Y and is not what "its" refers to. A person
standing where a group should ("Omar's deputy", "bin Laden's successor") stands
for the group the report says he leads.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import SUBGROUP_WORDS
from mosaic.extract.text.sentences import SentenceContext, group_before, stands_for_group
from mosaic.extract.text.syntax import (
    ARGUMENT_OR_ROOT_DEPS,
    NAME_JOINING_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
)
from mosaic.model import Evidence

_PARTIES = (Role.GROUP, Role.PERSON, Role.STATE, Role.COUNTRY)


def embedded(mention: EntityMention, context: SentenceContext) -> bool:
    """Whether the mention sits in another party's noun phrase ("X, a commander in the TTP")
    rather than standing as a party of the clause itself."""
    root = context.doc[mention.start : mention.end].root
    for token in root.ancestors:
        if token.pos_ in VERB_POS:
            return False
        other = context.mention_at(token)
        if other is not None and other.role in _PARTIES and _name(other) != _name(mention):
            return True
    return False


def group_antecedent(
    token: Token, context: SentenceContext, exclude: str | None = None
) -> EntityMention | None:
    """The group "its" or "their" at `token` stands for (`exclude` names the other side)."""
    own = _clause_subject(token, context, exclude)
    if own is not None:
        return own
    named = [
        m for m in context.mentions
        if m.end <= token.i and m.role is Role.GROUP and m.ref is not None
        and m.ref.name != exclude and not embedded(m, context)
    ]  # fmt: skip
    if named:
        return named[-1]
    return group_before(context, context.sent.start, exclude)


def _clause_subject(
    token: Token, context: SentenceContext, exclude: str | None
) -> EntityMention | None:
    """The group that is the subject of the clause "its" stands in, named before it ("X
    pledged allegiance to Y under its leader Z", "The group ... named Z as its leader"); none
    where the possessed noun is joined to another party ("Y and its leader")."""
    verb = None
    for above in token.ancestors:
        if above.pos_ in VERB_POS:
            verb = above
            break
        if above.dep_ == "conj" or any(c.dep_ == "conj" for c in above.children):
            return None
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or subjects[0].i >= token.i:
        return None
    mention = context.mention_at(subjects[0])
    if mention is None:
        if not stands_for_group(subjects[0]):
            return None
        mention = group_before(context, subjects[0].i, exclude)
        other = _related_group(verb, subjects[0], mention, context)
        if other is not None:
            mention = group_before(context, subjects[0].i, other)
    if mention is None or mention.role is not Role.GROUP or mention.ref is None:
        return None
    return None if mention.ref.name == exclude else mention


def _related_group(
    verb: Token, doer: Token, found: EntityMention | None, context: SentenceContext
) -> str | None:
    """The name of the group `found` where the clause also names it past its subject: "the
    group" that "pledged allegiance to the Islamic State" is not the Islamic State."""
    if found is None or found.ref is None:
        return None
    own = {t.i for t in doer.subtree}
    named = [
        m for m in context.mentions
        if m.ref == found.ref and m.start not in own and verb.left_edge.i <= m.start
        and m.start <= verb.right_edge.i
    ]  # fmt: skip
    return found.ref.name if named else None


def _name(mention: EntityMention) -> str:
    return mention.ref.name if mention.ref else mention.text


def sentence_context(sent: Span, context: SentenceContext) -> SentenceContext:
    """A bare context for another sentence of the same document (no dates, no speaker)."""
    inside = tuple(m for m in context.doc_mentions if sent.start <= m.start < sent.end)
    evidence = Evidence(sent.start_char, sent.end_char, sent.text)
    return SentenceContext(
        sent, inside, (), evidence, None, context.doc_mentions, full_text=context.full_text
    )


def full_person(mention: EntityMention, context: SentenceContext) -> EntityMention:
    """A bare surname the gazetteer does not know ("Khan") stands for the last person named
    before in full whose name has it after the first word ("Hafiz Saeed Khan"); a given name
    alone ("Abdullah") is too common to tell."""
    if mention.role is not Role.PERSON or mention.ref is None or mention.ref.key is not None:
        return mention
    word = mention.ref.name
    if " " in word:
        return mention
    fuller = [
        m for m in context.doc_mentions
        if m.role is Role.PERSON and m.ref is not None and m.end <= mention.start
        and word in m.ref.name.split()[1:]
    ]  # fmt: skip
    return fuller[-1] if fuller else mention


def is_subgroup_reference(token: Token) -> bool:
    """ "the affiliate", "the branch": a definite subgroup word naming no group of its own."""
    return token.lemma_.lower() in SUBGROUP_WORDS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    )


def subgroup_antecedent(
    token: Token, context: SentenceContext, exclude: str | None = None
) -> EntityMention | None:
    """The group "the affiliate" stands for: the last group before it that a clause is about
    (its subject or object), not one named in passing inside a noun phrase ("commanders of
    the TTP")."""
    for mention in reversed(context.doc_mentions):
        if mention.end > token.i or mention.role is not Role.GROUP or mention.ref is None:
            continue
        if mention.ref.name != exclude and _prominent(context.doc[mention.start : mention.end]):
            return mention
    return None


def _prominent(span: Span) -> bool:
    root = span.root
    while root.dep_ in NAME_JOINING_DEPS and root.head != root:
        root = root.head
    if root.dep_ in ARGUMENT_OR_ROOT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.head.pos_ in VERB_POS


def person_antecedent(
    token: Token, context: SentenceContext, exclude: EntityMention
) -> EntityMention | None:
    """The person "he" or "him" stands for when it cannot be `exclude` ("Y succeeded him")."""
    people = [
        m for m in context.doc_mentions
        if m.role is Role.PERSON and m.ref is not None and m.end <= token.i
        and m.ref != exclude.ref
    ]  # fmt: skip
    return people[-1] if people else None
