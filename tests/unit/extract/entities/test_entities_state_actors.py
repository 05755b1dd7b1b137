"""A country heading a state noun as a state actor (mosaic.extract.entities.state_actors),
through a possessive too ("Pakistan's government"), and named by the gazetteer's record of
that country's state where it lists one; in sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import Role
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EntityKind, RelationFinding, RelationType
from support.findings import assert_relation_found

Found = Callable[[str], list[RelationFinding]]
Contexts = Callable[..., list[SentenceContext]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"),
    [("The ALF has fought Pakistan's government since 2009.", "Pakistan's government"),
     ("Pakistan's federal government banned the ALF in 2012.", "Pakistan's federal government"),
     ("The ALF has clashed with Afghanistan's army in Kabul.", "Afghanistan's army")],
)  # fmt: skip
def test_state_actors_possessive_country_with_its_noun_is_one_state(
    contexts: Contexts, text: str, state: str
) -> None:
    mentions = [m for c in contexts(text) for m in c.mentions]
    assert any(m.text == state and m.role is Role.STATE for m in mentions), mentions


@pytest.mark.slow
def test_state_actors_possessive_state_is_a_party(relation_findings: Found) -> None:
    found = relation_findings("The ALF has fought Pakistan's government since 2009.")
    assert_relation_found(found, RelationType.RIVALRY, "Alpha Liberation Front", "Pakistan")


@pytest.mark.slow
def test_state_actors_possessive_leaves_a_name_of_its_own(contexts: Contexts) -> None:
    text = "Pakistan's Alpha Liberation Front claimed it."
    mentions = [m for c in contexts(text) for m in c.mentions]
    assert not any(m.role is Role.STATE for m in mentions), mentions


@pytest.mark.slow
def test_state_actors_named_by_the_country_state_record(
    contexts: Contexts, gazetteer: Gazetteer, places: PlaceTable
) -> None:
    government = ActorRecord(
        "org:pk-government", "Government of Pakistan", EntityKind.ORGANIZATION, "government",
        ("Pakistani government", "Pakistan"), "PK", place_names=("Pakistan",),
    )  # fmt: skip
    with_state = Gazetteer.from_records((*gazetteer.records, government))
    context = contexts("The ALF has fought Pakistan's government since 2009.")[0]
    mentions = EntityLinker(with_state, places).link(context.doc)
    states = [m for m in mentions if m.role is Role.STATE]
    assert [m.ref.name for m in states if m.ref] == ["Government of Pakistan"]


@pytest.mark.slow
def test_state_actors_possessive_named_as_the_record_its_words_name(contexts: Contexts) -> None:
    mentions = [m for c in contexts("The ALF has fought Pakistan's army since 2009.")
                for m in c.mentions if m.role is Role.STATE]  # fmt: skip
    assert [m.ref.name for m in mentions if m.ref] == ["Pakistan Army"]
