"""A web page's fields from its head: title, publication date, publisher and url."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup, Tag

from mosaic.errors import InputError
from mosaic.ingest.dates import parse_published
from mosaic.ingest.source import Fields

_DATE_KEYS = (
    *("article:published_time", "og:published_time", "datepublished", "date"),
    *("dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued"),
    *("pubdate", "publishdate", "publish-date", "parsely-pub-date"),
)
_ATTRIBUTE_KEYS = ("property", "name", "itemprop", "http-equiv")


def html_fields(soup: BeautifulSoup, source: str) -> Fields:
    """The fields stated in the page's meta tags, title and `<time>` elements.

    A date in a publication meta tag must parse; a `<time>` element may mark any
    moment on the page, so one that does not parse is passed over.
    """
    meta = meta_values(soup)
    return Fields(
        title=meta.get("og:title") or _tag_text(soup, "title") or _tag_text(soup, "h1"),
        url=_canonical_url(soup) or meta.get("og:url"),
        publisher=meta.get("og:site_name"),
        published=_meta_date(meta, source) or _time_date(soup, source),
    )


def meta_values(soup: BeautifulSoup) -> dict[str, str]:
    """Each meta key (lower case) to the content of its first tag with text."""
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = _attribute(tag, "content").strip()
        if not content:
            continue
        for attribute in _ATTRIBUTE_KEYS:
            key = _attribute(tag, attribute).strip().lower()
            if key:
                values.setdefault(key, content)
    return values


def _meta_date(meta: dict[str, str], source: str) -> dt.date | None:
    for key in _DATE_KEYS:
        if key in meta:
            return parse_published(meta[key], source)
    return None


def _time_date(soup: BeautifulSoup, source: str) -> dt.date | None:
    scope = soup.find("article")
    for tag in (scope if isinstance(scope, Tag) else soup).find_all("time"):
        value = _attribute(tag, "datetime")
        if not value:
            continue
        try:
            return parse_published(value, source)
        except InputError:
            continue
    return None


def _canonical_url(soup: BeautifulSoup) -> str | None:
    for tag in soup.find_all("link"):
        rel = tag.get("rel") if isinstance(tag, Tag) else None
        rels = rel if isinstance(rel, list) else [str(rel or "")]
        if "canonical" in (value.lower() for value in rels):
            return _attribute(tag, "href").strip() or None
    return None


def _tag_text(soup: BeautifulSoup, name: str) -> str | None:
    found = soup.find(name)
    if not isinstance(found, Tag):
        return None
    return found.get_text(" ", strip=True) or None


def _attribute(tag: object, name: str) -> str:
    value = tag.get(name) if isinstance(tag, Tag) else None
    if isinstance(value, list):
        return " ".join(value)
    return value or ""
