"""Report fields given as key-value data: YAML front matter and JSONL objects.

Both formats are written by people or scripts, so every value is checked and a
wrong one is refused with the key named, instead of being stored as it came.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from mosaic.errors import InputError
from mosaic.ingest.dates import parse_published
from mosaic.ingest.source import Fields
from mosaic.model import Marking, Tlp
from mosaic.model.marking import DEFAULT_MARKING

_TEXT_KEYS = ("title", "url", "publisher")
_DATE_KEYS = ("published", "date")


def fields_from_mapping(
    values: Mapping[str, object], source: str, line: int | None = None
) -> Fields:
    """The title, url, publisher, published date and TLP marking found in `values`.

    `date` is read as `published` where that is absent, as static-site front matter
    names it so. Keys not listed are ignored.
    """
    text = {key: _text_value(values.get(key), key, source, line) for key in _TEXT_KEYS}
    date_key = next((key for key in _DATE_KEYS if values.get(key) is not None), None)
    published = _date_value(values[date_key], source, line) if date_key else None
    tlp = values.get("tlp")
    marking = DEFAULT_MARKING if tlp is None else Marking(tlp=_tlp_value(tlp, source, line))
    return Fields(
        title=text["title"],
        url=text["url"],
        publisher=text["publisher"],
        published=published,
        marking=marking,
    )


def parse_tlp(value: str, source: str, line: int | None = None) -> Tlp:
    """A TLP label written as `TLP:GREEN`, `tlp:green` or `green`."""
    label = value.strip().upper().replace(" ", "")
    if not label.startswith("TLP:"):
        label = f"TLP:{label}"
    try:
        return Tlp(label)
    except ValueError:
        expected = ", ".join(tlp.value for tlp in Tlp)
        raise InputError(
            source, f"unknown TLP marking {value!r} (expected {expected})", line
        ) from None


def _text_value(value: object, key: str, source: str, line: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(source, f"{key!r} must be text, not {type(value).__name__}", line)
    return str(value)


def _date_value(value: object, source: str, line: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_published(value, source)
        except InputError as e:
            raise InputError(source, e.problem, line) from e
    raise InputError(source, f"published date must be text, not {type(value).__name__}", line)


def _tlp_value(value: object, source: str, line: int | None) -> Tlp:
    if not isinstance(value, str):
        raise InputError(source, f"'tlp' must be text such as TLP:GREEN, not {value!r}", line)
    return parse_tlp(value, source, line)
