"""Bytes to text: binary detection, strict UTF-8 decoding and text normalisation.

Normalisation is the last change made to a report's text: extraction offsets index
into the normalised text, so it only touches line ends, trailing spaces, blank-line
runs and the Unicode composition form, never the characters of a word.
"""

from __future__ import annotations

import re
import unicodedata

from mosaic.errors import InputError

_SAMPLE_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = b"\t\n\r\f\v\x1b"
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 0x20 or b == 0x7F) or b in _TEXT_CONTROLS)
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_not_binary(data: bytes, source: str) -> None:
    """Raise InputError when `data` looks like a binary file rather than text.

    A NUL byte never occurs in UTF-8 text; otherwise, more than a tenth of control
    bytes in the first 64 KiB marks data that no reader should try to interpret.
    """
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(source, "binary file (mostly control bytes), not text")


def decode_utf8(data: bytes, source: str, offset: int = 0) -> str:
    """`data` decoded as UTF-8, without a leading byte order mark.

    `offset` is where `data` starts in its file, so that the error names the byte
    offset in the file, where a user can look for it.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        problem = f"invalid UTF-8 at byte offset {offset + e.start} (byte 0x{bad}); save as UTF-8"
        raise InputError(source, problem) from e
    return text.removeprefix("\ufeff")


def check_no_surrogate(value: str, source: str, what: str, line: int | None = None) -> None:
    """Raise InputError when `value` holds a lone surrogate.

    JSON's `\\ud800` and XML's `&#55296;` decode to one: half of a UTF-16 pair,
    which is no character and cannot be written as UTF-8, so it cannot be stored.
    """
    found = _SURROGATE.search(value)
    if found is not None:
        problem = (
            f"{what} holds a lone surrogate (U+{ord(found[0]):04X}) at character "
            f"{found.start()}, which is not text"
        )
        raise InputError(source, problem, line)


def decode_text(data: bytes, source: str) -> str:
    """A text file's content: refused when binary or not valid UTF-8."""
    check_not_binary(data, source)
    return decode_utf8(data, source)


def normalise_text(text: str) -> str:
    """NFC text with `\\n` line ends, no trailing spaces and at most one blank line in a row.

    Leading and trailing blank space of the whole text is removed too, so that two
    copies of a report that differ only there get the same text.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


def clean_title(value: str | None) -> str | None:
    """A title on one line with single spaces; None when nothing is left."""
    if value is None:
        return None
    title = " ".join(unicodedata.normalize("NFC", value).split())
    return title or None


def first_line_title(text: str, max_chars: int = 200) -> str | None:
    """The first non-empty line of `text` when it is short enough to be a title."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) < max_chars else None
    return None
