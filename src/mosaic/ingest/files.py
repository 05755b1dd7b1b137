"""Files to reports: folder walking, size checks and the choice of reader by extension."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from mosaic.errors import InputError
from mosaic.ingest.feeds import read_feed
from mosaic.ingest.html import read_html
from mosaic.ingest.jsonl import read_jsonl
from mosaic.ingest.markdown import read_markdown
from mosaic.ingest.pdf import read_pdf
from mosaic.ingest.source import Reader, ReadFailure, ReadResult, Source, unreadable
from mosaic.ingest.text import read_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}
SUPPORTED_EXTENSIONS = tuple(sorted(READERS))


def iter_input_files(
    paths: Sequence[Path], on_skip: Callable[[InputError], None] | None = None
) -> Iterator[Path]:
    """The files named in `paths`, with folders expanded recursively in sorted order.

    A file named outright is kept whatever its extension or state, so that reading
    it reports what is wrong. Inside folders, hidden entries and files of
    unsupported types are skipped: a saved web page's folder of scripts and images
    is not worth a failure per file. A link inside a folder that leads outside it
    is skipped too, and `on_skip` hears of it: a folder of downloads must not
    carry `/etc/passwd` into the knowledge base.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, path.resolve(), set(), on_skip or _ignore)
        else:
            yield path


def read_all(
    paths: Sequence[Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_skip: Callable[[InputError], None] | None = None,
) -> Iterator[ReadResult]:
    """Every report (or failure) of every file that `iter_input_files` finds in `paths`."""
    for path in iter_input_files(paths, on_skip):
        yield from read_reports(path, published=published, max_bytes=max_bytes)


def read_reports(
    path: Path,
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """The reports of one file; bad input gives ReadFailures, never an exception.

    `published` is the date for reports whose file states none. An unexpected
    error of a parsing library is reported as a failure of that file too, so that
    one odd file does not stop a batch of thousands.
    """
    try:
        _check_is_file(path)
        reader = _reader_for(path)
        source = Source(path, _read_bytes(path, max_bytes), published)
        yield from reader(source)
    except InputError as e:
        yield ReadFailure(e)
    except Exception as e:
        yield ReadFailure(InputError(str(path), unreadable(e)))


def _check_is_file(path: Path) -> None:
    if path.is_dir():
        if os.access(path, os.R_OK | os.X_OK):
            raise InputError(str(path), "is a folder, not a file")
        raise InputError(str(path), "is a folder that cannot be read (permission denied)")
    if not path.exists():
        raise InputError(str(path), "no such file")


def _reader_for(path: Path) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise InputError(str(path), f"unsupported file type {kind} (supported: {supported})")
    return reader


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused when missing, unreadable, empty or over `max_bytes`."""
    name = str(path)
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > max_bytes:
                raise InputError(
                    name, f"file is {_size(size)}, over the limit of {_size(max_bytes)}"
                )
            data = file.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise InputError(name, "no such file") from e
    except PermissionError as e:
        raise InputError(name, "cannot read file (permission denied)") from e
    except OSError as e:
        raise InputError(name, f"cannot read file ({e.strerror or e})") from e
    if len(data) > max_bytes:
        raise InputError(name, f"file is over the limit of {_size(max_bytes)}")
    if not data:
        raise InputError(name, "empty file")
    return data


def _walk(
    folder: Path, root: Path, seen: set[Path], on_skip: Callable[[InputError], None]
) -> Iterator[Path]:
    """Supported, non-hidden files under `folder` inside `root`; each real folder once."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        yield folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not entry.resolve().is_relative_to(root):
            on_skip(_outside(entry, root))
        elif entry.is_dir():
            yield from _walk(entry, root, seen, on_skip)
        elif entry.suffix.lower() in READERS:
            yield entry


def _outside(link: Path, root: Path) -> InputError:
    problem = f"skipped: a link to {link.resolve()}, outside the folder {root} being read"
    return InputError(str(link), problem)


def _ignore(_error: InputError) -> None:
    return None


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count:,} bytes"
    return f"{count / (1024 * 1024):.1f} MiB ({count:,} bytes)"
