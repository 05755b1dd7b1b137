"""Names the sentence itself types, whatever the NER called them: the agent of "led by" or
a name apposed to a role noun is a person (mosaic.extract.entities.name_shapes.leads_by_agent,
the linker), and a bracketed word after a new group's name is part of it; in sentences
written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Span

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.name_shapes import leads_by_agent
from mosaic.extract.text.sentences import SentenceContext

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]


def _span(doc: Doc, name: str) -> Span:
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


def _mention(contexts: Contexts, text: str, name: str) -> EntityMention:
    found = [m for c in contexts(text) for m in c.mentions if m.text == name]
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [("The Zulu Liberation Front, led by Tembeka Ngcobo, claimed the attack.",
      "Tembeka Ngcobo", True),
     ("The front is headed by Sipho Dlamini Khumalo.", "Sipho Dlamini Khumalo", True),
     ("The front is led by a Tanzanian, Baraka Mwakyusa.", "Baraka Mwakyusa", True),
     ("The march was watched by Tembeka Ngcobo.", "Tembeka Ngcobo", False)],
)  # fmt: skip
def test_role_names_agent_of_a_leading_verb(
    parse: Callable[..., Doc], text: str, name: str, expected: bool
) -> None:
    assert leads_by_agent(_span(parse(text), name)) is expected


def test_role_names_agent_of_led_by_is_a_person(contexts: Contexts) -> None:
    text = "The Zulu Liberation Front, led by Tembeka Ngcobo, claimed the attack."
    assert _mention(contexts, text, "Tembeka Ngcobo").role is Role.PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [("Zulu Liberation Front (Maoist) fighters attacked a post.", "Zulu Liberation Front (Maoist)"),
     ("The Zulu Liberation Front (ZLF) attacked a post.", "Zulu Liberation Front")],
)  # fmt: skip
def test_role_names_bracketed_word_qualifies_a_new_group(
    contexts: Contexts, text: str, name: str
) -> None:
    mention = _mention(contexts, text, "Zulu Liberation Front")
    assert mention.role is Role.GROUP and mention.ref is not None and mention.ref.name == name
