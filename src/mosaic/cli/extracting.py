"""`mosaic extract`: run extraction on files and print FORMAT.md JSON; stores nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from mosaic.bootstrap import load_extractor
from mosaic.cli.common import errors, parse_day, print_json, user_errors
from mosaic.errors import InputError
from mosaic.ingest import ReadFailure, read_reports
from mosaic.model import Report, ReportExtraction
from mosaic.services.ingest import MAX_TEXT_CHARS, too_long


def extract(
    files: Annotated[list[Path], typer.Argument(help="Report files.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print FORMAT.md JSON.")] = True,
    out: Annotated[
        Path | None, typer.Option(help="Write one DIR/<stem>.json per input instead.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for files that carry none.")
    ] = None,
) -> None:
    """Extract events and relations from files, as FORMAT.md JSON, without storing anything."""
    with user_errors():
        day = parse_day(published, "--published")
        extractor = load_extractor()
        failed = False
        outputs: list[dict[str, Any]] = []
        for path in files:
            for stem, report in _reports(path, day):
                if report is None:
                    failed = True
                    continue
                extraction = next(iter(extractor.extract_many([report])))
                outputs.append(_document(stem, report, extraction))
                if out is not None:
                    _write(out, stem, outputs[-1])
        if out is None:
            print_json(outputs[0] if len(outputs) == 1 else outputs)
    if failed:
        raise typer.Exit(2)


def _reports(path: Path, day: dt.date | None) -> list[tuple[str, Report | None]]:
    results: list[tuple[str, Report | None]] = []
    items = list(read_reports(path, published=day))
    for index, item in enumerate(items):
        stem = path.stem if len(items) == 1 else f"{path.stem}-{index + 1}"
        if isinstance(item, Report) and len(item.text) > MAX_TEXT_CHARS:
            item = ReadFailure(too_long(item))
        if isinstance(item, ReadFailure):
            errors.print(f"[red]error:[/red] {item.error}", highlight=False)
            results.append((stem, None))
        else:
            results.append((stem, item))
    return results


def _document(stem: str, report: Report, extraction: ReportExtraction) -> dict[str, Any]:
    from mosaic.extract.output import to_format

    return to_format(report, extraction, doc_id=stem)


def _write(out: Path, stem: str, document: dict[str, Any]) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{stem}.json"
        target.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        raise InputError(str(out), f"cannot write output: {error.strerror}") from error
