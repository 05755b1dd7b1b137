"""Readers that turn files (text, Markdown, HTML, PDF, JSONL, RSS/Atom) into Reports.

Reading never raises for bad input: each file, JSONL line or feed entry that
cannot be read gives a ReadFailure whose error names it and the problem.
"""

from mosaic.ingest.dates import parse_published
from mosaic.ingest.files import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_EXTENSIONS,
    iter_input_files,
    read_all,
    read_reports,
)
from mosaic.ingest.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    is_near_duplicate,
    minhash_signature,
)
from mosaic.ingest.source import ReadFailure, ReadResult

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NEAR_DUPLICATE_THRESHOLD",
    "SUPPORTED_EXTENSIONS",
    "ReadFailure",
    "ReadResult",
    "estimated_similarity",
    "is_near_duplicate",
    "iter_input_files",
    "minhash_signature",
    "parse_published",
    "read_all",
    "read_reports",
]
