"""The place a wire report was filed from, named by its dateline.

Wire and broadcast reports open with the place they were filed from, before the date,
the agency or a dash: "SAN SALVADOR, 19 MAR 89 (RADIO CADENA YSKL) -- [TEXT] ...",
"KABUL, Afghanistan (AP) — ...", "PESHAWAR: ...". Most of what such a report tells
happened in that country, so the dateline's country is a report's focus when its
mentions leave the focus open (`events/focus`). The name is read from the text itself,
as the NER often takes a capitalised dateline for an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mosaic.extract.places.table import Place, PlaceTable

DATELINE_CHARS = 200
"""How far into the report its dateline may end (after a headline of a line or two)."""

_NAME = r"[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*){0,3}"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_NAME})"  # the place, capitalised: "SAN SALVADOR", "Kabul"
    rf"(?:,[ \t]+{_NAME})?"  # its country or province: ", Afghanistan"
    r"(?:,?[ \t]+\d{1,2}[ \t]+[A-Za-z]{3,9}\.?[ \t]+\d{2,4}"  # ", 19 MAR 89"
    r"|,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)?"  # ", March 19, 1989"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"  # the agency: "(AP)", "(RADIO VENCEREMOS)"
    r"[ \t]*(?:--|—|–|:)[ \t]",  # the dash or colon that ends the dateline
    re.MULTILINE,
)
_FEATURES = frozenset({"country", "city", "town", "village", "district", "province", "region"})


@dataclass(frozen=True)
class Dateline:
    """The place a report's dateline names, and the character its dateline ends at."""

    place: Place
    end: int


def read_dateline(text: str, table: PlaceTable) -> Dateline | None:
    """The report's dateline, or None when it has none or its name is no place the table
    knows."""
    match = _DATELINE.search(text[:DATELINE_CHARS])
    if match is None:
        return None
    place = table.resolve(match.group("place"))
    if place is None or place.feature not in _FEATURES:
        return None
    return Dateline(place, match.end())


def dateline_end(text: str) -> int | None:
    """The character the text's dateline ends at, whatever place it names, or None when the
    text opens with none: what stands before it is where and when the report was filed."""
    span = dateline_span(text)
    return span[1] if span is not None else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """The characters the text's dateline starts and ends at (after any headline), whatever
    place it names, or None when the text opens with none."""
    match = _DATELINE.search(text[:DATELINE_CHARS])
    return (match.start("place"), match.end()) if match is not None else None
