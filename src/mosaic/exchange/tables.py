"""GTD- and ACLED-shaped CSV: one row an event, in each codebook's columns and codes.

GTD mapping: eventid = the date's digits (unknown parts 00) and a 4-digit serial;
iyear/imonth/iday with 0 for an unstated month or day and approxdate the date as
stated; country_txt from the ISO code; city/latitude/longitude from the place; suicide
1 for a suicide bombing; attacktype1_txt and targtype1_txt per `codebooks`;
gname/gname2/gname3 the perpetrators ("Unknown" where none); guncertain1 1 where the
attribution is only suspected; claimed 1 claimed, 0 stated otherwise, -9 unknown;
nkill/nwound the lowest figure stated (GTD's conservative count); scite1..3 the first
three sources as "Title," Publisher, date. URL.
ACLED mapping: event_date ISO (the first day where only month or year are known) with
time_precision 1 day, 3 month or year; disorder_type/event_type/sub_event_type per
`codebooks`; actor1 the first perpetrator, assoc_actor_1 the others, actor2 the targets;
country/location/latitude/longitude from the place (admin1 left empty: Mosaic's places
have no province); fatalities the lowest killed figure (0 when none); source the
publishers; notes the evidence sentences.
Both add `mosaic_*` columns (id, type, attack type, dates and tolls as stated, range
included, and the TLP label) so that a round trip loses nothing the codes cannot hold.
"""

from __future__ import annotations

import csv
import io

from mosaic.exchange.codebooks import (
    acled_type,
    country_name,
    gtd_attack,
    gtd_target_type,
)
from mosaic.exchange.snapshot import Snapshot
from mosaic.model import AttackType, Count, Event, PerpetratorStatus, Report

GTD_COLUMNS = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "country_txt", "provstate", "city",
    "latitude", "longitude", "summary", "suicide", "attacktype1_txt", "targtype1_txt", "target1",
    "gname", "gname2", "gname3", "guncertain1", "claimed", "nkill", "nwound",
    "scite1", "scite2", "scite3", "dbsource",
]  # fmt: skip
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]  # fmt: skip
MOSAIC_COLUMNS = [
    "mosaic_id", "mosaic_type", "mosaic_attack_type", "mosaic_date", "mosaic_date_end",
    "mosaic_killed", "mosaic_wounded", "mosaic_perpetrator_status", "mosaic_targets",
    "mosaic_sources", "mosaic_tlp",
]  # fmt: skip

Row = dict[str, object]


def export_gtd(snapshot: Snapshot) -> str:
    return _write(GTD_COLUMNS, [_gtd_row(snapshot, e, n) for n, e in enumerate(snapshot.events)])


def export_acled(snapshot: Snapshot) -> str:
    return _write(
        ACLED_COLUMNS, [_acled_row(snapshot, e, n) for n, e in enumerate(snapshot.events)]
    )


def _write(columns: list[str], rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, [*columns, *MOSAIC_COLUMNS], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _gtd_row(snapshot: Snapshot, event: Event, serial: int) -> Row:
    date, place = event.date, snapshot.entity(event.place_id)
    groups = snapshot.names(event.perpetrators) or ["Unknown"]
    sources = _sources(snapshot, event)
    row: Row = {
        "eventid": f"{date.year if date else 0:04d}{(date and date.month) or 0:02d}"
        f"{(date and date.day) or 0:02d}{serial + 1:04d}",
        "iyear": date.year if date else "",
        "imonth": (date and date.month) or 0,
        "iday": (date and date.day) or 0,
        "approxdate": date.iso() if date and date.day is None else "",
        "country_txt": country_name(event.country),
        "city": place.name if place else "",
        "latitude": place.latitude if place else "",
        "longitude": place.longitude if place else "",
        "summary": _evidence(snapshot, event)[:1000],
        "suicide": int(event.attack_type is AttackType.SUICIDE_BOMBING),
        "attacktype1_txt": gtd_attack(event),
        "targtype1_txt": gtd_target_type(event.targets[0]) if event.targets else "Unknown",
        "target1": event.targets[0] if event.targets else "",
        "guncertain1": int(event.perpetrator_status is PerpetratorStatus.SUSPECTED),
        "claimed": _claimed(event),
        "nkill": event.killed.low if event.killed else "",
        "nwound": event.wounded.low if event.wounded else "",
        "dbsource": "Mosaic",
    }
    row |= {f"gname{n + 1 if n else ''}": name for n, name in enumerate(groups[:3])}
    row |= {f"scite{n + 1}": _citation(report) for n, report in enumerate(sources[:3])}
    return row | _mosaic_columns(snapshot, event)


def _acled_row(snapshot: Snapshot, event: Event, serial: int) -> Row:
    date, place = event.date, snapshot.entity(event.place_id)
    disorder, kind, sub = acled_type(event)
    actors = snapshot.names(event.perpetrators)
    sources = _sources(snapshot, event)
    row: Row = {
        "event_id_cnty": f"{event.country or 'XX'}{serial + 1}",
        "event_date": date.first_day().isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": (1 if date.day else 3) if date else "",
        "disorder_type": disorder,
        "event_type": kind,
        "sub_event_type": sub,
        "actor1": actors[0] if actors else "Unidentified Armed Group",
        "assoc_actor_1": "; ".join(actors[1:]),
        "actor2": "; ".join(event.targets),
        "country": country_name(event.country),
        "location": place.name if place else "",
        "latitude": place.latitude if place else "",
        "longitude": place.longitude if place else "",
        "geo_precision": 1 if place and place.latitude is not None else 3,
        "source": "; ".join(dict.fromkeys(r.publisher or r.title or r.id for r in sources)),
        "notes": _evidence(snapshot, event),
        "fatalities": event.killed.low if event.killed else 0,
    }
    return row | _mosaic_columns(snapshot, event)


def _mosaic_columns(snapshot: Snapshot, event: Event) -> Row:
    sources = _sources(snapshot, event)
    return {
        "mosaic_id": event.id,
        "mosaic_type": event.type.value,
        "mosaic_attack_type": event.attack_type.value if event.attack_type else "",
        "mosaic_date": event.date.iso() if event.date else "",
        "mosaic_date_end": event.date_end.iso() if event.date_end else "",
        "mosaic_killed": _count(event.killed),
        "mosaic_wounded": _count(event.wounded),
        "mosaic_perpetrator_status": event.perpetrator_status or "",
        "mosaic_targets": "; ".join(event.targets),
        "mosaic_sources": " | ".join(_citation(r) for r in sources),
        "mosaic_tlp": event.marking.tlp.value,
    }


def _count(count: Count | None) -> str:
    return str(count) if count else ""


def _claimed(event: Event) -> int:
    if event.perpetrator_status is PerpetratorStatus.CLAIMED:
        return 1
    return 0 if event.perpetrator_status else -9


def _sources(snapshot: Snapshot, event: Event) -> list[Report]:
    found = {c.report.id: c.report for c in snapshot.cited(event.id) if c.report is not None}
    return list(found.values())


def _evidence(snapshot: Snapshot, event: Event) -> str:
    return " ".join(dict.fromkeys(c.statement.sentence for c in snapshot.cited(event.id)))


def _citation(report: Report) -> str:
    """A source as GTD cites one: `"Title," Publisher, 2014-06-09. URL`."""
    text = f'"{report.title or report.id},"'
    text += f" {report.publisher}" if report.publisher else ""
    text += f", {report.published.isoformat()}" if report.published else ""
    return text + "." + (f" {report.url}" if report.url else "")
