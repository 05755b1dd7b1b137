"""What every reader receives (a Source) and gives back (Reports or ReadFailures)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mosaic.errors import InputError
from mosaic.ingest.decode import check_no_surrogate, clean_title, normalise_text
from mosaic.model import Marking, Report
from mosaic.model.marking import DEFAULT_MARKING


@dataclass(frozen=True)
class ReadFailure:
    """One file (or one line of a JSONL file, one entry of a feed) that could not be read.

    Readers yield these instead of raising, so that one bad file in a folder of
    thousands is reported and the others are still read.
    """

    error: InputError

    def __str__(self) -> str:
        return str(self.error)


ReadResult = Report | ReadFailure


@dataclass(frozen=True)
class Source:
    """One file's bytes and the fallback date the caller gave for it."""

    path: Path
    data: bytes
    published: dt.date | None = None

    @property
    def name(self) -> str:
        """How messages and `Report.source_path` name the file."""
        return str(self.path)


Reader = Callable[[Source], Iterable[ReadResult]]


@dataclass(frozen=True)
class Fields:
    """What a file states about a report besides its text; None where it states nothing."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    marking: Marking = DEFAULT_MARKING


def build_report(
    source: Source,
    text: str,
    fields: Fields,
    media_type: str,
    *,
    source_path: str | None = None,
    original: bytes | None = None,
    line: int | None = None,
) -> Report:
    """A Report of normalised `text`; raise InputError when no text is left.

    The caller's fallback date applies only where the file states no date, and the
    original defaults to the whole file's bytes.
    """
    check_text_fields(source.name, text, fields, line)
    normalised = normalise_text(text)
    if not normalised:
        raise InputError(source.name, "no readable text", line=line)
    return Report(
        text=normalised,
        title=clean_title(fields.title),
        url=_clean(fields.url),
        publisher=clean_title(fields.publisher),
        published=fields.published or source.published,
        source_path=source_path or source.name,
        media_type=media_type,
        original=source.data if original is None else original,
        marking=fields.marking,
    )


def check_text_fields(source: str, text: str, fields: Fields, line: int | None = None) -> None:
    """Raise InputError when the text or a text field holds what cannot be stored as text."""
    named = {"text": text, "title": fields.title, "url": fields.url, "publisher": fields.publisher}
    for what, value in named.items():
        if value is not None:
            check_no_surrogate(value, source, f"'{what}'", line)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def unreadable(error: Exception) -> str:
    """The problem of a file, line or entry that a parsing library failed on unexpectedly."""
    return f"could not be read ({type(error).__name__}: {' '.join(str(error).split())})"
