"""RSS and Atom feeds: one report per entry, its HTML reduced to plain text."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import time
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser
import feedparser.api

from mosaic.errors import InputError
from mosaic.ingest.dates import parse_published
from mosaic.ingest.decode import check_not_binary, decode_utf8
from mosaic.ingest.html import html_to_text, parse_html
from mosaic.ingest.source import (
    Fields,
    ReadFailure,
    ReadResult,
    Source,
    build_report,
    check_text_fields,
    unreadable,
)
from mosaic.model import Report

RSS_MEDIA_TYPE = "application/rss+xml"
ATOM_MEDIA_TYPE = "application/atom+xml"
_PLAIN_TYPES = frozenset({"text/plain", "text"})
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)[\"']")
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")
_REPLACEMENT_REF = b"&#65533;"

# feedparser tries the libxml2 SAX driver before expat on every parse; it is not installed,
# and its failed import searches all of sys.path each time: a tenth of a small feed's time.
# Expat alone also reads a feed the same way on every machine.
feedparser.api.PREFERRED_XML_PARSERS = []


def read_feed(source: Source) -> Iterator[ReadResult]:
    """A report or a failure for each entry, in feed order.

    feedparser reads feeds that are not well-formed XML as far as it can, so a
    feed is refused only when it is malformed and gives no entry at all.
    """
    check_not_binary(source.data, source.name)
    _check_utf8(source)
    parsed = feedparser.parse(repair_char_refs(source.data))
    entries = list(parsed.get("entries", []))
    if not entries:
        raise InputError(source.name, _no_entries_problem(parsed))
    version = str(parsed.get("version", ""))
    media_type = ATOM_MEDIA_TYPE if version.startswith("atom") else RSS_MEDIA_TYPE
    publisher = parsed.get("feed", {}).get("title")
    for number, entry in enumerate(entries, start=1):
        try:
            yield _read_entry(source, entry, number, media_type, publisher)
        except InputError as e:
            yield ReadFailure(e)
        except Exception as e:
            yield ReadFailure(InputError(source.name, f"entry {number}: {unreadable(e)}"))


def repair_char_refs(data: bytes) -> bytes:
    """`data` with each reference to no character (`&#55296;`, `&#0;`) made U+FFFD's.

    A surrogate's reference (half of a UTF-16 pair, as JSON writes it) is not XML,
    so feedparser falls back to its lenient parser, which fails on the whole feed.
    A browser shows U+FFFD for it; so does the report, and the feed's other
    entries are read as usual.
    """
    return _CHAR_REF.sub(_repaired_ref, data)


def _repaired_ref(match: re.Match[bytes]) -> bytes:
    digits = match[1]
    base = 16 if digits[:1] in (b"x", b"X") else 10
    number = digits[1:] if base == 16 else digits
    if len(number.lstrip(b"0")) > 8:
        return _REPLACEMENT_REF
    code = int(number, base)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _REPLACEMENT_REF
    return match[0]


def _check_utf8(source: Source) -> None:
    """Refuse invalid UTF-8 in a feed declared (or defaulting) to UTF-8.

    feedparser would read such bytes as Windows-1252 without a word; a feed that
    declares another encoding is left to feedparser to decode.
    """
    declared = _XML_ENCODING.search(source.data[:1024])
    if declared and not declared[1].isascii():
        # Codec lookup drops such bytes ("iso-8859\xad1" is Latin-1); feedparser crashes on them.
        raise InputError(source.name, "the XML declaration's encoding name is not ASCII")
    name = declared[1].decode("ascii") if declared else "utf-8"
    try:
        is_utf8 = codecs.lookup(name).name == "utf-8"
    except LookupError:
        is_utf8 = True
    if is_utf8:
        decode_utf8(source.data, source.name)


def _no_entries_problem(parsed: Mapping[str, Any]) -> str:
    if parsed.get("bozo"):
        error = " ".join(str(parsed.get("bozo_exception", "")).split())
        return f"malformed feed ({error or 'not RSS or Atom'}) with no entries"
    if not parsed.get("version"):
        return "not an RSS or Atom feed (no entries found)"
    return "feed has no entries"


def _read_entry(
    source: Source, entry: Mapping[str, Any], number: int, media_type: str, publisher: object
) -> Report:
    """The report of entry `number`; a problem is named with the entry's number."""
    where = f"entry {number}"
    fields = Fields(
        title=_text(entry.get("title")),
        url=_text(entry.get("link")),
        publisher=_text(publisher),
        published=_entry_date(entry, source.name, where),
    )
    try:
        text = _entry_text(entry)
        check_text_fields(source.name, text, fields)
        return build_report(
            source,
            text,
            fields,
            media_type,
            source_path=f"{source.name}#entry{number}",
            original=json.dumps(entry, default=str, sort_keys=True, ensure_ascii=False).encode(),
        )
    except InputError as e:
        raise InputError(source.name, f"{where}: {e.problem}") from e


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest content of the entry, else its summary, as plain text."""
    candidates = [item for item in entry.get("content", []) if _text(item.get("value"))]
    if not candidates and _text(entry.get("summary")):
        candidates = [entry.get("summary_detail") or {"value": entry["summary"]}]
    if not candidates:
        return ""
    best = max(candidates, key=lambda item: len(str(item.get("value"))))
    value = str(best.get("value"))
    if str(best.get("type", "")).lower() in _PLAIN_TYPES:
        return value
    return html_to_text(parse_html(value))


def _entry_date(entry: Mapping[str, Any], source: str, where: str) -> dt.date | None:
    """The date the entry was published, else updated, as written in its own time zone."""
    for key in ("published", "updated"):
        value = _text(entry.get(key))
        if value is None:
            continue
        try:
            return parse_published(value, source)
        except InputError as e:
            parsed = entry.get(f"{key}_parsed")
            if isinstance(parsed, time.struct_time):
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            raise InputError(source, f"{where}: {e.problem}") from e
    return None


def _text(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None
