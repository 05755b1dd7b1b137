"""Concurrent writers for the store tests: an extractor whose findings share entities,
and a process that ingests a folder of generated reports (`python -m support.writers`).

Every report names the same groups and place, so that concurrent writers update the
same entity rows and not only their own reports.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    RelationFinding,
    RelationType,
    Report,
    ReportExtraction,
)
from mosaic.services.ingest import Outcome, ingest_paths
from mosaic.store.sql import open_repository

ISKP = EntityRef("Islamic State Khorasan Province", EntityKind.ORGANIZATION, key="org:iskp")
IS = EntityRef("Islamic State", EntityKind.ORGANIZATION, key="org:islamic-state")
JALALABAD = EntityRef("Jalalabad", EntityKind.PLACE, key="place:af:jalalabad", country="AF")


class SharedEntityExtractor:
    """Finds one attack by ISKP in Jalalabad and ISKP's pledge to IS in every report."""

    name = "test.shared.v1"

    def extract_many(
        self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[ReportExtraction]:
        for report in reports:
            yield self._extract(report)

    def _extract(self, report: Report) -> ReportExtraction:
        evidence = Evidence(0, len(report.text), report.text)
        attack = EventFinding(
            type=EventType.ATTACK,
            evidence=evidence,
            extractor=self.name,
            date=FuzzyDate(2016, 1, 13),
            country="AF",
            place=JALALABAD,
            perpetrators=(ISKP,),
            killed=Count.exactly(len(report.text) % 50),
        )
        pledge = RelationFinding(
            RelationType.AFFILIATE_OF, ISKP, IS, evidence, self.name, start=FuzzyDate(2015, 1)
        )
        return ReportExtraction(report.id, self.name, events=[attack], relations=[pledge])


def report_text(prefix: str, number: int) -> str:
    """A distinct report text: no two writers' reports are duplicates or near-duplicates."""
    words = " ".join(f"{prefix}{number}w{i}" for i in range(40))
    return f"Attack in Jalalabad {prefix} {number}\n\nISKP gunmen struck. {words}\n"


def write_folder(folder: Path, prefix: str, count: int) -> Path:
    """`count` distinct report files in `folder`, which is created."""
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"{prefix}-{number:03}.txt").write_text(report_text(prefix, number))
    return folder


def main(url: str, folder: str) -> int:
    """Ingest `folder` into `url`; the exit status is 0 only if every report was stored."""
    repo = open_repository(url)
    try:
        summary = ingest_paths(repo, SharedEntityExtractor, [Path(folder)])
    finally:
        repo.close()
    for failure in summary.failures:
        print(failure.error, file=sys.stderr)
    return 0 if summary.count(Outcome.STORED) == len(summary.outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
