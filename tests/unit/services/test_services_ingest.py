"""The ingest use case over the memory store, with a scripted extractor (no spaCy)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from mosaic.errors import StoreBusyError
from mosaic.model import (
    Count,
    Distribution,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    Marking,
    RelationFinding,
    RelationType,
    Report,
    ReportExtraction,
    SubjectKind,
    Tlp,
)
from mosaic.services.ingest import BATCH_SIZE, STORE_ATTEMPTS, Outcome, ingest_paths
from mosaic.store.ports import EventQuery
from support.memory import MemoryRepository
from support.writers import IS, ISKP, JALALABAD


class ScriptedExtractor:
    """Finds one attack per report; its toll is the first number in the text."""

    name = "test.scripted.v1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def extract_many(
        self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[ReportExtraction]:
        for report in reports:
            self.seen.append(report.id)
            yield self._extract(report)

    def _extract(self, report: Report) -> ReportExtraction:
        evidence = Evidence(0, len(report.text), report.text)
        killed = int(re.findall(r"\d+", report.text)[0])
        attack = EventFinding(
            type=EventType.ATTACK,
            evidence=evidence,
            extractor=self.name,
            date=FuzzyDate(2016, 1, 13),
            country="AF",
            place=JALALABAD,
            perpetrators=(ISKP,),
            killed=Count.exactly(killed),
            attributed_to="police",
        )
        pledge = RelationFinding(
            RelationType.AFFILIATE_OF, ISKP, IS, evidence, self.name, start=FuzzyDate(2015, 1)
        )
        return ReportExtraction(report.id, self.name, events=[attack], relations=[pledge])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Attack on the consulate in Jalalabad\n17 people died.\n")
    (tmp_path / "b.txt").write_text("Jalalabad consulate toll rises\nThe toll rose to 19.\n")
    return tmp_path


def test_services_ingest_stores_reports_and_merges_one_event(folder: Path) -> None:
    repo = MemoryRepository()
    summary = ingest_paths(repo, ScriptedExtractor, [folder])
    assert summary.count(Outcome.STORED) == 2
    counts = repo.counts()
    assert counts["reports"] == 2
    assert counts["events"] == 1
    assert counts["relations"] == 1


def test_services_ingest_keeps_conflicting_tolls_side_by_side(folder: Path) -> None:
    repo = MemoryRepository()
    ingest_paths(repo, ScriptedExtractor, [folder])
    [event_id] = {s.subject_id for s in _event_statements(repo)}
    tolls = {
        json.loads(s.value)
        for s in repo.statements_about(SubjectKind.EVENT, event_id)
        if s.prop == "killed"
    }
    assert tolls == {17, 19}
    event = repo.get_event(event_id)
    assert event is not None and event.killed == Count.exactly(17)


def test_services_ingest_twice_changes_nothing_and_skips_extraction(folder: Path) -> None:
    repo = MemoryRepository()
    ingest_paths(repo, ScriptedExtractor, [folder])
    before = repo.counts()
    second = ScriptedExtractor()
    summary = ingest_paths(repo, lambda: second, [folder])
    assert summary.count(Outcome.DUPLICATE) == 2
    assert second.seen == []
    assert repo.counts() == before


def _owned_by(owner: str, tlp: Tlp = Tlp.AMBER) -> Callable[[Marking], Marking]:
    return lambda _: Marking(owner, tlp, Distribution.COMMUNITY)


def test_services_ingest_each_organisation_keeps_its_own_copy(folder: Path) -> None:
    repo = MemoryRepository()
    ingest_paths(repo, ScriptedExtractor, [folder], marking=_owned_by("alpha"))
    theirs = ingest_paths(repo, ScriptedExtractor, [folder], marking=_owned_by("bravo"))
    assert theirs.count(Outcome.STORED) == 2  # not "duplicate": alpha's copies stay unknown
    assert [o.near_duplicates for o in theirs.outcomes] == [(), ()]
    again = ingest_paths(repo, ScriptedExtractor, [folder], marking=_owned_by("bravo"))
    assert again.count(Outcome.DUPLICATE) == 2
    assert repo.counts()["reports"] == 4


def test_services_ingest_tells_the_near_duplicates_the_owner_may_see(folder: Path) -> None:
    repo = MemoryRepository()
    first = ingest_paths(repo, ScriptedExtractor, [folder], marking=_owned_by("alpha", Tlp.GREEN))
    theirs = ingest_paths(repo, ScriptedExtractor, [folder], marking=_owned_by("bravo"))
    shared = {o.report_id for o in first.outcomes}
    assert all(set(o.near_duplicates) <= shared and o.near_duplicates for o in theirs.outcomes)


AHRAR = EntityRef("Ahrar-ul-Canary", EntityKind.ORGANIZATION)
ISKP_ALIAS = EntityRef(ISKP.name, EntityKind.ORGANIZATION, aliases=("Wilayat Canary",))


class NewGroupExtractor(ScriptedExtractor):
    """The scripted attack, by a group no gazetteer lists and by ISKP (not as the gazetteer's
    record) under a new name."""

    def _extract(self, report: Report) -> ReportExtraction:
        found = super()._extract(report)
        perpetrators = (AHRAR, ISKP_ALIAS)
        return replace(found, events=[replace(e, perpetrators=perpetrators) for e in found.events])


def test_services_ingest_a_new_group_is_each_organisations_own(folder: Path) -> None:
    repo = MemoryRepository()
    ingest_paths(repo, ScriptedExtractor, [folder])  # ISKP, from the gazetteer, for everyone
    ingest_paths(repo, NewGroupExtractor, [folder], marking=_owned_by("alpha"))
    ingest_paths(repo, NewGroupExtractor, [folder], marking=_owned_by("bravo"))
    copies = {e.id: e.marking.owner for e in repo.find_entities_by_name("Ahrar-ul-Canary")}
    assert copies == {"org:ahrar-ul-canary@alpha": "alpha", "org:ahrar-ul-canary@bravo": "bravo"}
    iskp = repo.get_entity("org:iskp")
    assert iskp is not None and "Wilayat Canary" not in iskp.names  # told by AMBER reports


def test_services_ingest_a_fact_is_labelled_as_its_most_restrictive_source(
    folder: Path, tmp_path: Path
) -> None:
    repo = MemoryRepository()
    ingest_paths(repo, ScriptedExtractor, [folder], marking=_owned_by("alpha", Tlp.GREEN))
    later = tmp_path / "later"
    later.mkdir()
    (later / "c.txt").write_text("Jalalabad consulate attack: 21 dead, say officials.\n")
    ingest_paths(repo, ScriptedExtractor, [later], marking=_owned_by("bravo", Tlp.AMBER))
    [event] = repo.find_events(EventQuery())
    [relation] = repo.list_relations()
    for fact in (event, relation):
        assert (fact.marking.owner, fact.marking.tlp) == ("alpha", Tlp.AMBER)


def test_services_ingest_reports_bad_files_and_goes_on(folder: Path) -> None:
    (folder / "empty.txt").write_text("")
    notes = folder.parent / "notes.docx"
    notes.write_bytes(b"PK\x03\x04")
    repo = MemoryRepository()
    summary = ingest_paths(repo, ScriptedExtractor, [folder, notes])
    failed = {Path(o.source).name for o in summary.failures}
    assert failed == {"empty.txt", "notes.docx"}
    assert summary.count(Outcome.STORED) == 2


def test_services_ingest_failed_store_leaves_nothing(folder: Path) -> None:
    class Broken(ScriptedExtractor):
        def _extract(self, report: Report) -> ReportExtraction:
            extraction = super()._extract(report)
            bad = RelationFinding(
                RelationType.ALLIANCE,
                ISKP,
                IS,
                Evidence(0, 1, "x"),
                self.name,
                start=FuzzyDate(2015, 1),
            )
            extraction.relations.append(bad)
            extraction.relations.append(None)  # type: ignore[arg-type]
            return extraction

    repo = MemoryRepository()
    summary = ingest_paths(repo, Broken, [folder])
    assert [o.outcome for o in summary.outcomes] == [Outcome.FAILED] * 2
    assert summary.failures[0].error == (
        f"{folder / 'a.txt'}: could not be stored "
        "(AttributeError: 'NoneType' object has no attribute 'subject')"
    )
    assert repo.counts()["reports"] == 0
    assert repo.counts()["events"] == 0


class BusyRepository(MemoryRepository):
    """A store whose first `busy` transactions fail as if another writer held it too long."""

    def __init__(self, busy: int) -> None:
        super().__init__()
        self.busy = busy

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.busy:
            self.busy -= 1
            raise StoreBusyError("kb.db: database is locked")
        with super().transaction():
            yield


def test_services_ingest_tries_a_busy_store_again(folder: Path) -> None:
    repo = BusyRepository(busy=STORE_ATTEMPTS - 1)
    summary = ingest_paths(repo, ScriptedExtractor, [folder / "a.txt"])
    assert summary.count(Outcome.STORED) == 1 and repo.busy == 0


def test_services_ingest_gives_up_on_a_store_busy_at_every_attempt(folder: Path) -> None:
    repo = BusyRepository(busy=STORE_ATTEMPTS)
    with pytest.raises(StoreBusyError):
        ingest_paths(repo, ScriptedExtractor, [folder / "a.txt"])
    assert repo.counts()["reports"] == 0


def test_services_ingest_an_extraction_failure_fails_that_report_alone(folder: Path) -> None:
    class Choking(ScriptedExtractor):
        def _extract(self, report: Report) -> ReportExtraction:
            if "toll rose" in report.text:
                raise ValueError("[E088] Text of length 1100000 exceeds maximum")
            return super()._extract(report)

    repo = MemoryRepository()
    summary = ingest_paths(repo, Choking, [folder])
    assert [f.error for f in summary.failures] == [
        f"{folder / 'b.txt'}: extraction failed "
        "(ValueError: [E088] Text of length 1100000 exceeds maximum)"
    ]
    assert summary.count(Outcome.STORED) == 1 and repo.counts()["reports"] == 1


def test_services_ingest_reads_and_stores_one_batch_at_a_time(tmp_path: Path) -> None:
    files = 2 * BATCH_SIZE + 3
    for number in range(files):
        (tmp_path / f"r{number:04}.txt").write_text(f"Report {number}\n{number} died.\n")
    repo = MemoryRepository()
    stored_before: list[int] = []

    class Watching(ScriptedExtractor):
        def extract_many(
            self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
        ) -> Iterator[ReportExtraction]:
            batch = list(reports)
            assert len(batch) <= BATCH_SIZE and batch_size == BATCH_SIZE
            stored_before.append(repo.counts()["reports"])
            return super().extract_many(batch, n_process, batch_size)

    summary = ingest_paths(repo, Watching, [tmp_path])
    assert summary.count(Outcome.STORED) == files
    assert stored_before == [0, BATCH_SIZE, 2 * BATCH_SIZE]


def _event_statements(repo: MemoryRepository) -> list:  # type: ignore[type-arg]
    report_ids = [r.id for r in repo.list_reports()]
    return [
        s
        for report_id in report_ids
        for s in repo.statements_in_report(report_id)
        if s.subject_kind == SubjectKind.EVENT
    ]


def test_services_ingest_a_link_outside_the_folder_is_skipped_not_failed(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "passwd.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "passwd.txt").symlink_to(outside)
    repo = MemoryRepository()
    summary = ingest_paths(repo, ScriptedExtractor, [folder])
    [skipped] = [o for o in summary.outcomes if o.outcome is Outcome.SKIPPED]
    assert skipped.source == str(folder / "passwd.txt") and str(outside) in (skipped.error or "")
    assert summary.failures == [] and summary.count(Outcome.STORED) == 2
    assert all("root:x" not in r.text for r in repo.list_reports())
