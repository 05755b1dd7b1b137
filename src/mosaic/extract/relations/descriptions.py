"""Groups described before they are named: "a breakaway faction of X ... The faction, which
calls itself Y", "a new cell ... the cell would be called Y", "his faction ... said it would
be known as Y", "a splinter group announced that it had formed a new outfit, Y".

A description is a group noun that names no group (`relations.group_heads`: "faction",
"cell", "group") introduced as new: with "a", a word of newness or breaking away ("the new
faction", "a breakaway group") or a person's possessive ("his faction"). A naming later in
the text (a verb of naming whose subject is the description, "the faction", "the cell",
"which" or "it" standing for it, and whose complement is a group's name; or a verb of
founding whose object is that name) says which group it is. The relation rules then read
the description as a mention of that group, so a role in it is a role in the named group
("named chief of a new cell", "elected Z as its leader", "his faction") and not in the
group it broke away from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import SentenceContext, by_sentence
from mosaic.extract.text.syntax import SUBJECT_DEPS, antecedent, children

DESCRIBED_HEADS = lexicon.words("relations.described_heads")
NEWNESS_WORDS = lexicon.words("relations.newness_words")
"""Modifiers that introduce a group as not yet known ("a new cell", "a breakaway faction")."""
SPLIT_WORDS = lexicon.words("relations.split_words")
NAMING_VERBS = lexicon.words("relations.naming_verbs")
FOUNDING = lexicon.words("relations.founding")
_SELF = frozenset({"itself", "themselves"})
_REFERRING = frozenset({"it", "which", "that"})
_REACH = 2
"""How many sentences after its description a naming may come."""


def with_described_groups(contexts: Sequence[SentenceContext]) -> list[SentenceContext]:
    """The contexts, their mentions joined by the descriptions of groups named later (each a
    mention of the named group); the same contexts where the text names none."""
    if not contexts:
        return []
    doc = contexts[0].doc
    added = _described(doc, contexts[0].doc_mentions)
    if not added:
        return list(contexts)
    every = tuple(sorted((*contexts[0].doc_mentions, *added), key=lambda m: m.start))
    starts = [c.sent.start for c in contexts]
    inside = by_sentence(every, starts)
    return [
        replace(c, mentions=m, doc_mentions=every) for c, m in zip(contexts, inside, strict=True)
    ]


def _described(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """A mention of the named group for each description, and for each definite noun ("the
    faction") standing for it in a naming."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    heads = [doc[i] for i in _with_lemma(doc, DESCRIBED_HEADS) if i not in covered]
    descriptions = [t for t in heads if _description(t)]
    if not descriptions:
        return []
    found: dict[int, EntityMention] = {}
    for verb in (doc[i] for i in _with_lemma(doc, NAMING_VERBS | FOUNDING)):
        named = _naming(verb, mentions)
        if named is None:
            continue
        subject, group = named
        description = _described_by(subject, descriptions)
        if description is None or description.i > group.start:
            continue
        for token in (description, subject):
            if token.i not in covered and token.pos_ == "NOUN":
                found.setdefault(token.i, _as_mention(token, group))
    return list(found.values())


def _with_lemma(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lemma is one of the words, found through the doc's array of lemmas
    (a report has few: most words are tested no further)."""
    keys = [doc.vocab.strings[word] for word in words]
    return [int(i) for i in numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), keys))]


def _description(token: Token) -> bool:
    """A group noun introduced as new: "a faction", "the new cell", "his faction"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in DESCRIBED_HEADS:
        return False
    if children(token, "poss"):  # "his faction", "Sajna's group"
        return True
    words = {c.lower_ for c in token.children}
    return bool(words & ({"a", "an"} | NEWNESS_WORDS | SPLIT_WORDS))


def _naming(verb: Token, mentions: Sequence[EntityMention]) -> tuple[Token, EntityMention] | None:
    """The subject a naming gives a group's name to, and that name: "X calls itself Y",
    "X would be called / known as Y", "a faction calling itself Y", "X formed a group, Y"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in NAMING_VERBS | FOUNDING:
        return None
    subjects = children(verb, *SUBJECT_DEPS)
    if not subjects and verb.dep_ == "acl":  # "a faction calling itself Y"
        subjects = [verb.head]
    if not subjects:
        return None
    if lemma in FOUNDING:
        complements = [t for o in children(verb, "dobj") for t in (o, *children(o, "appos"))]
    elif any(c.lower_ in _SELF for c in children(verb, "dobj")) or _passive(verb):
        complements = children(verb, "oprd", "attr", "xcomp", "dobj")
        complements += [p for a in children(verb, "prep") if a.lower_ == "as"
                        for p in children(a, "pobj")]  # fmt: skip
    else:
        return None
    for token in complements:
        group = _group_at(token, mentions)
        if group is not None:
            return antecedent(subjects[0]), group
    return None


def called(noun: Token) -> list[Token]:
    """The name a naming participle gives a common noun: "an Islamic charity called Y", "a
    militant group known as Y", "a new outfit named Y" -> Y."""
    if noun.pos_ != "NOUN":
        return []
    found: list[Token] = []
    for verb in children(noun, "acl"):
        if verb.lemma_.lower() in NAMING_VERBS and verb.tag_ == "VBN":
            found += children(verb, "oprd", "attr", "xcomp", "dobj")
            found += [p for a in children(verb, "prep") if a.lower_ == "as"
                      for p in children(a, "pobj")]  # fmt: skip
    return [t for t in found if t.pos_ == "PROPN"]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _group_at(token: Token, mentions: Sequence[EntityMention]) -> EntityMention | None:
    for mention in mentions:
        if mention.start <= token.i < mention.end and mention.role is Role.GROUP:
            return mention if mention.ref is not None else None
    return None


def _described_by(subject: Token, descriptions: Sequence[Token]) -> Token | None:
    """The description the naming's subject is or stands for: itself, or, for "it", "which"
    or "the faction", the last description before it within reach."""
    if subject in descriptions:
        return subject
    referring = subject.lower_ in _REFERRING or (
        subject.lemma_.lower() in DESCRIBED_HEADS
        and any(c.lower_ == "the" for c in subject.children)
    )
    if not referring:
        return None
    sents = list(subject.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= subject.i < s.end)
    first = sents[max(0, here - _REACH)].start
    earlier = [d for d in descriptions if first <= d.i < subject.i]
    return earlier[-1] if earlier else None


def _as_mention(token: Token, group: EntityMention) -> EntityMention:
    return EntityMention(
        start=token.i, end=token.i + 1, start_char=token.idx,
        end_char=token.idx + len(token.text), text=token.text, label=group.label,
        role=Role.GROUP, ref=group.ref, country=group.country,
    )  # fmt: skip
