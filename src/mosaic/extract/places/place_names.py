"""Where a name is a place name, more widely than where an event's place stands.

`locations.is_location_span` says where an event may take its place from; a place
*mention* is wider: an origin ("fighters from Tirah"), a name before a place word
("Khyber agency", "Gwadar port"), a name listed with a place ("Achin and Nazyan",
"Achin, Nangarhar"), one after "native". These positions let a known place that the NER
labelled a person or organisation, or did not label at all, be linked as the place.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.places.locations import is_location_span
from mosaic.extract.text.syntax import COORDINATE_DEPS, PLACE_LABELS

PLACE_WORDS = lexicon.words("places.place_words")  # fmt: skip
"""Nouns that, written right after a name, say it names a place ("Chaparhar districts",
"the Beslan school")."""
ORIGIN_PREPS = lexicon.words("places.origin_preps")
_LONGEST_NAME = 6
"""At most this many words make one place name found outside the NER's entities."""


def in_place_position(span: Span) -> bool:
    """Whether the name `span` stands where a place name stands (see the module docstring)."""
    doc = span.doc
    if is_location_span(doc, span.start, span.end):
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ORIGIN_PREPS:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in PLACE_WORDS:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ == "native":
        return True
    return listed_with_place(span)


def listed_with_place(span: Span) -> bool:
    """ "Achin and Nazyan", "Achin, Nangarhar": joined to a name the NER calls a place, or
    followed by a comma and one ("X, Khyber Pakhtunkhwa")."""
    doc, root = span.doc, span.root
    if root.dep_ in COORDINATE_DEPS and root.head.ent_type_ in PLACE_LABELS:
        return True
    if any(child.dep_ == "conj" and child.ent_type_ in PLACE_LABELS for child in root.children):
        return True
    after = span.end
    return (
        after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ in PLACE_LABELS
    )


def _is_free_name_word(token: Token, linkable: frozenset[str]) -> bool:
    """A capitalised word outside every entity the linker reads (and every gazetteer hit)."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.ent_id_
        and token.ent_type_ not in linkable
    )


def free_name_spans(doc: Doc, linkable: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Every span of up to `_LONGEST_NAME` capitalised words that no linkable entity covers,
    longest first within each run of such words: where a place name the NER left unlabelled
    may stand ("the Kerman attack", "the Safoora Goth area")."""
    i = 0
    while i < len(doc):
        if not _is_free_name_word(doc[i], linkable):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and _is_free_name_word(doc[end], linkable):
            end += 1
        yield from _sub_spans(i, end)
        i = end


def _sub_spans(start: int, end: int) -> Iterator[tuple[int, int]]:
    for size in range(min(end - start, _LONGEST_NAME), 0, -1):
        for first in range(start, end - size + 1):
            yield first, first + size
