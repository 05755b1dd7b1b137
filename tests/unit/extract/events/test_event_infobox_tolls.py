"""Tests for tolls stated by an infobox (mosaic.extract.events.infobox_tolls)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mosaic.extract.events.infobox_tolls import attach_infobox_tolls, infobox_tolls
from mosaic.model import Count, EventFinding, EventType, Evidence

BOX = """= 2031 Harbour bombing =

Infobox
- Date: 3 May 2031
- Fatalities: 27 (+2 bombers)
- Injuries: 60+

On 3 May 2031, a bomb exploded at the harbour gate, killing dozens of dock workers.
A second blast hit a market in 2029.
"""


def finding(start: int, **slots: object) -> EventFinding:
    base = EventFinding(EventType.ATTACK, Evidence(start, start + 40, "x"), "test", confidence=0.6)
    return replace(base, **slots)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rows", "killed", "wounded"),
    [
        ("- Fatalities: 27 (+2 bombers)\n- Injuries: 60+\n", Count(27, 27), Count(60, None)),
        ("| Deaths | at least 12 |\n", Count(12, None), None),
        ("- Injuries: 85:, Station: 44, Bus: 41\n- Deaths: 30\n", Count(30, 30), None),
        ("- Date: 3 May 2031\n", None, None),
    ],
)
def test_infobox_tolls_rows(rows: str, killed: Count | None, wounded: Count | None) -> None:
    assert infobox_tolls(rows)[:2] == (killed, wounded)


def test_infobox_tolls_go_to_the_pages_attack_where_its_prose_has_none() -> None:
    start = BOX.index("On 3 May")
    later = BOX.index("A second")
    events = [finding(start), finding(later, killed=Count(3, 3))]
    first, second = attach_infobox_tolls(events, BOX, 0.3)
    assert (first.killed, first.wounded) == (Count(27, 27), Count(60, None))
    assert (second.killed, second.wounded) == (Count(3, 3), None)


def test_infobox_tolls_keep_the_prose_toll() -> None:
    event = finding(BOX.index("On 3 May"), killed=Count(31, 31))
    [kept] = attach_infobox_tolls([event], BOX, 0.3)
    assert kept.killed == Count(31, 31) and kept.wounded == Count(60, None)
