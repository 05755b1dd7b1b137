"""Tests for line and semicolon sentence boundaries (mosaic.extract.text.boundaries)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.text.boundaries import (
    breaks_paragraph,
    hard_wrapped,
    line_ends_sentence,
    mark_boundaries,
)


def sentences(doc: Doc) -> list[str]:
    return [s.text.strip() for s in doc.sents if s.text.strip()]


@pytest.mark.slow
def test_boundaries_lines_and_semicolons_end_sentences(parse: Callable[..., Doc]) -> None:
    doc = parse("Photo: AP\nGunmen attacked a post; a bomb exploded later.")
    assert sentences(doc) == ["Photo: AP", "Gunmen attacked a post;", "a bomb exploded later."]


@pytest.mark.slow
def test_boundaries_a_stop_after_a_hyphenated_initial_ends_the_sentence(
    parse: Callable[..., Doc],
) -> None:
    doc = parse("Two commanders defected to ISIL-K. George W. Bush was not told. ISIS-K denied it.")
    assert sentences(doc) == [
        "Two commanders defected to ISIL-K.",
        "George W. Bush was not told.",
        "ISIS-K denied it.",
    ]
    assert [t.text for t in doc][4:8] == ["ISIL", "-", "K", "."]


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


_WRAPPED = (
    "The mayor of the small river town said that a group of armed men\n"
    "entered the market at dawn and set fire to the stalls of the traders\n"
    "who had refused to pay them.  Nobody was hurt, he told the radio.\n"
    "\n"
    "   The army sent two companies to the area, where the men had been\n"
    "seen in the hills above the town for several weeks before the fire.\n"
)
_ONE_LINE_PARAGRAPHS = (
    "The mayor of the small river town said armed men set fire to the market.\n"
    "The army sent two companies to the area, where the men had been seen before.\n"
    "Nobody was hurt in the fire, the mayor told a local radio station on the phone.\n"
)


def test_boundaries_hard_wrapped_text_is_told_from_one_paragraph_a_line() -> None:
    assert hard_wrapped(_WRAPPED)
    assert not hard_wrapped(_ONE_LINE_PARAGRAPHS)
    assert not hard_wrapped("A short headline\n\nOne line of prose that is long enough here.")


def test_boundaries_a_wrapped_line_is_no_paragraph_break() -> None:
    wrap = _WRAPPED.index("\n")
    assert not breaks_paragraph(_WRAPPED, wrap - 3, wrap + 3)
    indent = _WRAPPED.index("\n\n")
    assert breaks_paragraph(_WRAPPED, indent - 3, indent + 6)
    line = _ONE_LINE_PARAGRAPHS.index("\n")
    assert breaks_paragraph(_ONE_LINE_PARAGRAPHS, line - 3, line + 3)
    assert not breaks_paragraph(_ONE_LINE_PARAGRAPHS, 0, 20)
