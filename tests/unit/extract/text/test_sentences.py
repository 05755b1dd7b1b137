"""The sentence contexts' one-pass groupings: the mentions and dates of each sentence, and
the person a "he said" of each sentence may stand for."""

from __future__ import annotations

from mosaic.extract.attribution.speakers import last_person_before
from mosaic.extract.dates.phrases import DateValue
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import DateSpan, by_sentence, last_people_before
from mosaic.model import EntityKind, EntityRef, FuzzyDate


def _mention(start: int, end: int, role: Role, name: str) -> EntityMention:
    ref = EntityRef(name, EntityKind.PERSON) if role is Role.PERSON else None
    return EntityMention(start, end, start * 5, end * 5, name, "PERSON", role, ref)


def test_sentences_by_sentence_keeps_each_items_order_within_its_sentence() -> None:
    mentions = [
        _mention(4, 5, Role.GROUP, "a"),
        _mention(0, 2, Role.GROUP, "b"),
        _mention(12, 13, Role.GROUP, "c"),
        _mention(3, 4, Role.GROUP, "d"),
        _mention(9, 10, Role.GROUP, "e"),
    ]
    groups = by_sentence(mentions, [0, 3, 9, 20])
    assert [[m.text for m in group] for group in groups] == [["b"], ["a", "d"], ["c", "e"], []]


def test_sentences_by_sentence_groups_dates() -> None:
    value = DateValue(FuzzyDate.parse("2020-01-02"), None, True)
    dates = [DateSpan(7, 9, value), DateSpan(1, 2, value)]
    assert by_sentence(dates, [0, 5]) == [(dates[1],), (dates[0],)]


def test_sentences_last_people_before_each_position_as_one_call_each_finds() -> None:
    mentions = [
        _mention(2, 4, Role.PERSON, "Ann Lee"),
        _mention(5, 6, Role.GROUP, "the Front"),
        _mention(10, 12, Role.PERSON, "Bo Chan"),
        _mention(8, 9, Role.PERSON, "Cy Dunn"),
        _mention(20, 22, Role.PERSON, "Di Ek"),
    ]
    positions = [0, 3, 4, 9, 11, 12, 21, 30]
    expected = [last_person_before(mentions, p) for p in positions]
    assert expected == [None, None, "Ann Lee", "Cy Dunn", "Cy Dunn", "Cy Dunn", "Cy Dunn", "Di Ek"]
    assert last_people_before(mentions, positions) == expected
