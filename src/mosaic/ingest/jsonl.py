"""JSON Lines files: one report per line, each line read on its own.

A broken line gives a ReadFailure naming its line number, and the lines around it
are still read: a scraper's output with one bad record loses only that record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from mosaic.errors import InputError
from mosaic.ingest.decode import check_not_binary, decode_utf8
from mosaic.ingest.fields import fields_from_mapping
from mosaic.ingest.source import ReadFailure, ReadResult, Source, build_report, unreadable
from mosaic.model import Report

MEDIA_TYPE = "application/x-ndjson"


def read_jsonl(source: Source) -> Iterator[ReadResult]:
    """A report or a failure for each non-blank line, in file order."""
    check_not_binary(source.data, source.name)
    found = False
    for number, (start, raw) in enumerate(_lines(source.data), start=1):
        if not raw.strip():
            continue
        found = True
        try:
            yield _read_line(source, raw.rstrip(b"\r"), number, start)
        except InputError as e:
            yield ReadFailure(e)
        except Exception as e:
            yield ReadFailure(InputError(source.name, unreadable(e), number))
    if not found:
        raise InputError(source.name, "no readable text (only blank lines)")


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Each line of `data` with the byte offset it starts at, taken one at a time."""
    start = 0
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        yield start, data[start:end]
        start = end + 1


def _read_line(source: Source, raw: bytes, number: int, offset: int) -> Report:
    """The report of line `number`, which starts at byte `offset` of the file."""
    try:
        value = json.loads(decode_utf8(raw, source.name, offset))
    except InputError as e:
        raise InputError(source.name, e.problem, number) from e
    except json.JSONDecodeError as e:
        raise InputError(source.name, f"invalid JSON ({e.msg} at column {e.colno})", number) from e
    if not isinstance(value, dict):
        kind = type(value).__name__
        raise InputError(source.name, f"expected a JSON object with 'text', got {kind}", number)
    text = value.get("text")
    if not isinstance(text, str):
        problem = "missing 'text'" if text is None else "'text' must be a string"
        raise InputError(source.name, problem, number)
    fields = fields_from_mapping(value, source.name, number)
    return build_report(
        source,
        text,
        fields,
        MEDIA_TYPE,
        source_path=f"{source.name}#L{number}",
        original=raw,
        line=number,
    )
