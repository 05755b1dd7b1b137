import datetime as dt
import json
from pathlib import Path

from mosaic.ingest import ReadFailure, read_reports
from mosaic.model import Report, Tlp

DATA = Path(__file__).parents[2] / "data" / "ingest"


def _write_lines(tmp_path: Path, lines: list[bytes], name: str = "r.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_broken_line_fails_alone_naming_line() -> None:
    path = DATA / "reports.jsonl"
    results = list(read_reports(path))
    assert [type(result) for result in results] == [Report, ReadFailure, Report]
    first, failure, third = results
    assert isinstance(first, Report) and isinstance(third, Report)
    assert isinstance(failure, ReadFailure)
    assert failure.error.line == 3
    assert str(failure).startswith(f"{path}:3: invalid JSON")
    assert third.text == "A third report, read after the broken line."
    assert third.published == dt.date(2016, 1, 23)
    assert third.source_path == f"{path}#L4"


def test_jsonl_reads_fields_and_original_line() -> None:
    path = DATA / "reports.jsonl"
    report = next(iter(read_reports(path)))
    assert isinstance(report, Report)
    assert report.title == "Quetta attack"
    assert report.url == "https://example.org/q"
    assert report.publisher == "Frontier Wire"
    assert report.published == dt.date(2016, 1, 21)
    assert report.source_path == f"{path}#L1"
    assert report.media_type == "application/x-ndjson"
    assert report.original == path.read_bytes().split(b"\n")[0]


def test_jsonl_ndjson_extension_crlf_and_tlp(tmp_path: Path) -> None:
    record = {"text": "Line text.", "tlp": "TLP:AMBER+STRICT"}
    path = _write_lines(tmp_path, [json.dumps(record).encode() + b"\r"], "r.NDJSON")
    [report] = read_reports(path)
    assert isinstance(report, Report)
    assert report.marking.tlp is Tlp.AMBER_STRICT
    assert report.original == json.dumps(record).encode()


def test_jsonl_bad_records_fail_with_their_line(tmp_path: Path) -> None:
    lines = [
        b'{"title": "no text"}',
        b'["a", "list"]',
        b'{"text": 42}',
        b'{"text": "ok", "published": "someday"}',
        b'{"text": "caf\xe9"}',
        b'{"text": "   "}',
        b'{"text": "fine"}',
    ]
    results = list(read_reports(_write_lines(tmp_path, lines)))
    problems = [str(result) for result in results if isinstance(result, ReadFailure)]
    assert len(problems) == 6
    assert ":1: missing 'text'" in problems[0]
    assert ":2: expected a JSON object" in problems[1]
    assert ":3: 'text' must be a string" in problems[2]
    assert ":4: published date 'someday' is not a date" in problems[3]
    assert ":5: invalid UTF-8 at byte offset" in problems[4]
    assert ":6: no readable text" in problems[5]
    assert isinstance(results[-1], Report) and results[-1].text == "fine"


def test_jsonl_invalid_utf8_offset_counts_from_file_start(tmp_path: Path) -> None:
    path = _write_lines(tmp_path, [b'{"text": "a"}', b'{"text": "\xff"}'])
    failure = list(read_reports(path))[1]
    assert isinstance(failure, ReadFailure)
    assert "byte offset 24" in str(failure)


def test_jsonl_only_blank_lines_fails(tmp_path: Path) -> None:
    [result] = read_reports(_write_lines(tmp_path, [b"", b"  "]))
    assert isinstance(result, ReadFailure)
    assert "no readable text" in str(result)


def test_jsonl_lone_surrogates_fail_their_line_alone(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path,
        [
            b'{"text": "Good line one."}',
            b'{"title": "bad \\ud800", "text": "Title line."}',
            b'{"text": "Text \\udfff bad."}',
            b'{"text": "Good line four.", "publisher": "\\ud83d\\ude00 Desk"}',
        ],
    )
    results = list(read_reports(path))
    assert [str(r) if isinstance(r, ReadFailure) else r.text for r in results] == [
        "Good line one.",
        f"{path}:2: 'title' holds a lone surrogate (U+D800) at character 4, which is not text",
        f"{path}:3: 'text' holds a lone surrogate (U+DFFF) at character 5, which is not text",
        "Good line four.",
    ]
    last = results[3]
    assert isinstance(last, Report) and last.publisher == "\U0001f600 Desk"
