"""Extractors that stand in for the spaCy pipeline where a test only needs reports stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mosaic.model import Report, ReportExtraction


class EmptyExtractor:
    """Finds nothing: enough to test that ingest stores reports through the service."""

    name = "empty.v1"

    def extract_many(
        self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[ReportExtraction]:
        for report in reports:
            yield ReportExtraction(report.id, self.name)
