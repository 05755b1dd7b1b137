import datetime as dt
import os
from pathlib import Path

import pytest

from mosaic.ingest import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_EXTENSIONS,
    ReadFailure,
    files,
    iter_input_files,
    read_all,
    read_reports,
)
from mosaic.model import Report

DATA = Path(__file__).parents[2] / "data" / "ingest"


def _failure(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    [result] = read_reports(path, max_bytes=max_bytes)
    assert isinstance(result, ReadFailure), result
    assert result.error.source == str(path)
    assert "\n" not in str(result)
    return str(result)


def test_files_default_max_bytes_is_20_mib() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_files_iter_input_files_walks_folders_sorted_skipping_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/y.html", ".hidden/x.txt", "a/.secret.txt", "c.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text", encoding="utf-8")
    single = tmp_path / "c.png"
    found = list(iter_input_files([tmp_path, single, tmp_path / "missing.txt"]))
    assert found == [
        tmp_path / "a" / "y.html",
        tmp_path / "a" / "z.md",
        tmp_path / "b.txt",
        single,
        tmp_path / "missing.txt",
    ]


def test_files_iter_input_files_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert list(iter_input_files([tmp_path])) == [tmp_path / "sub" / "a.txt"]


def test_files_read_all_reads_fixture_folder() -> None:
    results = list(read_all([DATA], published=dt.date(2016, 2, 1)))
    reports = [result for result in results if isinstance(result, Report)]
    failures = [result for result in results if isinstance(result, ReadFailure)]
    assert {report.media_type for report in reports} == {
        "text/plain",
        "text/markdown",
        "text/html",
        "application/x-ndjson",
        "application/rss+xml",
        "application/atom+xml",
    }
    assert len(reports) == 10
    assert len(failures) == 4
    assert next(r for r in reports if r.media_type == "text/plain").published == dt.date(2016, 2, 1)


def test_files_missing_file_fails(tmp_path: Path) -> None:
    assert "no such file" in _failure(tmp_path / "gone.txt")


def test_files_folder_given_as_file_fails(tmp_path: Path) -> None:
    assert "is a folder, not a file" in _failure(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_files_unreadable_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    assert "permission denied" in _failure(path)


def test_files_empty_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert _failure(path).endswith(": empty file")


def test_files_unknown_extension_lists_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    message = _failure(path)
    assert "unsupported file type '.docx'" in message
    assert all(extension in message for extension in SUPPORTED_EXTENSIONS)


def test_files_no_extension_fails(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("text", encoding="utf-8")
    assert "unsupported file type without an extension" in _failure(path)


def test_files_over_max_bytes_names_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    message = _failure(path, max_bytes=1000)
    assert "file is 1,500 bytes, over the limit of 1,000 bytes" in message


@pytest.mark.parametrize("name", ["x.txt", "x.md", "x.html", "x.jsonl", "x.rss"])
def test_files_binary_file_in_text_format_fails(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary file" in _failure(path)


def test_files_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 cr\u00e8me".encode("latin-1"))
    assert "invalid UTF-8 at byte offset 3 (byte 0xe9)" in _failure(path)


def test_files_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "NOTE.TXT"
    path.write_text("Upper case name.", encoding="utf-8")
    [report] = read_reports(path)
    assert isinstance(report, Report)
    assert report.text == "Upper case name."


def test_files_unexpected_library_error_becomes_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(source: object) -> list[Report]:
        raise RecursionError("too deep")

    monkeypatch.setitem(files.READERS, ".txt", explode)
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    assert "could not be read (RecursionError: too deep)" in _failure(path)


def test_files_permission_error_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert _failure(path).endswith(": cannot read file (permission denied)")


def test_files_unlistable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda *args: False)
    assert "is a folder that cannot be read (permission denied)" in _failure(tmp_path)


def test_files_links_leading_outside_the_folder_are_skipped_with_a_warning(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Not for the knowledge base.")
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "kept.txt").write_text("A report.")
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "sub" / "etc").symlink_to(outside, target_is_directory=True)
    (folder / "sub" / "alias.txt").symlink_to(folder / "kept.txt")
    warnings: list[str] = []
    found = list(iter_input_files([folder], lambda e: warnings.append(str(e))))
    assert found == [folder / "kept.txt", folder / "sub" / "alias.txt"]
    assert warnings == [
        f"{folder / 'passwd.txt'}: skipped: a link to {outside / 'secret.txt'}, "
        f"outside the folder {folder} being read",
        f"{folder / 'sub' / 'etc'}: skipped: a link to {outside}, "
        f"outside the folder {folder} being read",
    ]


def test_files_a_link_named_outright_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("A report.")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert list(iter_input_files([tmp_path / "link.txt"])) == [tmp_path / "link.txt"]
