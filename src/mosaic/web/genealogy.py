"""An entity's relations laid out on a year axis: the small genealogy of the entity page."""

from __future__ import annotations

from typing import Any


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def genealogy(relations: list[dict[str, Any]], this_year: int) -> dict[str, Any]:
    """Bars from each relation's start to its end as percentages of the axis.

    An unknown start is drawn from the axis's start, an unknown end up to this
    year; `open_start`/`open_end` let the page show those ends as fading.
    """
    years = [y for r in relations for y in (_year(r["start"]), _year(r["end"])) if y]
    if not years:
        return {"bars": [], "ticks": []}
    first, last = min(years), max(max(years), this_year)
    span = max(last - first + 1, 1)
    bars = []
    for r in sorted(relations, key=lambda r: (r["start"] or "", r["type"])):
        start = _year(r["start"]) or first
        end = _year(r["end"]) or last
        bars.append(
            {
                **r,
                "left": round(100 * (start - first) / span, 2),
                "width": round(max(100 * (end - start + 1) / span, 2), 2),
                "open_start": r["start"] is None,
                "open_end": r["end"] is None,
            }
        )
    step = max(1, span // 8)
    ticks = [
        {"year": y, "left": round(100 * (y - first) / span, 2)}
        for y in range(first, last + 1, step)
    ]
    return {"bars": bars, "ticks": ticks}
