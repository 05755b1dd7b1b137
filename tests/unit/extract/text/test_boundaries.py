"""Tests for line and semicolon sentence boundaries (mosaic.extract.text.boundaries)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.text.boundaries import line_ends_sentence, mark_boundaries


def sentences(doc: Doc) -> list[str]:
    return [s.text.strip() for s in doc.sents if s.text.strip()]


@pytest.mark.slow
def test_boundaries_lines_and_semicolons_end_sentences(parse: Callable[..., Doc]) -> None:
    doc = parse("Photo: AP\nGunmen attacked a post; a bomb exploded later.")
    assert sentences(doc) == ["Photo: AP", "Gunmen attacked a post;", "a bomb exploded later."]


@pytest.mark.slow
def test_boundaries_semicolon_in_brackets_does_not_split(parse: Callable[..., Doc]) -> None:
    doc = parse('Jundallah (Urdu: a name; "Soldiers of God") was a militant group.')
    assert len(sentences(doc)) == 1


@pytest.mark.parametrize(
    ("text", "ends"),
    [("A headline\nThe story begins here.", True),
     ("A wrapped line of wire copy that runs on for well over fifty characters\nand then goes on",
      False),
     ("The paragraph ends here.\nThe next one starts.", True),
     ("Wire copy that runs on for well over fifty characters before it wraps\n\nNew paragraph",
      True),
     ("A long headline about a designation that runs past fifty characters\nKabul, 3 May 2021\n\n"
      "The story.", True),
     ("Wire copy that runs on for well over fifty characters before it wraps\ninto a last line\n"
      "that goes on.", False)],
)  # fmt: skip
def test_boundaries_line_ends_sentence(text: str, ends: bool) -> None:
    assert line_ends_sentence(text, text.index("\n")) is ends


def test_boundaries_marked_after_semicolons_outside_brackets_and_ending_lines() -> None:
    text = (
        "Rebels (the Front; a splinter) struck; police fled\nA headline\n\n(Aside; more) then; end"
    )
    doc = mark_boundaries(spacy.blank("en")(text))
    starts = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert starts == ["police", "A", "(", "end"]
