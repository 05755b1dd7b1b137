import pytest

from mosaic.errors import InputError
from mosaic.ingest.decode import (
    check_not_binary,
    clean_title,
    decode_text,
    first_line_title,
    normalise_text,
)


def test_decode_normalise_text_fixes_line_ends_trailing_spaces_and_blank_runs() -> None:
    raw = "\n\nTitle  \r\nline one\t\r\n\r\n\r\n\r\nline two\rline three   \n\n"
    assert normalise_text(raw) == "Title\nline one\n\nline two\nline three"


def test_decode_normalise_text_keeps_a_single_blank_line() -> None:
    assert normalise_text("a\n\nb") == "a\n\nb"


def test_decode_normalise_text_composes_unicode_and_keeps_other_characters() -> None:
    decomposed = "Pe\u0301shawar \u2014 \u201cquoted\u201d\u00a0x"
    assert normalise_text(decomposed) == "P\u00e9shawar \u2014 \u201cquoted\u201d\u00a0x"


def test_decode_text_strips_byte_order_mark() -> None:
    assert decode_text("\ufeffHello".encode(), "a.txt") == "Hello"


def test_decode_text_names_byte_offset_of_invalid_utf8() -> None:
    data = "caf\u00e9 ".encode() + b"na\xefve"
    with pytest.raises(InputError) as caught:
        decode_text(data, "a.txt")
    assert "invalid UTF-8 at byte offset 8" in str(caught.value)
    assert "0xef" in str(caught.value)


def test_decode_check_not_binary_refuses_nul_bytes() -> None:
    with pytest.raises(InputError, match="binary file"):
        check_not_binary(b"text\x00more", "a.txt")


def test_decode_check_not_binary_refuses_mostly_control_bytes() -> None:
    with pytest.raises(InputError, match="mostly control bytes"):
        check_not_binary(bytes(range(1, 32)) * 10 + b"abc", "a.txt")


def test_decode_text_accepts_text_with_tabs_and_escapes() -> None:
    data = b"col\tcol\r\n\x1b[1mbold\x1b[0m\f"
    assert decode_text(data, "a.txt") == data.decode()


def test_decode_first_line_title_takes_first_short_line_only() -> None:
    assert first_line_title("\n  Headline here \nbody") == "Headline here"
    assert first_line_title("x" * 200 + "\nbody") is None
    assert first_line_title("") is None


def test_decode_clean_title_collapses_spaces() -> None:
    assert clean_title("  Bomb \n kills\tfour ") == "Bomb kills four"
    assert clean_title("   ") is None
