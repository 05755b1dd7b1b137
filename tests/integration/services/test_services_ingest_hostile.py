"""Hostile files in a batch: each gets its one-line error, and nothing else is lost.

Every case ingests, into one SQLite file, a report first, then a folder holding the
hostile file between two good ones. What must hold: the errors are exactly the
expected lines, the report stored before is still there unchanged, the good files
(and the good lines or entries of the hostile file) are stored.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from mosaic.model import Report, ReportExtraction
from mosaic.services.ingest import Outcome, ingest_paths
from mosaic.store.sql import SqlRepository, open_repository
from support.writers import SharedEntityExtractor

# Generous on two shared cores; the hostile files took minutes or hung before.
BUDGET_SECONDS = 120


class ChokingExtractor(SharedEntityExtractor):
    """Fails on a report that says CHOKE, as spaCy fails on what it cannot parse."""

    def _extract(self, report: Report) -> ReportExtraction:
        if "CHOKE" in report.text:
            raise ValueError("[E088] the parser gave up")
        return super()._extract(report)


@dataclass(frozen=True)
class Hostile:
    """A hostile file: its name, how to write it, its errors and how many reports it yields."""

    name: str
    write: Callable[[Path], None]
    errors: tuple[str, ...]
    stored: int = 0


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _long_text(path: Path) -> None:
    paragraph = "Gunmen attacked a checkpoint near Quetta on Monday. " * 20
    path.write_text("\n\n".join([paragraph.strip()] * 1060))


def _shared_stream_pdf(path: Path) -> None:
    writer = PdfWriter()
    line = b"BT /F1 12 Tf 72 720 Td (Gunmen attacked a post.) Tj ET\n"
    stream = DecodedStreamObject()
    stream.set_data(line * (4 * 1024 * 1024 // len(line)))
    shared = writer._add_object(stream.flate_encode())
    for _ in range(2_000):
        writer.add_blank_page(width=612, height=792)[NameObject("/Contents")] = shared
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())


def _link_outside(path: Path) -> None:
    target = path.parent.parent / "passwd"
    target.write_text("root:x:0:0:root:/root:/bin/bash\n")
    path.symlink_to(target)


def _feed(title: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><description>Entry {n} on {t}.</description></item>"
        for n, t in enumerate(["Good one", title, "Good two"])
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


CASES = [
    Hostile(
        "long.txt",
        _long_text,
        (
            "{f}: text is 1,103,458 characters, over the 1,000,000 that extraction takes in "
            "one report; split it into smaller files",
        ),
    ),
    Hostile(
        "title.jsonl",
        _bytes(b'{"text": "Line one."}\n{"title": "\\ud800", "text": "Two."}\n{"text": "Three."}'),
        ("{f}:2: 'title' holds a lone surrogate (U+D800) at character 0, which is not text",),
        stored=2,
    ),
    Hostile(
        "text.jsonl",
        _bytes(b'{"text": "Line one."}\n{"text": "Two \\udc00."}\n{"text": "Three."}'),
        ("{f}:2: 'text' holds a lone surrogate (U+DC00) at character 4, which is not text",),
        stored=2,
    ),
    Hostile("surrogate.rss", _bytes(_feed("Bad &#55296; title")), (), stored=3),
    Hostile(
        "front.md",
        _bytes(b"---\npublished: 0000-01-01\n---\nA body."),
        ("{f}: invalid value in YAML front matter (year 0 is out of range)",),
    ),
    Hostile(
        "shared.pdf",
        _shared_stream_pdf,
        (
            "{f}: PDF pages hold over 32 MiB of content by page 9 of 2000, "
            "over the budget for one file",
        ),
    ),
    Hostile(
        "choke.txt",
        _bytes(b"CHOKE on this report."),
        ("{f}: extraction failed (ValueError: [E088] the parser gave up)",),
    ),
    Hostile("passwd.txt", _link_outside, ()),
    pytest.param(
        Hostile(
            "nested.html",
            _bytes(b"<html><body>" + b"<div>x " * 100_000 + b"</div>" * 100_000),
            (),
            stored=1,
        ),
        marks=pytest.mark.slow,
    ),
]


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[SqlRepository]:
    store = open_repository(str(tmp_path / "kb.db"))
    yield store
    store.close()


def _folder(tmp_path: Path, case: Hostile) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Police said a bomb killed 3 people in Kabul.")
    case.write(folder / f"m-{case.name}")
    (folder / "z-good.txt").write_text("Officials said 5 soldiers died near Kandahar.")
    return folder


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_services_ingest_hostile_file_fails_alone(
    case: Hostile, repo: SqlRepository, tmp_path: Path
) -> None:
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("An earlier report: 7 killed in Jalalabad.")
    [before] = ingest_paths(repo, ChokingExtractor, [earlier]).outcomes
    folder = _folder(tmp_path, case)
    started = time.perf_counter()
    summary = ingest_paths(repo, ChokingExtractor, [folder])
    assert time.perf_counter() - started < BUDGET_SECONDS
    hostile = folder / f"m-{case.name}"
    assert [o.error for o in summary.failures] == [e.format(f=hostile) for e in case.errors]
    stored = [o.source for o in summary.outcomes if o.outcome is Outcome.STORED]
    assert {str(folder / "a-good.txt"), str(folder / "z-good.txt")} <= set(stored)
    assert len(stored) == 2 + case.stored
    kept = repo.get_report(before.report_id or "")
    assert kept is not None and kept.text == "An earlier report: 7 killed in Jalalabad."
    assert repo.counts()["reports"] == 3 + case.stored
