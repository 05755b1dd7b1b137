"""Tests for mosaic.extract.entities.acronyms: a new group's initials are the group."""

from __future__ import annotations

import spacy

from mosaic.extract.entities.acronyms import (
    initials,
    is_short_form,
    join_acronyms,
    own_short_forms,
)
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


def _placed(text: str, name: str, after: int, key: str) -> EntityMention:
    start = text.index(name, after)
    span = spacy.blank("en")(text).char_span(start, start + len(name))
    assert span is not None
    ref = EntityRef(name=name, kind=EntityKind.ORGANIZATION, key=key)
    return EntityMention(span.start, span.end, start, start + len(name), name, "ORG",
                         Role.GROUP, ref)  # fmt: skip


def test_acronyms_a_known_groups_initials_in_parentheses_name_it_not_another() -> None:
    """The gazetteer gives "HuZ" to another group; the report defines it as this one's."""
    text = "Harakat-ul-Zafar (HuZ) struck. HuZ said so."
    full = _placed(text, "Harakat-ul-Zafar", 0, "org:zafar")
    shorts = [_placed(text, "HuZ", at, "org:other") for at in (0, text.index("struck"))]
    joined = own_short_forms(spacy.blank("en")(text), [full, *shorts])
    assert [m.ref.key for m in joined if m.ref] == ["org:zafar"] * 3
    assert [m.text for m in joined] == ["Harakat-ul-Zafar", "HuZ", "HuZ"]


def test_acronyms_a_short_form_not_in_parentheses_keeps_the_gazetteers_group() -> None:
    text = "Harakat-ul-Zafar and HuZ struck."
    mentions = [
        _placed(text, "Harakat-ul-Zafar", 0, "org:zafar"),
        _placed(text, "HuZ", 0, "org:other"),
    ]
    assert own_short_forms(spacy.blank("en")(text), mentions) == mentions
