"""PDF documents: the text of every page, title and date from the document's metadata."""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.generic import ArrayObject, PdfObject, StreamObject

from mosaic.errors import InputError
from mosaic.ingest.dates import parse_published
from mosaic.ingest.decode import first_line_title, normalise_text
from mosaic.ingest.source import Fields, ReadResult, Source, build_report

MEDIA_TYPE = "application/pdf"
_PYPDF_LOGGER = "pypdf"
# Budgets per file. Text extraction parses every page's content streams, and pages
# may share one stream: 2,000 pages over one 4 MB stream parse 8 GB. The content
# budget counts a shared stream once per page and is checked before any page is
# read; the time budget is checked between pages.
MAX_CONTENT_BYTES = 32 * 1024 * 1024
MAX_SECONDS = 60.0


def read_pdf(source: Source) -> list[ReadResult]:
    """One report of all pages' text, pages separated by a blank line."""
    if b"%PDF-" not in source.data[:1024]:
        raise InputError(source.name, "not a readable PDF (no %PDF- header)")
    with _quiet_pypdf():
        reader, pages = _open(source)
        text = "\n\n".join(pages)
        if not normalise_text(text):
            raise InputError(source.name, "PDF has no extractable text (a scan needs OCR first)")
        fields = _metadata_fields(reader, text)
    return [build_report(source, text, fields, MEDIA_TYPE)]


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes to a damaged file; the reader reports errors itself."""
    logger = logging.getLogger(_PYPDF_LOGGER)
    level = logger.level
    logger.setLevel(logging.ERROR + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(source: Source) -> tuple[PdfReader, list[str]]:
    """The reader and each page's text; any failure of pypdf names the file.

    pypdf raises many exception types on damaged files (its own, and ValueError,
    KeyError or others from deep inside), so all of them are read as damage.
    """
    try:
        reader = PdfReader(io.BytesIO(source.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source.name, "not a readable PDF (encrypted with a password)")
        _check_content_size(reader, source.name)
        return reader, _page_texts(reader, source.name)
    except InputError:
        raise
    except Exception as e:
        problem = f"not a readable PDF ({type(e).__name__}: {_one_line(e)})"
        raise InputError(source.name, problem) from e


def _check_content_size(reader: PdfReader, source: str) -> None:
    """Refuse a PDF whose pages hold more content, all told, than MAX_CONTENT_BYTES."""
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        total += _content_bytes(page.get("/Contents"))
        if total > MAX_CONTENT_BYTES:
            problem = (
                f"PDF pages hold over {MAX_CONTENT_BYTES // (1024 * 1024)} MiB of content "
                f"by page {number} of {len(reader.pages)}, over the budget for one file"
            )
            raise InputError(source, problem)


def _content_bytes(contents: object) -> int:
    """The decoded size of a page's content streams (a stream, or an array of them)."""
    resolved = contents.get_object() if isinstance(contents, PdfObject) else contents
    if isinstance(resolved, ArrayObject):
        return sum(_content_bytes(item) for item in resolved)
    if isinstance(resolved, StreamObject):
        return len(resolved.get_data())
    return 0


def _page_texts(reader: PdfReader, source: str) -> list[str]:
    """Each page's text, refused when extraction runs past MAX_SECONDS."""
    deadline = time.monotonic() + MAX_SECONDS
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        if time.monotonic() > deadline:
            problem = (
                f"PDF text extraction ran over {MAX_SECONDS:.0f} s "
                f"(at page {number} of {len(reader.pages)}), over the budget for one file"
            )
            raise InputError(source, problem)
        texts.append(page.extract_text() or "")
    return texts


def _metadata_fields(reader: PdfReader, text: str) -> Fields:
    """Title and creation date from the metadata; the first short line stands in for a title.

    A creation date that does not parse is passed over: producers write it, not authors.
    """
    try:
        metadata = reader.metadata
        title = metadata.get("/Title") if metadata is not None else None
        created = metadata.get("/CreationDate") if metadata is not None else None
    except Exception:
        return Fields(title=first_line_title(normalise_text(text)))
    title_text = str(title).strip() if title else ""
    return Fields(
        title=title_text or first_line_title(normalise_text(text)),
        published=_creation_date(created),
    )


def _creation_date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_published(str(value), "PDF metadata")
    except InputError:
        return None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or "no details"
