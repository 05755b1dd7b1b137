"""Tests for mosaic.extract.entities.surnames: a bare surname is the person named before."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.surnames import refer_surnames
from mosaic.model import EntityKind, EntityRef

NLP = spacy.blank("en")


def _mention(doc: Doc, name: str, after: int, role: Role) -> EntityMention:
    """A mention of `name` at its first place in the doc's text from character `after`."""
    start = doc.text.index(name, after)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    kind = EntityKind.PERSON if role is Role.PERSON else EntityKind.ORGANIZATION
    ref = EntityRef(name=name, kind=kind)
    return EntityMention(span.start, span.end, start, span.end_char, name, "ORG", role, ref)


@pytest.mark.parametrize(
    ("full", "surname"),
    [("Tariq al-Zaman", "al-Zaman"), ("Tariq Zaman", "Zaman"), ("Tariq Al-Zaman", "Al-Zaman")],
)
def test_surnames_new_group_named_by_a_persons_surname_is_the_person(
    full: str, surname: str
) -> None:
    doc = NLP(f"{full} led the cell. Later {surname} fled to the hills.")
    person = _mention(doc, full, 0, Role.PERSON)
    group = _mention(doc, surname, len(full), Role.GROUP)
    linked = refer_surnames(doc, [person, group])
    assert [(m.role, m.ref.name if m.ref else None) for m in linked] == [(Role.PERSON, full)] * 2


def test_surnames_lower_case_word_is_no_surname() -> None:
    doc = NLP("Tariq al-zaman led the cell. Later al-zaman fled to the hills.")
    person = _mention(doc, "Tariq al-zaman", 0, Role.PERSON)
    group = _mention(doc, "al-zaman", 20, Role.GROUP)
    assert refer_surnames(doc, [person, group]) == [person, group]
