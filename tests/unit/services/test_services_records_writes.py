"""Store writes (mosaic.services.records): unchanged entities and undated events cost no work."""

from __future__ import annotations

from mosaic.model import (
    Entity,
    EntityKind,
    EntityRef,
    Event,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    Mention,
    Report,
    ReportExtraction,
)
from mosaic.services.ingest import store_report
from mosaic.store.memory import MemoryRepository

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
