import datetime as dt
from pathlib import Path

from mosaic.ingest import ReadFailure, read_reports
from mosaic.model import Report

DATA = Path(__file__).parents[2] / "data" / "ingest"


def _one_report(path: Path) -> Report:
    results = list(read_reports(path))
    assert len(results) == 1
    assert isinstance(results[0], Report), results[0]
    return results[0]


def test_text_reads_title_text_and_provenance() -> None:
    path = DATA / "report.txt"
    report = _one_report(path)
    assert report.title == "Police post attacked near Quetta"
    assert report.text.startswith("Police post attacked near Quetta\n\nQUETTA, 21 January 2016")
    assert "officials said.\nTwo policemen" in report.text
    assert "wounded.\n\nA spokesman" in report.text
    assert report.media_type == "text/plain"
    assert report.source_path == str(path)
    assert report.original == path.read_bytes()
    assert report.published is None


def test_text_long_first_line_gives_no_title(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 60 + "\nmore text\n", encoding="utf-8")
    assert _one_report(path).title is None


def test_text_uses_fallback_published_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some text.\n", encoding="utf-8")
    report = next(iter(read_reports(path, published=dt.date(2016, 1, 21))))
    assert isinstance(report, Report)
    assert report.published == dt.date(2016, 1, 21)


def test_text_crlf_file_gives_same_text_and_id_as_lf_file(tmp_path: Path) -> None:
    unix, windows = tmp_path / "unix.txt", tmp_path / "windows.txt"
    unix.write_bytes(b"Title\n\nBody line.\n")
    windows.write_bytes(b"Title\r\n\r\nBody line.\r\n")
    assert _one_report(unix).text == _one_report(windows).text == "Title\n\nBody line."
    assert _one_report(unix).id == _one_report(windows).id


def test_text_whitespace_only_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t\n")
    [result] = read_reports(path)
    assert isinstance(result, ReadFailure)
    assert "no readable text" in str(result)
