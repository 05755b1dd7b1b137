"""A bracketed word after a new group's name is part of it (the linker); in sentences
written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import SentenceContext

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]


def _mention(contexts: Contexts, text: str, name: str) -> EntityMention:
    found = [m for c in contexts(text) for m in c.mentions if m.text == name]
    assert found, text
    return found[0]


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
