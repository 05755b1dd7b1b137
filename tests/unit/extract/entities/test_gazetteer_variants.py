"""Tests for the gazetteer's lookups of other spellings: dotted initials."""

from __future__ import annotations

import pytest

from mosaic.extract.entities.gazetteer import (
    DOTTED_INITIALS,
    ActorRecord,
    Gazetteer,
    dotted_letters,
)
from mosaic.model import EntityKind

ORG, PERSON = EntityKind.ORGANIZATION, EntityKind.PERSON
RECORDS = [
    ActorRecord("org:jun", "Jamaat-ul-Noor", ORG, "armed_group", ("JuN", "Jamaat ul Noor")),
    ActorRecord("org:tkm", "Tehreek-e-Karam", ORG, "armed_group", ("TKM",)),
    ActorRecord("org:sab-east", "Saif al-Badr", ORG, "armed_group", ("Saif-e-Badr East",)),
    ActorRecord("org:sab-west", "Saif Badr Brigade", ORG, "armed_group", ("Saif-i-Badr",)),
    ActorRecord("org:qb", "Qasim Brigade", ORG, "armed_group", ("QB",)),
    ActorRecord("org:mit", "Mujahidin Indus Timur", ORG, "armed_group", ("MIT",)),
    ActorRecord("person:rafiq", "Rafeeq Ullah Khan", PERSON, None, ()),
]


@pytest.fixture(scope="module")
def small() -> Gazetteer:
    return Gazetteer.from_records(RECORDS)


@pytest.mark.parametrize(
    ("text", "letters"),
    [("L.e.T.", "LeT"), ("J. u. D.", "JuD"), ("T.T.P", "TTP"), ("TTP", None), ("e.g.", None)],
)
def test_gazetteer_dotted_letters(text: str, letters: str | None) -> None:
    assert dotted_letters(text) == letters


def test_gazetteer_dotted_initials_find_the_acronym_as_written(small: Gazetteer) -> None:
    assert [r.key for r in small.lookup("J.u.N.")] == ["org:jun"]
    assert [r.key for r in small.lookup("T. K. M.")] == ["org:tkm"]
    assert small.lookup("J.U.N.") == []  # "JUN" is no name of it: a month, not the group
    assert small.lookup("Q.B.") == []  # two initials are a person's as often
    assert small.lookup("M.I.T.") == []  # a common word in capitals: a university


def test_gazetteer_dotted_initials_end_before_a_word_of_one_letter() -> None:
    assert [
        m.group() for m in DOTTED_INITIALS.finditer("named J.u.N. a front, T. K. M. a wing")
    ] == [
        "J.u.N.",
        "T. K. M.",
    ]
