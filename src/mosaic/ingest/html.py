"""Web pages: the article's text in paragraphs, and the fields its meta tags state."""

from __future__ import annotations

import codecs
import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning

from mosaic.errors import InputError
from mosaic.ingest.decode import check_not_binary, decode_utf8
from mosaic.ingest.html_meta import html_fields
from mosaic.ingest.source import ReadResult, Source, build_report

MEDIA_TYPE = "text/html"
_DROPPED = (
    *("script", "style", "nav", "header", "footer", "aside", "form", "noscript"),
    *("template", "svg", "iframe", "button", "select", "head"),
)
_BLOCKS = frozenset(
    {
        *("p", "div", "section", "article", "main", "body", "blockquote", "pre", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "caption", "tr", "figure", "figcaption", "address", "details", "summary"),
    }
)
_CELLS = frozenset({"td", "th"})
_BLOCK_MARK = "\x1e"
_BREAK_MARK = "\x1f"
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_LATIN1_NAMES = frozenset({"latin-1", "iso8859-1", "ascii"})


def read_html(source: Source) -> list[ReadResult]:
    """One report of the page's main text, with title, date, publisher and url from its head."""
    soup = parse_html(decode_html(source.data, source.name))
    fields = html_fields(soup, source.name)
    return [build_report(source, html_to_text(soup), fields, MEDIA_TYPE)]


def parse_html(markup: str) -> BeautifulSoup:
    """A lenient parse of `markup`; lxml repairs unclosed and misnested tags."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "lxml")


def decode_html(data: bytes, source: str) -> str:
    """The page as text, in the charset its meta tag declares, else strict UTF-8.

    As browsers do, a declared Latin-1 or ASCII is read as Windows-1252.
    """
    check_not_binary(data, source)
    declared = _META_CHARSET.search(data[:4096])
    try:
        codec = codecs.lookup(declared[1].decode("ascii")).name if declared else "utf-8"
    except LookupError:
        codec = "utf-8"
    if codec == "utf-8":
        return decode_utf8(data, source)
    codec = "cp1252" if codec in _LATIN1_NAMES else codec
    try:
        return data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        problem = f"invalid {codec} at byte offset {e.start} (the charset the page declares)"
        raise InputError(source, problem) from e


def html_to_text(soup: BeautifulSoup) -> str:
    """The main text: paragraphs separated by blank lines, page furniture left out.

    Changes `soup`. The article is preferred to the main element and that to the
    body, so that menus and teasers outside them are not read as the report.
    """
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    container = _main_container(soup)
    _mark_layout(container)
    flat = _HTML_SPACE.sub(" ", container.get_text())
    paragraphs = (_paragraph(block) for block in flat.split(_BLOCK_MARK))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _main_container(soup: BeautifulSoup) -> Tag:
    articles = [tag for tag in soup.find_all("article") if tag.get_text(strip=True)]
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text(strip=True)))
    for name in ("main", "body"):
        found = soup.find(name)
        if isinstance(found, Tag) and found.get_text(strip=True):
            return found
    return soup


def _mark_layout(container: Tag) -> None:
    """Mark where blocks and line breaks are, as the text is flattened afterwards."""
    for pre in container.find_all("pre"):
        for string in list(pre.strings):
            string.replace_with(string.replace("\n", _BREAK_MARK))
    for tag in container.find_all(True):
        if tag.name == "br":
            tag.replace_with(_BREAK_MARK)
        elif tag.name in _BLOCKS:
            tag.insert_before(_BLOCK_MARK)
            tag.append(_BLOCK_MARK)
        elif tag.name in _CELLS:
            tag.append(" ")


def _paragraph(block: str) -> str:
    lines = (line.strip(" ") for line in block.split(_BREAK_MARK))
    return "\n".join(line for line in lines if line)
