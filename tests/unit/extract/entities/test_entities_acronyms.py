"""Tests for mosaic.extract.entities.acronyms: a new group's initials are the group."""

from __future__ import annotations

from mosaic.extract.entities.acronyms import initials, is_short_form, join_acronyms
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.model import EntityKind, EntityRef


def _group(text: str, start: int, key: str | None = None) -> EntityMention:
    ref = EntityRef(name=text, kind=EntityKind.ORGANIZATION, key=key)
    return EntityMention(start, start + 1, start * 10, start * 10 + 5, text, "ORG", Role.GROUP, ref)


def test_acronyms_initials_of_every_part_and_of_the_capitalised() -> None:
    assert initials("Harakat-ul-Zafar") == {"huz", "hz"}
    assert initials("Front for the Eastern Hills") == {"ffteh", "feh"}


def test_acronyms_short_forms_need_two_capitals() -> None:
    assert is_short_form("HuZ") and is_short_form("FEH")
    assert not is_short_form("Front") and not is_short_form("H") and not is_short_form("H2Z")


def test_acronyms_short_form_and_full_name_share_one_reference() -> None:
    full, other, short = _group("Harakat-ul-Zafar", 0), _group("Sada Brigade", 3), _group("HuZ", 6)
    joined = join_acronyms([full, other, short])
    assert joined[0].ref == joined[2].ref
    assert joined[0].ref is not None and joined[0].ref.names == ("Harakat-ul-Zafar", "HuZ")
    assert joined[2].text == "HuZ"
    assert joined[1] == other


def test_acronyms_known_groups_are_left_to_the_gazetteer() -> None:
    mentions = [_group("Harakat-ul-Zafar", 0), _group("HuZ", 4, key="org:other")]
    assert join_acronyms(mentions) == mentions


def test_acronyms_short_form_without_its_full_name_stays() -> None:
    mentions = [_group("Sada Brigade", 0), _group("HuZ", 4)]
    assert join_acronyms(mentions) == mentions
