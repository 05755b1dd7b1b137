import datetime as dt
import time
from pathlib import Path

import pytest

from mosaic.ingest import ReadFailure, read_reports
from mosaic.ingest.html import html_to_text, parse_html
from mosaic.model import Report

DATA = Path(__file__).parents[2] / "data" / "ingest"


def _read(path: Path) -> Report | ReadFailure:
    [result] = read_reports(path)
    return result


def _page(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Report | ReadFailure:
    path = tmp_path / name
    path.write_bytes(html.encode() if isinstance(html, str) else html)
    return _read(path)


def test_html_reads_fields_from_head() -> None:
    report = _read(DATA / "article.html")
    assert isinstance(report, Report)
    assert report.title == "Bomb kills four in market"
    assert report.url == "https://example.org/2016/01/market-bomb"
    assert report.publisher == "Frontier Wire"
    assert report.published == dt.date(2016, 1, 21)
    assert report.media_type == "text/html"


def test_html_reads_article_text_in_paragraphs_without_furniture() -> None:
    report = _read(DATA / "article.html")
    assert isinstance(report, Report)
    assert report.text == (
        "Bomb kills four in market\n\n"
        "PESHAWAR - A bomb hidden in a vegetable cart exploded in a crowded market on "
        "Thursday, killing four people.\n\n"
        "Police said the device was detonated\nby remote control.\n\n"
        "No group has claimed responsibility."
    )


def test_html_messy_unclosed_tags_are_still_read() -> None:
    report = _read(DATA / "messy.html")
    assert isinstance(report, Report)
    assert report.title == "Messy page"
    paragraphs = report.text.split("\n\n")
    assert paragraphs[0] == "First paragraph about the raid"
    assert "Second paragraph with bold and italic text" in paragraphs
    assert "Cell one Cell two" in paragraphs
    assert paragraphs[-1] == "Last words & an entity"


def test_html_without_text_fails() -> None:
    result = _read(DATA / "no-text.html")
    assert isinstance(result, ReadFailure)
    assert "no readable text" in str(result)


def test_html_prefers_main_then_body(tmp_path: Path) -> None:
    page = "<body><nav>Menu</nav><main><p>Inside main.</p></main><p>Outside.</p></body>"
    report = _page(tmp_path, page)
    assert isinstance(report, Report)
    assert report.text == "Inside main."
    report = _page(tmp_path, "<body><div>Only body.</div><footer>Foot</footer></body>")
    assert isinstance(report, Report)
    assert report.text == "Only body."


def test_html_picks_longest_article(tmp_path: Path) -> None:
    page = (
        "<body><article><p>Teaser.</p></article>"
        "<article><p>The full story, much longer than the teaser.</p></article></body>"
    )
    report = _page(tmp_path, page)
    assert isinstance(report, Report)
    assert report.text == "The full story, much longer than the teaser."


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<meta name="DC.date" content="21 January 2016">', dt.date(2016, 1, 21)),
        ('<meta name="pubdate" content="2016-01-22">', dt.date(2016, 1, 22)),
        (
            '<meta property="og:published_time" content="2016-01-23T01:00:00Z">',
            dt.date(2016, 1, 23),
        ),
        ('<meta itemprop="datePublished" content="Jan 24, 2016">', dt.date(2016, 1, 24)),
    ],
)
def test_html_reads_date_meta_tags(tmp_path: Path, head: str, published: dt.date) -> None:
    report = _page(tmp_path, f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert isinstance(report, Report)
    assert report.published == published


def test_html_reads_time_element_and_skips_unparseable_ones(tmp_path: Path) -> None:
    page = '<body><time datetime="10:30">now</time><time datetime="2016-01-25">x</time><p>T</p>'
    report = _page(tmp_path, page)
    assert isinstance(report, Report)
    assert report.published == dt.date(2016, 1, 25)


def test_html_bad_date_meta_fails(tmp_path: Path) -> None:
    page = '<head><meta name="date" content="last week"></head><body><p>Text.</p></body>'
    result = _page(tmp_path, page)
    assert isinstance(result, ReadFailure)
    assert "published date 'last week' is not a date" in str(result)


def test_html_title_falls_back_to_title_tag_and_url_to_og_url(tmp_path: Path) -> None:
    page = (
        '<head><title> Raid  report </title><meta property="og:url" content="https://e.org/r">'
        "</head><body><p>Text.</p></body>"
    )
    report = _page(tmp_path, page, "page.HTM")
    assert isinstance(report, Report)
    assert report.title == "Raid report"
    assert report.url == "https://e.org/r"


def test_html_declared_latin1_charset_is_honoured(tmp_path: Path) -> None:
    page = '<meta charset="iso-8859-1"><p>Caf\xe9 \x93quoted\x94</p>'.encode("latin-1")
    report = _page(tmp_path, page)
    assert isinstance(report, Report)
    assert report.text == "Caf\u00e9 \u201cquoted\u201d"


def test_html_undeclared_invalid_utf8_fails_with_offset(tmp_path: Path) -> None:
    result = _page(tmp_path, b"<p>Caf\xe9</p>")
    assert isinstance(result, ReadFailure)
    assert "invalid UTF-8 at byte offset 6" in str(result)


def test_html_to_text_keeps_pre_lines_and_drops_comments() -> None:
    soup = parse_html("<body><!-- hidden --><pre>line one\nline two</pre><p>a&nbsp;b</p></body>")
    assert html_to_text(soup) == "line one\nline two\n\na\u00a0b"


def _nested_divs(depth: int) -> str:
    return "<html><body>" + "<div>x " * depth + "</div>" * depth + "</body></html>"


def test_html_deeply_nested_blocks_convert_in_linear_time() -> None:
    # Marking blocks by inserting into the tree took 27 s for 8,000 nested divs.
    soup = parse_html(_nested_divs(20_000))
    started = time.perf_counter()
    text = html_to_text(soup)
    assert time.perf_counter() - started < 5
    assert text.split("\n\n") == ["x"] * 20_000


@pytest.mark.slow
def test_html_hundred_thousand_nested_divs_are_read_in_seconds(tmp_path: Path) -> None:
    started = time.perf_counter()
    report = _page(tmp_path, _nested_divs(100_000))
    assert time.perf_counter() - started < 60
    assert isinstance(report, Report) and report.text.count("x") == 100_000


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<pre>a\nb</pre><p>c<br>d</p>", "a\nb\n\nc\nd"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("<div>a<!-- hidden --><span>b</span></div><p>c</p>", "ab\n\nc"),
        ("<pre><b>a\nb</b></pre>after\nline", "a\nb\n\nafter line"),
    ],
)
def test_html_layout_marks_blocks_breaks_and_cells(markup: str, text: str) -> None:
    assert html_to_text(parse_html(markup)) == text
