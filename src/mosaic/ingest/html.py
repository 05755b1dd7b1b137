"""Web pages: the article's text in paragraphs, and the fields its meta tags state."""

from __future__ import annotations

import codecs
import re
import warnings
from collections.abc import Iterator

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning
from bs4.element import CData, NavigableString, PageElement

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
# Pushed on the walk's stack to say a <pre> ends; never emitted (compared by identity).
_LEAVE_PRE = "\x00leave-pre"
_TEXT_TYPES = (NavigableString, CData)
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
    flat = _HTML_SPACE.sub(" ", "".join(_marked_strings(container)))
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


def _marked_strings(container: Tag) -> Iterator[str]:
    """The container's text with marks where blocks and line breaks are, in one walk.

    The walk keeps its own stack instead of changing the tree or recursing, so that
    its time is linear in the page's size however deep its tags nest (inserting
    marks into the tree costs a walk of each block's descendants).
    """
    stack: list[PageElement | str] = [*reversed(container.contents)]
    in_pre = 0
    while stack:
        node = stack.pop()
        if node is _LEAVE_PRE:
            in_pre -= 1
        elif isinstance(node, str) and not isinstance(node, NavigableString):
            yield node
        elif isinstance(node, NavigableString) and type(node) in _TEXT_TYPES:
            yield node.replace("\n", _BREAK_MARK) if in_pre else str(node)
        elif isinstance(node, Tag):
            in_pre += node.name == "pre"
            stack.extend(_closing(node))
            stack.extend(reversed(node.contents))
            yield _opening(node)


def _opening(tag: Tag) -> str:
    if tag.name == "br":
        return _BREAK_MARK
    return _BLOCK_MARK if tag.name in _BLOCKS else ""


def _closing(tag: Tag) -> list[str]:
    """What the walk emits after the tag's content, last first (it is popped off a stack)."""
    if tag.name == "br":
        return []
    after = [_BLOCK_MARK] if tag.name in _BLOCKS else [" "] if tag.name in _CELLS else []
    return after + [_LEAVE_PRE] * (tag.name == "pre")


def _paragraph(block: str) -> str:
    lines = (line.strip(" ") for line in block.split(_BREAK_MARK))
    return "\n".join(line for line in lines if line)
