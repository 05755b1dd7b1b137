"""Plain text files: the whole file is the report, its first short line the title."""

from __future__ import annotations

from mosaic.ingest.decode import decode_text, first_line_title, normalise_text
from mosaic.ingest.source import Fields, ReadResult, Source, build_report

MEDIA_TYPE = "text/plain"


def read_text(source: Source) -> list[ReadResult]:
    """One report of the file's text; the first non-empty line is its title if short."""
    text = decode_text(source.data, source.name)
    title = first_line_title(normalise_text(text))
    return [build_report(source, text, Fields(title=title), MEDIA_TYPE)]
