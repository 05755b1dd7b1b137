"""The ingest use case: read files, skip duplicates, extract, resolve and store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from mosaic.errors import InputError
from mosaic.ingest import DEFAULT_MAX_BYTES, ReadFailure, read_all
from mosaic.ingest.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    minhash_signature,
)
from mosaic.model import Report, ReportExtraction
from mosaic.services.records import store_findings
from mosaic.store.ports import NearDuplicate, Repository


class Extractor(Protocol):
    """The extraction port: what ingest needs of the NLP pipeline."""

    name: str

    def extract_many(
        self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[ReportExtraction]: ...


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class ReportOutcome:
    """What happened to one input: stored (with counts), skipped as a duplicate, or failed."""

    outcome: Outcome
    source: str
    report_id: str | None = None
    events: int = 0
    relations: int = 0
    near_duplicates: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class IngestSummary:
    outcomes: list[ReportOutcome] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome)

    @property
    def failures(self) -> list[ReportOutcome]:
        return [o for o in self.outcomes if o.outcome is Outcome.FAILED]


Progress = Callable[[ReportOutcome], None]

# Reports are read, extracted and stored in batches: enough to keep spaCy's
# batching efficient, few enough that memory stays flat on large folders.
BATCH_SIZE = 64


def ingest_paths(
    repo: Repository,
    load_extractor: Callable[[], Extractor],
    paths: Sequence[Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    processes: int = 1,
    on_outcome: Progress | None = None,
) -> IngestSummary:
    """Ingest every readable report under `paths`; one transaction per report.

    Failures are reported and the rest go on. The extractor is loaded only if
    there is something new to extract, so re-running an ingest is cheap.
    """
    summary = IngestSummary()

    def record(outcome: ReportOutcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    fresh = list(
        _new_reports(repo, read_all(paths, published=published, max_bytes=max_bytes), record)
    )
    if fresh:
        extractor = load_extractor()
        extractions = extractor.extract_many(fresh, n_process=processes)
        for report, extraction in zip(fresh, extractions, strict=True):
            record(store_report(repo, report, extraction))
    return summary


def _new_reports(
    repo: Repository, results: Iterable[Report | ReadFailure], record: Progress
) -> Iterator[Report]:
    seen: set[str] = set()
    for result in results:
        if isinstance(result, ReadFailure):
            record(_failed(result.error))
        elif result.content_hash in seen or repo.has_report(result.content_hash):
            record(ReportOutcome(Outcome.DUPLICATE, result.source_path or "", result.id))
        else:
            seen.add(result.content_hash)
            yield result


def _failed(error: InputError) -> ReportOutcome:
    return ReportOutcome(Outcome.FAILED, error.source, error=str(error))


def store_report(repo: Repository, report: Report, extraction: ReportExtraction) -> ReportOutcome:
    """Store one report and everything found in it, all or nothing."""
    signature = minhash_signature(report.text)
    with repo.transaction():
        if repo.has_report(report.content_hash):
            return ReportOutcome(Outcome.DUPLICATE, report.source_path or "", report.id)
        near = _near_duplicates(repo, report.id, signature)
        repo.add_report(report, signature)
        for link in near:
            repo.link_near_duplicate(link)
        stored = store_findings(repo, report, extraction)
    return ReportOutcome(
        Outcome.STORED,
        report.source_path or "",
        report.id,
        events=len(stored.events),
        relations=len(stored.relations),
        near_duplicates=tuple(link.other_id for link in near),
    )


def _near_duplicates(
    repo: Repository, report_id: str, signature: Sequence[int]
) -> list[NearDuplicate]:
    """Stored reports the signature resembles: band-index candidates, each checked in full."""
    links = []
    for other_id, other_signature in repo.near_duplicate_candidates(signature):
        similarity = estimated_similarity(signature, other_signature)
        if similarity >= NEAR_DUPLICATE_THRESHOLD:
            links.append(NearDuplicate(report_id, other_id, round(similarity, 3)))
    return links
