"""A wire dateline kept out of the lead sentence's parse: "PESHAWAR, Pakistan (AP) — Gunmen
stormed ...".

The parser reads a dateline as part of the lead it opens, often as the subject of the lead's
first verb ("PESHAWAR" and its conjunct "Pakistan" the subjects of "stormed"), as the head the
real subject hangs on ("PESHAWAR, Pakistan — Gunmen": "Gunmen" in apposition to it), or with
the agency as the subject ("ISLAMABAD (Reuters) — the army said": "Reuters" said). Every rule
that asks who acted then names the place or the agency the report was filed by: a country
becomes the perpetrator and an attack a state's operation. After the parse, the dateline hangs
on its verb as an unclassified dependent (`dep`, which no rule reads as an actor or a
modifier), and what hung on it from the sentence takes its place.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.language import Language
from spacy.tokens import Doc, Token

from mosaic.extract.places.datelines import DATELINE_CHARS, dateline_span
from mosaic.extract.text.syntax import doc_text

DETACHED = "dep"
_TAKES_THE_PLACE = frozenset({"appos", "conj"})
"""How the sentence's own subject hangs on a dateline the parser made the subject."""


@Language.component("mosaic_dateline_parse_v1")
def detach_dateline(doc: Doc) -> Doc:
    """Hangs the doc's dateline, if it opens with one, on the verb it was parsed into."""
    span = dateline_span(doc_text(doc)[:DATELINE_CHARS])
    if span is None:
        return doc
    start, end = span
    dateline = [t for t in takewhile(lambda t: t.idx < end, doc) if t.idx >= start]
    inside = {t.i for t in dateline}
    anchors = [t for t in dateline if t.head.i not in inside and not t.is_punct]
    if len(anchors) != 1:
        return doc  # the dateline heads its sentence (or is no one phrase): nothing to move
    _detach(anchors[0], dateline)
    return doc


def _detach(anchor: Token, dateline: list[Token]) -> None:
    """Hangs what the sentence hung on the dateline on the anchor's head, in the anchor's
    role, and the anchor on that head as a dependent no rule reads."""
    verb, role = anchor.head, anchor.dep_
    inside = {t.i for t in dateline}
    hung = [t for t in verb.sent if t.i not in inside and t.head.i in inside]
    for token in hung:
        token.head = verb
        if token.dep_ in _TAKES_THE_PLACE:
            token.dep_ = role
    anchor.dep_ = DETACHED
