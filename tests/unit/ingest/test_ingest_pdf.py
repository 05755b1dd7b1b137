import datetime as dt
import io
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from mosaic.ingest import ReadFailure, pdf, read_reports
from mosaic.model import Report

LINES = ("Attack on a police post", "Gunmen attacked a police post near Quetta on 21 January 2016.")


def make_pdf(pages: list[list[str]], metadata: dict[str, str] | None = None) -> bytes:
    """A small PDF whose pages show `pages` in Helvetica, built with pypdf."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        shown = " ".join(f"({line}) Tj T*" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if metadata:
        writer.add_metadata(metadata)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _read(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Report | ReadFailure:
    path = tmp_path / name
    path.write_bytes(data)
    [result] = read_reports(path, published=dt.date(2020, 1, 1))
    return result


def test_pdf_reads_text_of_all_pages_and_metadata(tmp_path: Path) -> None:
    metadata = {"/Title": "Quetta report", "/CreationDate": "D:20160121093000+05'00'"}
    data = make_pdf([list(LINES), ["Second page text."]], metadata)
    report = _read(tmp_path, data)
    assert isinstance(report, Report)
    assert report.text.startswith(f"{LINES[0]}\n{LINES[1]}")
    assert report.text.endswith("\n\nSecond page text.")
    assert report.title == "Quetta report"
    assert report.published == dt.date(2016, 1, 21)
    assert report.media_type == "application/pdf"
    assert report.original == data


def test_pdf_without_metadata_uses_first_line_and_fallback_date(tmp_path: Path) -> None:
    report = _read(tmp_path, make_pdf([list(LINES)]), "upper.PDF")
    assert isinstance(report, Report)
    assert report.title == LINES[0]
    assert report.published == dt.date(2020, 1, 1)


def test_pdf_unparseable_creation_date_is_passed_over(tmp_path: Path) -> None:
    report = _read(tmp_path, make_pdf([list(LINES)], {"/CreationDate": "garbage"}))
    assert isinstance(report, Report)
    assert report.published == dt.date(2020, 1, 1)


def test_pdf_truncated_fails_as_not_readable(tmp_path: Path) -> None:
    data = make_pdf([list(LINES)])
    result = _read(tmp_path, data[: len(data) // 2])
    assert isinstance(result, ReadFailure)
    assert "not a readable PDF (" in str(result)
    assert str(result).startswith(str(tmp_path / "doc.pdf"))


def test_pdf_without_header_fails(tmp_path: Path) -> None:
    result = _read(tmp_path, b"This is plain text named .pdf\n")
    assert isinstance(result, ReadFailure)
    assert "not a readable PDF (no %PDF- header)" in str(result)


def test_pdf_without_extractable_text_fails(tmp_path: Path) -> None:
    result = _read(tmp_path, make_pdf([[]]))
    assert isinstance(result, ReadFailure)
    assert "PDF has no extractable text" in str(result)


def test_pdf_encrypted_with_password_fails(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([list(LINES)])))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    result = _read(tmp_path, buffer.getvalue())
    assert isinstance(result, ReadFailure)
    assert "encrypted with a password" in str(result)


def make_shared_stream_pdf(pages: int, stream_bytes: int) -> bytes:
    """A PDF of `pages` pages that all show one compressed content stream of `stream_bytes`."""
    writer = PdfWriter()
    line = b"BT /F1 12 Tf 72 720 Td (Gunmen attacked a post.) Tj ET\n"
    stream = DecodedStreamObject()
    stream.set_data(line * (stream_bytes // len(line)))
    shared = writer._add_object(stream.flate_encode())
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Contents")] = shared
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_of_pages_sharing_a_huge_stream_is_refused_before_reading_a_page(
    tmp_path: Path,
) -> None:
    data = make_shared_stream_pdf(pages=2_000, stream_bytes=4 * 1024 * 1024)
    assert len(data) < 1024 * 1024
    started = time.perf_counter()
    result = _read(tmp_path, data)
    assert time.perf_counter() - started < 30
    assert str(result) == (
        f"{tmp_path / 'doc.pdf'}: PDF pages hold over 32 MiB of content by page 9 of 2000, "
        "over the budget for one file"
    )


def test_pdf_text_extraction_past_its_time_budget_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_SECONDS", -1.0)
    result = _read(tmp_path, make_pdf([list(LINES), ["Second page text."]]))
    assert str(result) == (
        f"{tmp_path / 'doc.pdf'}: PDF text extraction ran over -1 s (at page 1 of 2), "
        "over the budget for one file"
    )
