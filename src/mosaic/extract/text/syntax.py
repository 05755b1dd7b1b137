"""Small helpers over spaCy's dependency parse, shared by the event and relation rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon

_DOC_TEXT = "mosaic_doc_text"
"""`Doc.user_data` key of the doc's text, joined once per doc."""


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy joins every token's text at each call, and the
    rules that read what stands between two mentions ask for it once per pair (no stage
    changes a doc's words after the parse)."""
    text = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return str(text)


_WORD_KEYS = "mosaic_orth_keys"
"""`Doc.user_data` key of the doc's array of word keys (ORTH), made once per doc."""


def word_keys(doc: Doc) -> numpy.ndarray[Any, numpy.dtype[numpy.uint64]]:
    """The doc's word keys (ORTH), one per token, made once per doc: the rules that look for
    every use of a name in the doc ask for them once per name (the tokenizer's words never
    change afterwards)."""
    keys = doc.user_data.get(_WORD_KEYS)
    if keys is None or len(keys) != len(doc):
        keys = doc.user_data[_WORD_KEYS] = doc.to_array(ORTH)
    return cast(numpy.ndarray[Any, numpy.dtype[numpy.uint64]], keys)


# spaCy's labels grouped by meaning (data/lexicon/syntax.yaml says what each group means).
ACTOR_DEPS = lexicon.words("syntax.actor_deps")
ACTOR_MODIFIER_DEPS = lexicon.words("syntax.actor_modifier_deps")
APPENDED_DEPS = lexicon.words("syntax.appended_deps")
ARGUMENT_OR_ROOT_DEPS = lexicon.words("syntax.argument_or_root_deps")
ATTRIBUTIVE_DEPS = lexicon.words("syntax.attributive_deps")
ATTRIBUTIVE_OR_RELATIVE_DEPS = lexicon.words("syntax.attributive_or_relative_deps")
AUXILIARY_DEPS = lexicon.words("syntax.auxiliary_deps")
CLAUSE_DEPS = lexicon.words("syntax.clause_deps")
CLAUSE_HEAD_DEPS = lexicon.words("syntax.clause_head_deps")
CLAUSE_LINKS = lexicon.words("syntax.clause_links")
COMPLEMENT_DEPS = lexicon.words("syntax.complement_deps")
CONDITION_DEPS = lexicon.words("syntax.condition_deps")
CONTINUING_CLAUSE_DEPS = lexicon.words("syntax.continuing_clause_deps")
COORDINATE_DEPS = lexicon.words("syntax.coordinate_deps")
DENIED_DEPS = lexicon.words("syntax.denied_deps")
DESCRIBING_DEPS = lexicon.words("syntax.describing_deps")
HOLDER_BESIDE_DEPS = lexicon.words("syntax.holder_beside_deps")
KIND_MODIFIER_DEPS = lexicon.words("syntax.kind_modifier_deps")
LOCATING_MODIFIER_DEPS = lexicon.words("syntax.locating_modifier_deps")
NAME_JOINING_DEPS = lexicon.words("syntax.name_joining_deps")
NAME_MODIFIER_DEPS = lexicon.words("syntax.name_modifier_deps")
NOUN_CLAUSE_DEPS = lexicon.words("syntax.noun_clause_deps")
NOUN_MODIFIER_DEPS = lexicon.words("syntax.noun_modifier_deps")
NOUN_PHRASE_DEPS = lexicon.words("syntax.noun_phrase_deps")
NUMBER_DEPS = lexicon.words("syntax.number_deps")
NUMBER_PART_DEPS = lexicon.words("syntax.number_part_deps")
OBJECT_DEPS = lexicon.words("syntax.object_deps")
OBJECT_PREDICATE_DEPS = lexicon.words("syntax.object_predicate_deps")
PARTICIPLE_CLAUSE_DEPS = lexicon.words("syntax.participle_clause_deps")
PASSIVE_DEPS = lexicon.words("syntax.passive_deps")
PATIENT_DEPS = lexicon.words("syntax.patient_deps")
PATIENT_OR_ATTRIBUTE_DEPS = lexicon.words("syntax.patient_or_attribute_deps")
PATIENT_OR_LISTED_DEPS = lexicon.words("syntax.patient_or_listed_deps")
PERPETRATION_PATH_DEPS = lexicon.words("syntax.perpetration_path_deps")
PREDICATIVE_DEPS = lexicon.words("syntax.predicative_deps")
PREPOSITION_OBJECT_DEPS = lexicon.words("syntax.preposition_object_deps")
PURPOSE_DEPS = lexicon.words("syntax.purpose_deps")
QUALIFIER_DEPS = lexicon.words("syntax.qualifier_deps")
RAISING_DEPS = lexicon.words("syntax.raising_deps")
REFERRING_MODIFIER_DEPS = lexicon.words("syntax.referring_modifier_deps")
RETELLING_MODIFIER_DEPS = lexicon.words("syntax.retelling_modifier_deps")
SPECIFYING_DEPS = lexicon.words("syntax.specifying_deps")
STATED_SUBJECT_DEPS = lexicon.words("syntax.stated_subject_deps")
SUBJECT_CLIMB_DEPS = lexicon.words("syntax.subject_climb_deps")
SUBJECT_DEPS = lexicon.words("syntax.subject_deps")
TITLE_DEPS = lexicon.words("syntax.title_deps")
TRAILING_DEPS = lexicon.words("syntax.trailing_deps")
VERB_COMPLEMENT_DEPS = lexicon.words("syntax.verb_complement_deps")
ACT_POS = lexicon.words("syntax.act_pos")
COUNTED_POS = lexicon.words("syntax.counted_pos")
NAME_FILLER_POS = lexicon.words("syntax.name_filler_pos")
NOUN_POS = lexicon.words("syntax.noun_pos")
ORDINAL_PERSON_POS = lexicon.words("syntax.ordinal_person_pos")
OTHER_EVENT_TAGS = lexicon.words("syntax.other_event_tags")
PREPOSITION_POS = lexicon.words("syntax.preposition_pos")
REFERRING_POS = lexicon.words("syntax.referring_pos")
TRIGGER_POS = lexicon.words("syntax.trigger_pos")
VERB_POS = lexicon.words("syntax.verb_pos")
ACTING_VERB_TAGS = lexicon.words("syntax.acting_verb_tags")
ONE_PERSON_TAGS = lexicon.words("syntax.one_person_tags")
PAST_TAGS = lexicon.words("syntax.past_tags")
PREDICATE_TAGS = lexicon.words("syntax.predicate_tags")
PERSON_DEPS = lexicon.words("syntax.person_deps")
PLURAL_NOUN_TAGS = lexicon.words("syntax.plural_noun_tags")
S_VERB_TAGS = lexicon.words("syntax.s_verb_tags")
PRESENT_TAGS = lexicon.words("syntax.present_tags")
RELATIVE_PRONOUN_TAGS = lexicon.words("syntax.relative_pronoun_tags")
SINGULAR_NOUN_TAGS = lexicon.words("syntax.singular_noun_tags")
ACTOR_LABELS = lexicon.words("syntax.actor_labels")
COUNTRY_LABELS = lexicon.words("syntax.country_labels")
GROUP_OR_PERSON_LABELS = lexicon.words("syntax.group_or_person_labels")
PERSON_LABELS = lexicon.words("syntax.person_labels")
IDENTITY_LABELS = lexicon.words("syntax.identity_labels")
NAME_LABELS = lexicon.words("syntax.name_labels")
NOT_COUNT_LABELS = lexicon.words("syntax.not_count_labels")
NOT_IDENTITY_LABELS = lexicon.words("syntax.not_identity_labels")
NOT_THING_LABELS = lexicon.words("syntax.not_thing_labels")
PLACE_LABELS = lexicon.words("syntax.place_labels")
TIME_LABELS = lexicon.words("syntax.time_labels")


def path_to_root(token: Token) -> list[Token]:
    """The token and its ancestors, nearest first."""
    return [token, *token.ancestors]


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree (a large number across
    sentences)."""
    up_a = path_to_root(a)
    position = {t.i: n for n, t in enumerate(up_a)}
    for n, token in enumerate(path_to_root(b)):
        if token.i in position:
            return n + position[token.i]
    return 100


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The token of `doc[start:end]` whose head lies outside the span."""
    span = doc[start:end]
    return span.root


def char_span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token indices covering characters `start`..`end`, expanding to whole tokens."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def is_passive(verb: Token) -> bool:
    """Whether the verb is passive ("was killed") or a bare participle ("17 people killed").
    An active subject outweighs a "by" the parser took for an agent ("X had taken over the
    group ..., also by a drone strike")."""
    deps = {c.dep_ for c in verb.children}
    if "nsubj" in deps:
        return bool(deps & PASSIVE_DEPS - {"agent"})
    return bool(deps & PASSIVE_DEPS) or verb.tag_ == "VBN"


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of the dependency labels."""
    return [c for c in token.children if c.dep_ in deps]


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The tokens plus everything conjoined to them ("Jundullah and LJ")."""
    found: dict[int, Token] = {}
    for token in tokens:
        found[token.i] = token
        for conj in token.conjuncts:
            found[conj.i] = conj
    return list(found.values())


LEMMA_FIXES = {
    row.word("form"): row.word("lemma")
    for row in lexicon.table(
        "text.lemma_fixes", {"form": lexicon.Field.WORD, "lemma": lexicon.Field.WORD}
    )
}
"""Forms the English model lemmatises wrongly ("waged" -> "wag")."""


def lemma(token: Token) -> str:
    """The token's lower-case lemma, with the model's known slips fixed."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


RELATIVE_PRONOUNS = lexicon.words("text.relative_pronouns")


def antecedent(token: Token) -> Token:
    """For a relative pronoun ("the group that claimed", "X, which it fought against"), the
    noun it stands for."""
    if token.lower_ not in RELATIVE_PRONOUNS:
        return token
    clause = token.head
    for _ in range(2):
        if clause.dep_ == "relcl":
            return clause.head
        clause = clause.head
    return token


def subject(verb: Token) -> list[Token]:
    """The verb's subject, or the subject of the clause it continues ("X snapped up the offer,
    launching an attack": X launched it); relative pronouns stand for their noun."""
    return climbing_subject(verb, CLAUSE_LINKS, steps=3, through_objects=True)


def climbing_subject(
    verb: Token, links: frozenset[str], steps: int, through_objects: bool = False
) -> list[Token]:
    """The nearest subject up the verb's chain of clauses joined by `links` (at most `steps`
    clauses); with `through_objects`, a clause hanging on a noun object climbs past it."""
    current = verb
    for _ in range(steps):
        found = children(current, "nsubj")
        if found:
            return with_conjuncts(antecedent(t) for t in found)
        if current.dep_ not in links or current.head == current:
            return []
        current = current.head
        nominal = current.pos_ in NOUN_POS and current.dep_ in OBJECT_DEPS
        if through_objects and nominal:
            current = current.head
    return []


def agents(verb: Token) -> list[Token]:
    """The objects of the verb's "by" phrase (passive agents)."""
    return with_conjuncts(p for a in children(verb, "agent") for p in children(a, "pobj"))


def prep_objects(token: Token, *words: str) -> list[Token]:
    """Objects of the token's prepositions among `words` ("attack on X" -> X)."""
    preps = [prep for prep in children(token, "prep", "dative") if prep.lower_ in words]
    return with_conjuncts(p for prep in preps for p in children(prep, "pobj"))


def governing_verb(token: Token) -> Token:
    """The verb whose clause the token belongs to (the token itself for a verb)."""
    current = token
    for _ in range(6):
        if current.pos_ in VERB_POS or current.head == current:
            return current
        current = current.head
    return current


def tokens_of(spans: Iterable[Span | Token]) -> Iterator[Token]:
    """Every token of the given spans or tokens' subtrees."""
    for item in spans:
        yield from (item if isinstance(item, Span) else item.subtree)
