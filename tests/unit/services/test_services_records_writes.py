"""Store writes (mosaic.services.records): unchanged entities and undated events cost no work."""

from __future__ import annotations

from collections.abc import Sequence

from mosaic.model import (
    Count,
    Entity,
    EntityKind,
    EntityRef,
    Event,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    Mention,
    Relation,
    RelationFinding,
    RelationType,
    Report,
    ReportExtraction,
    SubjectKind,
)
from mosaic.services.ingest import store_report
from support.memory import MemoryRepository

ISKP = EntityRef("Islamic State Khorasan Province", EntityKind.ORGANIZATION, key="org:iskp")


class CountingRepository(MemoryRepository):
    """The memory store, counting entity saves and merge-candidate reads."""

    def __init__(self) -> None:
        super().__init__()
        self.saved: list[str] = []
        self.candidate_reads = 0

    def save_entity(self, entity: Entity) -> None:
        self.saved.append(entity.id)
        super().save_entity(entity)

    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        self.candidate_reads += 1
        return super().event_merge_candidates(type, year)


def _store(repo: CountingRepository, text: str, ref: EntityRef, date: FuzzyDate | None) -> None:
    report = Report(text=text)
    mention = Mention(report.id, 0, 4, text[:4], "ORG", 0, len(text))
    finding = EventFinding(EventType.ATTACK, Evidence(0, len(text), text), "test.v1", date=date)
    extraction = ReportExtraction(report.id, "test.v1", mentions=[(mention, ref)], events=[finding])
    store_report(repo, report, extraction)


def test_services_records_rewrites_an_entity_only_when_it_changes() -> None:
    repo = CountingRepository()
    _store(repo, "ISKP struck a market.", ISKP, None)
    _store(repo, "ISKP struck again.", ISKP, None)
    assert repo.saved == ["org:iskp"]
    wider = EntityRef(ISKP.name, ISKP.kind, key=ISKP.key, aliases=("Wilayat Khorasan",))
    _store(repo, "ISKP struck a third time.", wider, None)
    assert repo.saved == ["org:iskp", "org:iskp"]
    stored = repo.get_entity("org:iskp")
    assert stored is not None and "Wilayat Khorasan" in stored.aliases


def test_services_records_undated_events_read_no_merge_candidates() -> None:
    repo = CountingRepository()
    _store(repo, "ISKP struck a market.", ISKP, None)
    assert repo.candidate_reads == 0
    _store(repo, "ISKP struck on 3 May 2021.", ISKP, FuzzyDate(2021, 5, 3))
    assert repo.candidate_reads == 1
    assert repo.counts()["events"] == 2


class WriteLog(MemoryRepository):
    """The memory store, logging name look-ups and event and relation writes."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups: list[str] = []
        self.events_saved: list[str] = []
        self.relations_saved: list[str] = []

    def find_entities_by_name(self, name: str) -> list[Entity]:
        self.lookups.append(name)
        return super().find_entities_by_name(name)

    def find_entities_by_names(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        self.lookups.append(f"batch of {len(names)}")
        return {name: super(WriteLog, self).find_entities_by_name(name) for name in names}

    def save_event(self, event: Event) -> None:
        self.events_saved.append(event.id)
        super().save_event(event)

    def save_relation(self, relation: Relation) -> None:
        self.relations_saved.append(relation.id)
        super().save_relation(relation)


def _extraction(
    report: Report,
    refs: list[EntityRef],
    events: Sequence[EventFinding] = (),
    relations: Sequence[RelationFinding] = (),
) -> ReportExtraction:
    mentions = [
        (Mention(report.id, 2 * i, 2 * i + 1, ref.name[:1], "ORG", 0, 9), ref)
        for i, ref in enumerate(refs)
    ]
    return ReportExtraction(report.id, "test.v1", mentions, list(events), list(relations))


def test_services_records_looks_names_up_in_one_batch() -> None:
    repo = WriteLog()
    ttp = EntityRef("Tehreek-i-Taliban Pakistan", EntityKind.ORGANIZATION, aliases=("TTP",))
    report = Report(text="ISKP and TTP were named.")
    store_report(repo, report, _extraction(report, [ISKP, ttp]))
    assert repo.lookups == ["batch of 3"]
    assert {e.id for e in repo.list_entities()} == {"org:iskp", "org:tehreek-i-taliban-pakistan"}


def test_services_records_a_later_ref_sees_the_entity_an_earlier_one_saved() -> None:
    """The look-ups read before linking are read again once a save may have changed them."""
    repo = WriteLog()
    unkeyed = EntityRef("ISKP", EntityKind.ORGANIZATION, aliases=(ISKP.name,))
    report = Report(text="ISKP, that is the Islamic State Khorasan Province, struck.")
    store_report(repo, report, _extraction(report, [ISKP, unkeyed]))
    assert [e.id for e in repo.list_entities()] == ["org:iskp"]
    stored = repo.get_entity("org:iskp")
    assert stored is not None and stored.aliases == ("ISKP",)
    assert repo.lookups[0] == "batch of 2" and ISKP.name in repo.lookups[1:]


def test_services_records_rewrites_no_event_or_relation_a_report_adds_nothing_to() -> None:
    repo = WriteLog()
    ttp = EntityRef("TTP", EntityKind.ORGANIZATION)
    writes = []
    for n, (killed, start) in enumerate([(None, None), (None, None), (Count(4, 4), 2019)]):
        report = Report(text=f"ISKP struck on 3 May 2021, report {n}.")
        evidence = Evidence(0, 9, report.text)
        attack = EventFinding(
            EventType.ATTACK,
            evidence,
            "test.v1",
            date=FuzzyDate(2021, 5, 3),
            perpetrators=(ISKP,),
            killed=killed,
        )
        rivals = RelationFinding(
            RelationType.RIVALRY,
            ttp,
            ISKP,
            evidence,
            "test.v1",
            start=FuzzyDate(start) if start else None,
        )
        store_report(repo, report, _extraction(report, [ISKP], [attack], [rivals]))
        writes.append((len(repo.events_saved), len(repo.relations_saved)))
    assert writes == [(1, 1), (1, 1), (2, 2)]  # the second report changed nothing
    assert len(set(repo.events_saved)) == 1 and len(set(repo.relations_saved)) == 1
    event = repo.get_event(repo.events_saved[0])
    assert event is not None and event.killed == Count(4, 4)
    relation = repo.get_relation(repo.relations_saved[0])
    assert relation is not None and relation.start == FuzzyDate(2019)
    assert len(repo.statements_about(SubjectKind.EVENT, event.id)) == 3 * 3 + 1
