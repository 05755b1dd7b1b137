"""Tests for headlines and bylines set apart from the prose (mosaic.extract.text.display_lines)."""

from __future__ import annotations

import pytest

from mosaic.extract.text.display_lines import find_display_lines, is_title_cased

STORY = (
    "Rebels Kill Six Farmers Near Hill Town\n\n"
    "By Jane Roe\n\n"
    "Rebels killed six farmers on Monday, police said. Officer Omar Wali said the rebels fled."
)


def _texts(text: str, ranges: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in ranges]


def test_display_lines_first_title_cased_line_is_the_headline() -> None:
    found = find_display_lines(STORY)
    assert _texts(STORY, found.headlines) == ["Rebels Kill Six Farmers Near Hill Town"]
    assert found.in_headline(0) and not found.in_headline(STORY.index("police"))


@pytest.mark.parametrize(
    "text",
    ["Rebels Kill Six Farmers Near Hill Town.\n\nThe story.",
     "The story begins here.\nRebels Kill Six Farmers Near Hill Town\n\nMore."],
)  # fmt: skip
def test_display_lines_punctuated_or_later_lines_are_no_headline(text: str) -> None:
    assert find_display_lines(text).headlines == ()


def test_display_lines_a_text_in_capitals_has_no_title_case() -> None:
    text = "SAN SALVADOR, 3 JAN 89 -- POLICE REPORTED THAT REBELS\nATTACKED A POST TODAY."
    assert find_display_lines(text).headlines == ()


def test_display_lines_a_line_that_is_the_title_is_a_headline_whatever_its_casing() -> None:
    text = "Intro.\nrebels strike a farm in the hills\n\nThe story."
    found = find_display_lines(text, title="Rebels strike a farm in the hills")
    assert _texts(text, found.headlines) == ["rebels strike a farm in the hills"]


def test_display_lines_a_title_with_a_full_stop_is_prose() -> None:
    text = "Rebels struck a farm in the hills on Monday.\n\nMore."
    assert find_display_lines(text, title=text.split("\n")[0]).headlines == ()


def test_display_lines_bylines_by_line_and_writer_noun() -> None:
    text = STORY + "\nA photo of the farm. Staff Correspondent Tom J. Brook reports."
    found = find_display_lines(text)
    assert _texts(text, found.bylines) == ["By Jane Roe", "Correspondent Tom J. Brook"]
    assert found.holds(text.index("Jane"), text.index("Jane") + 8)


def test_display_lines_a_by_line_may_end_with_a_suffix() -> None:
    text = "Rebels struck a farm.\nBy Omar K. Wali Jr.\n\nMore."
    assert _texts(text, find_display_lines(text).bylines) == ["By Omar K. Wali Jr."]


def test_display_lines_wire_credits_are_bylines() -> None:
    text = STORY + "\n(Reporting by Jane Roe; additional reporting by Hill Desk. Editing by Tom)"
    found = find_display_lines(text)
    assert _texts(text, found.bylines)[1:] == [
        "Reporting by Jane Roe",
        "reporting by Hill Desk",
        "Editing by Tom",
    ]


def test_display_lines_names_in_the_prose() -> None:
    found = find_display_lines(STORY)
    assert found.named_in_body("Omar Wali")
    assert not found.named_in_body("Jane Roe") and not found.named_in_body("Hill Town")
    assert found.named_in_body("Inspector Wali", person=True)
    assert not found.named_in_body("Inspector Wali")


def test_display_lines_only_displayed_names() -> None:
    found = find_display_lines(STORY)
    start = STORY.index("Hill Town")
    assert found.only_displayed(start, start + 9, "Hill Town")
    assert not found.only_displayed(0, 6, "Rebels")
    officer = STORY.index("Omar Wali")
    assert not found.only_displayed(officer, officer + 9, "Omar Wali")


@pytest.mark.parametrize(
    ("line", "titled"),
    [("Rebels Kill Six Farmers in Hill Town", True),
     ("Rebels kill six farmers in hill town", False),
     ("Six Killed", False)],
)  # fmt: skip
def test_display_lines_title_case(line: str, titled: bool) -> None:
    assert is_title_cased(line) is titled


def test_display_lines_a_person_is_named_by_surname_past_suffixes_or_in_capitals() -> None:
    text = "Colonel Amir K. Durrani Jr. Holds a Press Briefing\n\nCOLONEL DURRANI: Good day."
    found = find_display_lines(text)
    assert found.named_in_body("Amir K. Durrani Jr.", person=True)
    assert not found.named_in_body("Amir K. Durrani Jr.")


def test_display_lines_a_byline_name_ends_with_its_line() -> None:
    text = "A photo of the farm, by our Reporter\nThe Front said it had attacked the farm."
    assert find_display_lines(text).bylines == ()
