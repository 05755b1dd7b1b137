"""What one report writes, held (mosaic.services.report_writes): reads answer as the store
would after the writes, and `write` stores everything in one bulk save per table."""

from __future__ import annotations

from collections.abc import Sequence

from mosaic.model import (
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Relation,
    RelationType,
    Statement,
)
from mosaic.services.report_writes import ReportWrites
from support.memory import MemoryRepository


class BulkLog(MemoryRepository):
    """The memory store, logging bulk saves and merge-candidate reads."""

    def __init__(self) -> None:
        super().__init__()
        self.bulk: list[tuple[str | int, ...]] = []
        self.candidate_reads = 0

    def save_entities(self, entities: Sequence[Entity]) -> None:
        self.bulk.append(("entities", len(entities)))
        super().save_entities(entities)

    def save_records(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        relations: Sequence[Relation],
        statements: Sequence[Statement],
    ) -> None:
        self.bulk.append(("records", len(entities), len(events), len(relations), len(statements)))
        super().save_records(entities, events, relations, statements)

    def records_saved(self) -> list[tuple[str | int, ...]]:
        return [logged[1:] for logged in self.bulk if logged[0] == "records"]

    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        self.candidate_reads += 1
        return super().event_merge_candidates(type, year)


def _event(id: str, date: FuzzyDate | None, type: EventType = EventType.ATTACK) -> Event:
    return Event(id=id, type=type, date=date)


def _relation(id: str, subject: str, object_: str, type: RelationType) -> Relation:
    return Relation(id=id, type=type, subject_id=subject, object_id=object_)


def test_report_writes_store_nothing_until_written_then_all_in_one_save() -> None:
    repo = BulkLog()
    writes = ReportWrites(repo)
    writes.save_entity(Entity(id="org:a", kind=EntityKind.ORGANIZATION, name="Alpha Front"))
    writes.save_event(_event("e1", FuzzyDate(2021, 5, 3)))
    writes.save_event(_event("e2", None))
    writes.save_relation(_relation("r1", "org:a", "org:b", RelationType.RIVALRY))
    assert repo.bulk == [] and repo.counts()["events"] == 0
    writes.write()
    assert repo.records_saved() == [(1, 2, 1, 0)]
    assert repo.get_event("e2") == _event("e2", None)
    writes.write()
    assert repo.records_saved()[1:] == [(0, 0, 0, 0)]  # nothing held is written twice


def test_report_writes_a_held_event_is_a_merge_candidate_in_its_year_only() -> None:
    repo = BulkLog()
    repo.save_event(_event("e-stored", FuzzyDate(2021, 1, 9)))
    writes = ReportWrites(repo)
    writes.save_event(_event("e-held", FuzzyDate(2021, 5, 3)))
    writes.save_event(_event("e-undated", None))
    writes.save_event(_event("e-arrest", FuzzyDate(2021, 5, 3), EventType.ARREST))
    found = writes.event_merge_candidates(EventType.ATTACK, 2021)
    assert [e.id for e in found] == ["e-held", "e-stored"]
    assert writes.event_merge_candidates(EventType.ATTACK, 2020) == []
    writes.event_merge_candidates(EventType.ATTACK, 2021)
    assert repo.candidate_reads == 2  # once per type and year


def test_report_writes_a_held_event_replaces_its_stored_self() -> None:
    repo = BulkLog()
    repo.save_event(_event("e1", FuzzyDate(2021)))
    writes = ReportWrites(repo)
    writes.event_merge_candidates(EventType.ATTACK, 2021)
    refined = Event(id="e1", type=EventType.ATTACK, date=FuzzyDate(2021, 5, 3), country="PK")
    writes.save_event(refined)
    (found,) = writes.event_merge_candidates(EventType.ATTACK, 2021)
    assert found == refined and found is not refined  # a copy, as the store reads
    moved = _event("e1", FuzzyDate(2022, 1, 1))
    writes.save_event(moved)
    assert writes.event_merge_candidates(EventType.ATTACK, 2021) == []


def test_report_writes_find_a_held_relation_either_way_when_symmetric() -> None:
    repo = BulkLog()
    writes = ReportWrites(repo)
    rivals = _relation("r1", "org:a", "org:b", RelationType.RIVALRY)
    writes.save_relation(rivals)
    assert writes.find_relation(RelationType.RIVALRY, "org:b", "org:a") == rivals
    assert writes.find_relation(RelationType.ALLIANCE, "org:a", "org:b") is None
    allegiance = _relation("r2", "org:a", "org:b", RelationType.ALLEGIANCE)
    writes.save_relation(allegiance)
    assert writes.find_relation(RelationType.ALLEGIANCE, "org:b", "org:a") is None


def test_report_writes_a_held_relation_takes_the_place_of_its_stored_self() -> None:
    repo = BulkLog()
    stored = _relation("r1", "org:a", "org:b", RelationType.RIVALRY)
    repo.save_relation(stored)
    writes = ReportWrites(repo)
    wider = Relation(
        id="r1",
        type=RelationType.RIVALRY,
        subject_id="org:a",
        object_id="org:b",
        start=FuzzyDate(2019),
    )
    writes.save_relation(wider)
    assert writes.find_relation(RelationType.RIVALRY, "org:a", "org:b") == wider
    assert repo.find_relation(RelationType.RIVALRY, "org:a", "org:b") == stored


def test_report_writes_the_way_asked_first_when_both_are_held() -> None:
    repo = BulkLog()
    writes = ReportWrites(repo)
    writes.save_relation(_relation("r-z", "org:a", "org:b", RelationType.RIVALRY))
    writes.save_relation(_relation("r-a", "org:b", "org:a", RelationType.RIVALRY))
    found = writes.find_relation(RelationType.RIVALRY, "org:a", "org:b")
    assert found is not None and found.id == "r-z"


def test_report_writes_write_held_entities_before_reading_one() -> None:
    repo = BulkLog()
    writes = ReportWrites(repo)
    alpha = Entity(id="org:a", kind=EntityKind.ORGANIZATION, name="Alpha Front")
    writes.save_entity(alpha)
    assert writes.get_entity("org:b") is None and repo.bulk == []
    assert writes.get_entity("org:a") == alpha
    assert repo.bulk == [("entities", 1)]
