"""Small helpers over spaCy's dependency parse, shared by the event and relation rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon

SUBJECTS = lexicon.words("text.subjects")
CLAUSE_LINKS = lexicon.words("text.clause_links")


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
    """Whether the verb is passive ("was killed") or a bare participle ("17 people killed")."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)
    )


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


LEMMA_FIXES = {"waged": "wage", "waging": "wage", "wages": "wage", "pledges": "pledge"}
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
        if current.dep_ not in links or current.head is current:
            return []
        current = current.head
        nominal = current.pos_ in ("NOUN", "PROPN") and current.dep_ in ("dobj", "pobj")
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
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def tokens_of(spans: Iterable[Span | Token]) -> Iterator[Token]:
    """Every token of the given spans or tokens' subtrees."""
    for item in spans:
        yield from (item if isinstance(item, Span) else item.subtree)
