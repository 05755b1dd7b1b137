"""The Repository contract for bulk saves: `save_entities`, `save_events` and `save_relations`
leave the store as saving each record in turn would (see conftest's `repo`)."""

from __future__ import annotations

from typing import Any

from mosaic.model import (
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    Relation,
    RelationType,
    Statement,
    SubjectKind,
    Tlp,
    Visibility,
)
from mosaic.store.ports import EventQuery, Repository

SECRET = Marking(owner="partner", tlp=Tlp.AMBER)


def entity(id: str, name: str, *aliases: str) -> Entity:
    return Entity(id=id, kind=EntityKind.ORGANIZATION, name=name, aliases=aliases)


def event(id: str, date: str, **fields: Any) -> Event:
    return Event(id=id, type=EventType.ATTACK, date=FuzzyDate.parse(date), **fields)


def relation(id: str, start: str | None, end: str | None, object_id: str = "grp-b") -> Relation:
    return Relation(
        id=id,
        type=RelationType.ALLEGIANCE,
        subject_id="grp-a",
        object_id=object_id,
        start=FuzzyDate.parse(start) if start else None,
        end=FuzzyDate.parse(end) if end else None,
    )


def statement(subject_id: str, marking: Marking) -> Statement:
    return Statement(
        subject_kind=SubjectKind.EVENT,
        subject_id=subject_id,
        prop="killed",
        value="5",
        report_id="r-1",
        start=0,
        end=10,
        sentence="Five people were killed.",
        extractor="mosaic.events.v1",
        marking=marking,
    )


def test_store_save_entities_stores_each_with_its_names(repo: Repository) -> None:
    repo.save_entities(
        [entity("org:a", "Alpha Front", "AF"), entity("org:b", "Beta Brigade", "Beta")]
    )
    assert [e.id for e in repo.find_entities_by_name("af")] == ["org:a"]
    assert [e.id for e in repo.find_entities_by_name("BETA")] == ["org:b"]
    assert set(repo.get_entities(["org:a", "org:b"])) == {"org:a", "org:b"}


def test_store_save_entities_rewrites_names_and_keeps_the_last_of_one_id(repo: Repository) -> None:
    repo.save_entities([entity("org:a", "Alpha Front", "AF"), entity("org:b", "Beta Brigade")])
    renamed = entity("org:a", "Alpha Front", "Alpha Movement")
    repo.save_entities([entity("org:a", "Alpha Front", "Old Alpha"), renamed])
    assert repo.get_entity("org:a") == renamed
    assert repo.find_entities_by_name("AF") == []
    assert repo.find_entities_by_name("Old Alpha") == []
    assert repo.find_entities_by_name("Alpha Movement") == [renamed]
    assert [e.id for e in repo.find_entities_by_name("Beta Brigade")] == ["org:b"]


def test_store_save_entities_of_none_writes_nothing(repo: Repository) -> None:
    repo.save_entities([])
    repo.save_events([])
    repo.save_relations([])
    assert repo.list_entities() == [] and repo.list_relations() == []
    assert repo.count_events(EventQuery()) == 0


def test_store_save_events_rewrites_participants_and_keeps_the_last(repo: Repository) -> None:
    repo.save_events([event("e1", "2016-01-13", perpetrators=("g1",)), event("e2", "2016-02-01")])
    last = event("e1", "2016-01-13", perpetrators=("g2",), country="PK")
    repo.save_events([event("e1", "2016-01-13", perpetrators=("g3",)), last])
    assert repo.get_event("e1") == last
    assert repo.find_events(EventQuery(participant_ids=("g1",))) == []
    assert repo.find_events(EventQuery(participant_ids=("g3",))) == []
    assert [e.id for e in repo.find_events(EventQuery(participant_ids=("g2",)))] == ["e1"]
    assert repo.count_events(EventQuery()) == 2


def test_store_save_relations_keeps_the_last_of_one_id(repo: Repository) -> None:
    first = relation("r1", "2014", None)
    repo.save_relations([first, relation("r2", None, None, object_id="grp-c")])
    wider = relation("r1", "2012", "2016")
    repo.save_relations([wider])
    assert repo.get_relation("r1") == wider
    assert repo.find_relation(RelationType.ALLEGIANCE, "grp-a", "grp-b") == wider
    assert {r.id for r in repo.list_relations()} == {"r1", "r2"}


def test_store_bulk_saves_name_the_markings_of_statements_already_stored(
    repo: Repository,
) -> None:
    """A fact saved after the statements behind it is seen as they allow: here, only by
    their owner."""
    repo.add_statements([statement(subject_id="e1", marking=SECRET)])
    repo.save_events([event("e1", "2016-01-13"), event("e2", "2016-01-14")])
    owner, outsider = Visibility(SECRET.owner), Visibility("elsewhere")
    assert "e1" in [e.id for e in repo.find_events(EventQuery(visibility=owner))]
    assert "e1" not in [e.id for e in repo.find_events(EventQuery(visibility=outsider))]
