"""Tests for mosaic.extract.entities.apposed_names: a new group's apposed alias is the group."""

from __future__ import annotations

import pytest
import spacy

from mosaic.extract.entities.apposed_names import join_apposed_names
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.model import EntityKind, EntityRef

NLP = spacy.blank("en")


def _groups(text: str, names: list[str], keys: dict[str, str] | None = None) -> list[EntityMention]:
    """A mention for each name, at its first place in `text` after the name before it."""
    doc = NLP(text)
    mentions, after = [], 0
    for name in names:
        start = text.index(name, after)
        after = start + len(name)
        span = doc.char_span(start, after)
        assert span is not None
        ref = EntityRef(name=name, kind=EntityKind.ORGANIZATION, key=(keys or {}).get(name))
        mentions.append(
            EntityMention(span.start, span.end, start, after, name, "ORG", Role.GROUP, ref)
        )
    return mentions


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("The Zafar Front (Jabhat Zafar) struck twice.", "Jabhat Zafar"),
        ("The Zafar Front, or the Army of Zafar, struck twice.", "Army of Zafar"),
        ("The Zafar Front, also known as Jabhat Zafar, struck twice.", "Jabhat Zafar"),
        ("The Zafar Front, the Arabic acronym for Jabhat Zafar, struck.", "Jabhat Zafar"),
    ],
)
def test_apposed_names_alias_and_name_share_one_reference(text: str, alias: str) -> None:
    first, second = _groups(text, ["Zafar Front", alias])
    joined = join_apposed_names(NLP(text), [first, second])
    assert joined[0].ref == joined[1].ref
    assert joined[0].ref is not None and joined[0].ref.names == ("Zafar Front", alias)
    assert joined[1].text == alias


def test_apposed_names_later_mentions_of_the_alias_join_too() -> None:
    text = "The Zafar Front (Jabhat Zafar) struck. Jabhat Zafar later said so."
    mentions = _groups(text, ["Zafar Front", "Jabhat Zafar", "Jabhat Zafar"])
    joined = join_apposed_names(NLP(text), mentions)
    assert [m.ref.name for m in joined if m.ref] == ["Zafar Front"] * 3
    assert [m.text for m in joined] == ["Zafar Front", "Jabhat Zafar", "Jabhat Zafar"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Zafar Front and Jabhat Zafar struck.", ["Zafar Front", "Jabhat Zafar"]),
        ("The Zafar Front, Jabhat Zafar and others struck.", ["Zafar Front", "Jabhat Zafar"]),
    ],
)
def test_apposed_names_a_list_of_groups_stays_apart(text: str, names: list[str]) -> None:
    mentions = _groups(text, names)
    assert join_apposed_names(NLP(text), mentions) == mentions


def test_apposed_names_known_groups_are_left_to_the_gazetteer() -> None:
    text = "The Zafar Front (Jabhat Zafar) struck twice."
    mentions = _groups(text, ["Zafar Front", "Jabhat Zafar"], {"Jabhat Zafar": "org:zafar"})
    assert join_apposed_names(NLP(text), mentions) == mentions


def _person(doc_text: str, name: str, after: int, key: str | None) -> EntityMention:
    start = doc_text.index(name, after)
    ref = EntityRef(name=name, kind=EntityKind.PERSON, key=key)
    doc = NLP(doc_text)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return EntityMention(span.start, span.end, start, start + len(name), name, "PERSON",
                         Role.PERSON, ref)  # fmt: skip


@pytest.mark.parametrize("between", [", also known as ", " (also known as ", " alias "])
def test_apposed_names_an_unlisted_name_given_as_a_known_actors_is_that_actor(
    between: str,
) -> None:
    text = f"The chief, Qari Durrani{between}Karim Zafar, spoke. Qari Durrani said so."
    mentions = [_person(text, "Qari Durrani", 0, None),
                _person(text, "Karim Zafar", 0, "person:zafar"),
                _person(text, "Qari Durrani", text.index("spoke"), None)]  # fmt: skip
    joined = join_apposed_names(NLP(text), mentions)
    assert [m.ref.key for m in joined if m.ref] == ["person:zafar"] * 3
    assert [m.text for m in joined] == ["Qari Durrani", "Karim Zafar", "Qari Durrani"]


def test_apposed_names_an_unlisted_name_in_parentheses_stays_apart() -> None:
    """ "X (Y" may name a place or an acronym: only a word of naming joins a known actor."""
    text = "The chief, Qari Durrani (Karim Zafar), spoke."
    mentions = [_person(text, "Qari Durrani", 0, None),
                _person(text, "Karim Zafar", 0, "person:zafar")]  # fmt: skip
    assert join_apposed_names(NLP(text), mentions) == mentions


@pytest.mark.parametrize("between", [", also known as ", ", better known as ", " alias "])
def test_apposed_names_two_unlisted_names_of_one_person_share_one_reference(
    between: str,
) -> None:
    text = f"The chief, Qari Durrani{between}Abu Zafar, spoke. Abu Zafar said so."
    mentions = [_person(text, "Qari Durrani", 0, None),
                _person(text, "Abu Zafar", 0, None),
                _person(text, "Abu Zafar", text.index("spoke"), None)]  # fmt: skip
    joined = join_apposed_names(NLP(text), mentions)
    assert [m.ref.name for m in joined if m.ref] == ["Qari Durrani"] * 3
    assert joined[0].ref is not None and joined[0].ref.names == ("Qari Durrani", "Abu Zafar")


def test_apposed_names_two_unlisted_people_in_parentheses_stay_apart() -> None:
    text = "The chief, Qari Durrani (Abu Zafar), spoke."
    mentions = [_person(text, "Qari Durrani", 0, None), _person(text, "Abu Zafar", 0, None)]
    assert join_apposed_names(NLP(text), mentions) == mentions
