"""Hostile inputs for every reader, and the property each reader must keep on them.

Shared by the bounded run in the test suite (`tests/unit/ingest/test_ingest_fuzz.py`)
and the long run by hand (`benchmarks/fuzz_readers.py`). Each strategy mixes raw
bytes with inputs shaped like the format, so that the fuzzing gets past the first
check of each reader (binary, UTF-8, header) into its parser.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

from hypothesis import strategies as st
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from mosaic.errors import InputError
from mosaic.ingest.files import READERS
from mosaic.ingest.source import ReadFailure, ReadResult, Source
from mosaic.model import Report

# The longest one input may take; the PDF budget is 60 s, but fuzzed inputs are small.
BUDGET_SECONDS = 10.0
# Characters that unsettle text handling: surrogates, controls, NUL, BOM, separators.
_ODD_CHARACTERS = st.characters(exclude_categories=()) | st.sampled_from(
    ["\x00", "\ufeff", "\u2028", "\r", "\x1e", "\x1f", "\ud800", "\udfff", "\U0001f600"]
)
TEXT = st.text(_ODD_CHARACTERS, max_size=60)
_FIELD_KEYS = ["text", "title", "url", "publisher", "published", "date", "tlp", "other"]
_TAGS = [
    *("p", "div", "pre", "br", "td", "th", "span", "article", "main", "body", "head"),
    *("script", "style", "title", "meta", "table", "tr", "li", "svg", "template"),
]


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _bytes_of(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return text.map(_encode)


def _char_ref() -> st.SearchStrategy[str]:
    number = st.integers(0, 2**40)
    return st.one_of(number.map(lambda n: f"&#{n};"), number.map(lambda n: f"&#x{n:x};"))


_FRAGMENT = st.one_of(
    TEXT,
    _char_ref(),
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["&amp;", "&bogus;", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", "&"]),
)
_SOUP = st.lists(_FRAGMENT, max_size=40).map("".join)


def _front_matter() -> st.SearchStrategy[str]:
    value = st.one_of(
        TEXT,
        st.sampled_from(["2016-01-21", "2016-02-30", "0000-01-01", "[1, 2", "[" * 2000, "~"]),
        st.sampled_from(["!!python/object:os.system", "9" * 5000, "1e999", ".nan"]),
        st.sampled_from(['"\\ud800"', "'x'", "{a: b}", "&anchor x", "*anchor"]),
    )
    line = st.tuples(st.sampled_from(_FIELD_KEYS), value).map(lambda kv: f"{kv[0]}: {kv[1]}")
    return st.lists(line, max_size=6).map("\n".join)


def _markdown() -> st.SearchStrategy[str]:
    body = st.lists(
        st.one_of(TEXT, st.sampled_from(["# ", "```", "![a](b)", "[a](b)", "---", "> ", "|-|"])),
        max_size=20,
    ).map("".join)
    with_front = st.tuples(_front_matter(), body).map(lambda fb: f"---\n{fb[0]}\n---\n{fb[1]}")
    return st.one_of(body, with_front)


def _json_value() -> st.SearchStrategy[object]:
    scalar = st.one_of(TEXT, st.integers(), st.floats(), st.none(), st.booleans())
    return st.one_of(
        scalar, st.lists(scalar, max_size=3), st.dictionaries(TEXT, scalar, max_size=2)
    )


def _jsonl_line() -> st.SearchStrategy[str]:
    record = st.dictionaries(st.sampled_from(_FIELD_KEYS), _json_value(), max_size=6)
    return st.one_of(
        record.map(lambda r: json.dumps(r, ensure_ascii=True)),
        record.map(lambda r: json.dumps(r, ensure_ascii=False)),
        st.integers(0xD800, 0xDFFF).map(lambda c: f'{{"title": "t\\u{c:04x}", "text": "x"}}'),
        TEXT,
    )


def _feed() -> st.SearchStrategy[str]:
    encoding = st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "bogus", "utf-16"])
    item = st.tuples(_SOUP, _SOUP, st.sampled_from(["", "Thu, 21 Jan 2016 09:30:00 +0500", "x"]))
    rss_item = item.map(
        lambda i: (
            f"<item><title>{i[0]}</title><description>{i[1]}</description>"
            f"<pubDate>{i[2]}</pubDate></item>"
        )
    )
    atom_entry = item.map(
        lambda i: (
            f'<entry><title>{i[0]}</title><content type="html">{i[1]}</content>'
            f"<updated>{i[2]}</updated></entry>"
        )
    )
    rss = st.tuples(encoding, _SOUP, st.lists(rss_item, max_size=4)).map(
        lambda f: (
            f'<?xml version="1.0" encoding="{f[0]}"?>\n<rss version="2.0"><channel>'
            f"<title>{f[1]}</title>{''.join(f[2])}</channel></rss>"
        )
    )
    atom = st.lists(atom_entry, max_size=4).map(
        lambda entries: '<feed xmlns="http://www.w3.org/2005/Atom">' + "".join(entries) + "</feed>"
    )
    return st.one_of(rss, atom)


def sample_pdf() -> bytes:
    """A two-page PDF with text and metadata, the seed that PDF inputs are mutated from."""
    writer = PdfWriter()
    for text in ("Gunmen attacked a police post near Quetta.", "Second page."):
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
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Title": "Quetta", "/CreationDate": "D:20160121093000+05'00'"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


_PDF = sample_pdf()


def _mutated_pdf() -> st.SearchStrategy[bytes]:
    edit = st.tuples(st.integers(0, len(_PDF)), st.integers(0, 16), st.binary(max_size=16))

    def apply(edits: list[tuple[int, int, bytes]]) -> bytes:
        data = _PDF
        for at, cut, insert in edits:
            data = data[:at] + insert + data[at + cut :]
        return data

    return st.lists(edit, min_size=1, max_size=6).map(apply)


RAW = st.binary(max_size=2000)
STRATEGIES: dict[str, st.SearchStrategy[bytes]] = {
    ".txt": st.one_of(RAW, _bytes_of(TEXT)),
    ".md": st.one_of(RAW, _bytes_of(_markdown())),
    ".html": st.one_of(RAW, _bytes_of(_SOUP)),
    ".pdf": st.one_of(RAW.map(lambda b: b"%PDF-1.7\n" + b), _mutated_pdf()),
    ".jsonl": st.one_of(RAW, _bytes_of(st.lists(_jsonl_line(), max_size=8).map("\n".join))),
    ".xml": st.one_of(RAW, _bytes_of(_feed())),
}


class Hang(AssertionError):
    """A reader took longer than BUDGET_SECONDS on one input."""


def read_hostile(extension: str, data: bytes) -> list[ReadResult]:
    """The reader's results for `data`; raise if it broke the readers' contract.

    The contract: only Reports and ReadFailures come out (or an InputError for the
    whole file), every error is one line, every Report can be stored (its texts
    encode as UTF-8 and its text is not empty), all within BUDGET_SECONDS.
    """
    reader = READERS[extension]
    started = time.perf_counter()
    try:
        results = list(reader(Source(Path(f"fuzz{extension}"), data)))
    except InputError as e:
        results = [ReadFailure(e)]
    elapsed = time.perf_counter() - started
    if elapsed > BUDGET_SECONDS:
        raise Hang(f"{extension}: {elapsed:.1f} s on {len(data)} bytes")
    for result in results:
        _check_result(result)
    return results


def _check_result(result: object) -> None:
    if isinstance(result, ReadFailure):
        assert "\n" not in str(result), f"error of more than one line: {result}"
        return
    assert isinstance(result, Report), f"not a Report or ReadFailure: {result!r}"
    assert result.text.strip(), "a Report with no text"
    for value in (result.text, result.title, result.url, result.publisher):
        if value is not None:
            value.encode("utf-8")
    assert result.content_hash and result.id
