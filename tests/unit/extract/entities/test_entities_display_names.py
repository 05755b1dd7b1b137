"""Tests for names only a headline or byline gives (mosaic.extract.entities.display_names)."""

from __future__ import annotations

from mosaic.extract.entities.display_names import drop_display_names
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.display_lines import find_display_lines
from mosaic.model import EntityKind, EntityRef

TEXT = (
    "Gunmen Kill Five Road Workers, Hill Front Says\n\n"
    "By Jane Roe\n\n"
    "Gunmen killed five road workers on Monday. The Hill Front said it had attacked them."
)
DISPLAY = find_display_lines(TEXT)


def _mention(name: str, role: Role, key: str | None = None, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(name, start + 1)
    kind = EntityKind.PERSON if role is Role.PERSON else EntityKind.ORGANIZATION
    ref = EntityRef(name, kind, key)
    return EntityMention(0, 1, start, start + len(name), name, "ORG", role, ref)


def test_entities_display_names_new_names_only_a_headline_or_byline_gives_are_dropped() -> None:
    workers = _mention("Road Workers", Role.PERSON)
    writer = _mention("Jane Roe", Role.PERSON)
    assert drop_display_names([workers, writer], DISPLAY) == []


def test_entities_display_names_names_the_prose_uses_or_the_gazetteer_lists_stay() -> None:
    front = _mention("Hill Front", Role.GROUP)
    listed = _mention("Gunmen Kill Five", Role.GROUP, key="org:listed")
    in_prose = _mention("Hill Front", Role.GROUP, nth=1)
    kept = [front, listed, in_prose]
    assert drop_display_names(kept, DISPLAY) == kept


def test_entities_display_names_only_groups_and_people_are_tested() -> None:
    place = EntityMention(0, 1, 0, 6, "Gunmen", "GPE", Role.PLACE, None)
    assert drop_display_names([place], DISPLAY) == [place]
