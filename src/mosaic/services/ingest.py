"""The ingest use case: read files, skip duplicates, extract, resolve and store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Protocol

from mosaic.errors import InputError, StoreBusyError, StoreError
from mosaic.ingest import DEFAULT_MAX_BYTES, ReadFailure, read_all
from mosaic.ingest.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    minhash_signature,
)
from mosaic.model import Marking, Report, ReportExtraction, Visibility
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
    SKIPPED = "skipped"


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
# The longest text extraction takes in one piece: spaCy's `max_length`, which the
# pipeline keeps at its default (a parse needs about 1 GB per 100,000 characters).
MAX_TEXT_CHARS = 1_000_000
# How often a report's transaction is tried when other writers keep the store busy.
STORE_ATTEMPTS = 3


def ingest_paths(
    repo: Repository,
    load_extractor: Callable[[], Extractor],
    paths: Sequence[Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    processes: int = 1,
    on_outcome: Progress | None = None,
    marking: Callable[[Marking], Marking] | None = None,
) -> IngestSummary:
    """Ingest every readable report under `paths`; one transaction per report.

    Files are read as they are needed and reports go through extraction and
    storage a batch at a time, so memory does not grow with the folder. Failures
    are reported and the rest go on. The extractor is loaded only if there is
    something new to extract, so re-running an ingest is cheap.
    `marking` turns each new report's marking (from its file, or the default)
    into the one it is stored with; its facts take the report's.
    """
    summary = IngestSummary()

    def record(outcome: ReportOutcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    def skip(warning: InputError) -> None:
        record(ReportOutcome(Outcome.SKIPPED, warning.source, error=str(warning)))

    results = read_all(paths, published=published, max_bytes=max_bytes, on_skip=skip)
    extractor: Extractor | None = None
    fresh = _new_reports(repo, _marked(results, marking), record)  # each owner's own copies
    for batch in batched(fresh, BATCH_SIZE * max(processes, 1)):
        extractor = extractor or load_extractor()
        for outcome in extract_and_store(repo, extractor, batch, processes):
            record(outcome)
    return summary


def extract_and_store(
    repo: Repository, extractor: Extractor, reports: Sequence[Report], processes: int = 1
) -> Iterator[ReportOutcome]:
    """Extract `reports` together and store each; a report the extractor fails on fails alone."""
    try:
        extractions = list(
            extractor.extract_many(reports, n_process=processes, batch_size=BATCH_SIZE)
        )
    except Exception:
        for report in reports:
            yield from _extract_and_store_one(repo, extractor, report)
        return
    for report, extraction in zip(reports, extractions, strict=True):
        yield _store_or_fail(repo, report, extraction)


def _extract_and_store_one(
    repo: Repository, extractor: Extractor, report: Report
) -> Iterator[ReportOutcome]:
    try:
        (extraction,) = extractor.extract_many([report])
    except Exception as e:
        problem = f"extraction failed ({type(e).__name__}: {_one_line(e)})"
        yield _failed(InputError(report.source_path or report.id, problem))
        return
    yield _store_or_fail(repo, report, extraction)


def _store_or_fail(repo: Repository, report: Report, extraction: ReportExtraction) -> ReportOutcome:
    """The report stored, or failed alone when its findings cannot be stored.

    A StoreError (the knowledge base is unreachable or full) stops the run: every
    report after it would fail the same way.
    """
    try:
        return store_report(repo, report, extraction)
    except StoreError:
        raise
    except Exception as e:
        problem = f"could not be stored ({type(e).__name__}: {_one_line(e)})"
        return _failed(InputError(report.source_path or report.id, problem))


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or "no details"


def batched(items: Iterable[Report], size: int) -> Iterator[list[Report]]:
    """`items` in lists of `size` (the last may be shorter), taken as they come."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _marked(
    results: Iterable[Report | ReadFailure], marking: Callable[[Marking], Marking] | None
) -> Iterator[Report | ReadFailure]:
    for result in results:
        if marking is None or isinstance(result, ReadFailure):
            yield result
        else:
            yield replace(result, marking=marking(result.marking))


def _new_reports(
    repo: Repository, results: Iterable[Report | ReadFailure], record: Progress
) -> Iterator[Report]:
    seen: set[str] = set()
    for result in results:
        if isinstance(result, ReadFailure):
            record(_failed(result.error))
        elif len(result.text) > MAX_TEXT_CHARS:
            record(_failed(too_long(result)))
        elif result.content_hash in seen or repo.has_report(result.content_hash):
            record(ReportOutcome(Outcome.DUPLICATE, result.source_path or "", result.id))
        else:
            seen.add(result.content_hash)
            yield result


def too_long(report: Report) -> InputError:
    """The error of a report whose text is longer than extraction takes."""
    problem = (
        f"text is {len(report.text):,} characters, over the {MAX_TEXT_CHARS:,} that "
        "extraction takes in one report; split it into smaller files"
    )
    return InputError(report.source_path or report.id, problem)


def _failed(error: InputError) -> ReportOutcome:
    return ReportOutcome(Outcome.FAILED, error.source, error=str(error))


def store_report(repo: Repository, report: Report, extraction: ReportExtraction) -> ReportOutcome:
    """Store one report and everything found in it, all or nothing.

    A transaction that found the store busy past its wait (another writer held
    it too long) is tried again, up to STORE_ATTEMPTS times in all.
    """
    attempt = 1
    while True:
        try:
            return _store_report_once(repo, report, extraction)
        except StoreBusyError:
            if attempt >= STORE_ATTEMPTS:
                raise
            attempt += 1


def _store_report_once(
    repo: Repository, report: Report, extraction: ReportExtraction
) -> ReportOutcome:
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
        near_duplicates=tuple(_told_to_owner(repo, report, near)),
    )


def _told_to_owner(repo: Repository, report: Report, near: Sequence[NearDuplicate]) -> list[str]:
    """The near-duplicates the report's owner may see (through no sharing group, to be safe):
    the links to the others are kept but not told."""
    owner = Visibility(report.marking.owner)
    others = ((link.other_id, repo.get_report(link.other_id)) for link in near)
    return [i for i, other in others if other is not None and owner.admits(other.marking)]


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
