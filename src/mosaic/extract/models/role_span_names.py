"""What a role span names: the entities, or the words, an event's slot takes from it.

The role tagger (`role_spans`) finds spans and `attach_roles` gives them to events; this
module reads one span: the gazetteer record of the group or person it names, else its own
words, trimmed of loose punctuation and dangling words (`span_refs`, `span_words`); a
target or victim span that coordinates several things, cut into one span each
(`coordinated`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.entities.parent_names import names_a_parent
from mosaic.extract.models.attacker_names import names_no_attacker
from mosaic.extract.text.surface import as_written
from mosaic.extract.text.syntax import PREPOSITION_POS
from mosaic.extract.text.words import ARTICLES
from mosaic.model import EntityKind, EntityRef

SPAN_KINDS = {
    "PERP_IND": EntityKind.OTHER,
    "PERP_ORG": EntityKind.ORGANIZATION,
    "TARGET": EntityKind.OTHER,
    "VICTIM": EntityKind.PERSON,
}
"""The kind of an entity named by a span that no gazetteer record or NER entity covers."""

ATTACKERS = frozenset({"PERP_IND", "PERP_ORG"})
"""The tagger's labels of those who attacked."""

_DANGLING = ARTICLES | lexicon.words("models.dangling")
"""Words a noun phrase does not end with: left over where the tagger's span runs on."""


def span_refs(span: Span, mentions: Sequence[EntityMention]) -> list[EntityRef]:
    """The entities a role span names, the one it is about first.

    A linked mention that holds the span's head names it: the gazetteer's record when there
    is one, else the span's words, which the tagger often reads fuller than the NER ("Jose
    Antonio Ruiz Prado" where the NER found "Antonio Ruiz"). A span whose head lies outside
    the mention describes something of that entity ("members of the Front", "the mayor's
    house"): the span's words, and for attackers the linked group or person too. An attacker
    span that names no one who acts (a place, a person tagged as a group, a clause) names no
    one (`attacker_names`).
    """
    words = _trimmed(span)
    if span.label_ == "VICTIM":
        words = _name_only(words, mentions)
    attacker = span.label_ in ATTACKERS
    if attacker and names_no_attacker(words, span.label_ == "PERP_ORG", mentions):
        return []
    own = EntityRef(name=as_written(span_words(words)), kind=SPAN_KINDS[span.label_])
    inside = [m for m in mentions if words.start <= m.start and m.end <= words.end]
    parents = [m for m in inside if names_a_parent(m, mentions, span.doc)]
    if span.label_ in ATTACKERS and any(m.start <= words.root.i < m.end for m in parents):
        return []  # "the Pakistani Taliban splinter group X": X's parent is no attacker
    for mention in (m for m in inside if m not in parents):
        ref = mention.ref
        if ref is None or ref.kind is EntityKind.PLACE:
            continue
        if not mention.start <= words.root.i < mention.end:
            return [own, ref] if attacker else [own]
        return [ref if ref.key is not None else _new_entity(own, ref)]
    return [own]


def coordinated(span: Span, mentions: Sequence[EntityMention]) -> list[Span]:
    """The target or victim span cut into the things it coordinates, each with the span's label.

    The tagger often runs one span over a coordination ("pylons and transformers", "the
    building and facilities"), but each conjunct is a target of its own, and one entity
    named by them all is none of them. The span is cut at the conjunctions and commas that
    join its head to its conjuncts; a victim span is also cut where such a word stands
    between two persons' names ("A of Milan and B of Rome", which the parser attaches to
    "Milan"). A word inside a name ("the Ministry of Justice and Peace") cuts nothing.
    """
    words = _trimmed(span)
    inside = [m for m in mentions if words.start <= m.start and m.end <= words.end]
    cuts = [t.i for t in words if _joins(t, words) and not _in_name(t, inside)]
    if span.label_ == "VICTIM" and not cuts:
        persons = [m for m in inside if m.ref is not None and m.ref.kind is EntityKind.PERSON]
        cuts = [t.i for t in words if _is_joint(t) and _between(t, persons)]
    bounds = [words.start - 1, *cuts, words.end]
    pieces = [_trimmed(span.doc[a + 1 : b]) for a, b in pairwise(bounds) if b > a + 1]
    return [Span(span.doc, p.start, p.end, label=span.label_) for p in pieces] if cuts else [span]


def _joins(token: Token, words: Span) -> bool:
    """Whether the token joins the span's head to one of its conjuncts."""
    heads = {words.root.i} | {t.i for t in words.root.conjuncts if words.start <= t.i < words.end}
    return len(heads) > 1 and _is_joint(token) and token.head.i in heads


def _is_joint(token: Token) -> bool:
    return token.pos_ == "CCONJ" or token.text == ","


def _in_name(token: Token, mentions: Sequence[EntityMention]) -> bool:
    return any(m.start <= token.i < m.end for m in mentions)


def _between(token: Token, persons: Sequence[EntityMention]) -> bool:
    before = any(m.end <= token.i for m in persons)
    return before and any(token.i < m.start for m in persons)


def _name_only(words: Span, mentions: Sequence[EntityMention]) -> Span:
    """A victim's words ending with the person's name that holds their head, without the
    phrase after it that says where the person is from ("Ana Soto of Leeds"): the phrase
    describes the victim, it is not part of the name."""
    for m in mentions:
        ref, doc = m.ref, words.doc
        person = ref is not None and ref.kind is EntityKind.PERSON
        if person and m.start <= words.root.i < m.end < words.end:
            after = doc[m.end]
            if after.pos_ in PREPOSITION_POS and m.start <= after.head.i < m.end:
                return doc[words.start : m.end]
    return words


def _new_entity(own: EntityRef, ref: EntityRef) -> EntityRef:
    """An entity the gazetteer lacks, named by the span's words and known by every name the
    report gave it too ("Zafar Front" and its initials)."""
    aliases = tuple(name for name in ref.names if name != own.name)
    return replace(own, kind=ref.kind, aliases=tuple(dict.fromkeys((*own.aliases, *aliases))))


def span_words(span: Span) -> str:
    """The span's text on one line ("Jose\\nRuiz" -> "Jose Ruiz")."""
    return " ".join(span.text.split())


def _trimmed(span: Span) -> Span:
    """The span without loose punctuation at its edges or a dangling "of", "the" or other
    preposition at its end ("the Harbour Authority for").

    A quote or bracket at an edge stays when the span holds its partner ("the "Sol" hotel").
    """
    doc, start, end = span.doc, span.start, span.end
    while start < end and _loose(doc[start], doc[start:end]):
        start += 1
    while start < end and (
        _loose(doc[end - 1], doc[start:end])
        or doc[end - 1].lower_ in _DANGLING
        or doc[end - 1].pos_ in PREPOSITION_POS
    ):
        end -= 1
    return doc[start:end] if start < end else span


def _loose(token: Token, words: Span) -> bool:
    if token.is_space or not token.is_punct:
        return token.is_space
    if token.is_quote or token.is_bracket:
        return sum(t.is_quote or t.is_bracket for t in words) % 2 == 1
    return True
