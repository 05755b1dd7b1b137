"""Read GTD- and ACLED-shaped CSV: one event a row, with its figures and sources.

GTD rows: the date from iyear/imonth/iday (0 unknown), the type from attacktype1_txt
(`suicide` 1 makes a bombing a suicide bombing), perpetrators gname/gname2/gname3
("Unknown" is none), nkill/nwound, claimed, the place from city/country_txt/latitude/
longitude, sources scite1..3. ACLED rows: event_date with time_precision, the type from
sub_event_type, actor1/assoc_actor_1 the perpetrators, actor2 the targets, fatalities,
location/country/latitude/longitude, source. The `mosaic_*` columns Mosaic writes, where
present, win: they keep dates' precision, ranges and the TLP label. The evidence the
row gives (GTD `summary`, ACLED `notes`) is the sentence of each statement.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable

from mosaic.errors import InputError
from mosaic.exchange.codebooks import ACLED_READ, GTD_ATTACK_READ, country_code
from mosaic.exchange.importing import ClaimDraft, ImportBatch, SourceDraft, tlp_named
from mosaic.model import (
    AttackType,
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    PerpetratorStatus,
    SubjectKind,
)

GTD_CITATION = re.compile(
    r'^"(?P<title>.*),"(?: (?P<publisher>[^,]+?))?(?:, (?P<date>\d{4}-\d{2}-\d{2}))?\.'
    r"(?: (?P<url>\S+))?$"
)
Row = dict[str, str]
RowReader = Callable[[ImportBatch, Row, str], None]


def read_gtd(text: str, source: str) -> ImportBatch:
    return _read(text, source, "csv-gtd", "eventid", _gtd_event)


def read_acled(text: str, source: str) -> ImportBatch:
    return _read(text, source, "csv-acled", "event_date", _acled_event)


def _read(text: str, source: str, name: str, needed: str, reader: RowReader) -> ImportBatch:
    rows = list(csv.DictReader(io.StringIO(text)))
    if rows and needed not in rows[0]:
        raise InputError(source, f"no {needed!r} column: not a {name} file")
    batch = ImportBatch(name)
    for number, row in enumerate(rows, 2):
        try:
            reader(batch, row, f"row{number}")
        except ValueError as error:
            raise InputError(source, f"cannot read the row: {error}", number) from error
    return batch


def _gtd_event(batch: ImportBatch, row: Row, key: str) -> None:
    attack = GTD_ATTACK_READ.get(row.get("attacktype1_txt", ""), AttackType.UNKNOWN)
    if attack is AttackType.BOMBING and row.get("suicide") == "1":
        attack = AttackType.SUICIDE_BOMBING
    claimed = {"1": PerpetratorStatus.CLAIMED}.get(row.get("claimed", ""))
    if row.get("guncertain1") == "1":
        claimed = PerpetratorStatus.SUSPECTED
    groups = [row.get(c, "") for c in ("gname", "gname2", "gname3")]
    event = Event(
        key,
        EventType.ATTACK,
        attack,
        _gtd_date(row),
        country=country_code(row.get("country_txt", "")),
        place_id=_place(batch, row, "city", "country_txt"),
        perpetrators=_actors(batch, [g for g in groups if g and g != "Unknown"]),
        perpetrator_status=claimed,
        targets=tuple(t for t in [row.get("target1", "")] if t),
        killed=_number(row.get("nkill")),
        wounded=_number(row.get("nwound")),
    )
    citations = row.get("mosaic_sources", "").split(" | ") if row.get("mosaic_sources") else None
    sources = citations or [row.get(c, "") for c in ("scite1", "scite2", "scite3")]
    _add(batch, _mosaic_columns(event, row), [s for s in sources if s], row.get("summary", ""))


def _gtd_date(row: Row) -> FuzzyDate | None:
    year, month, day = (int(row.get(c) or 0) for c in ("iyear", "imonth", "iday"))
    if not year:
        return None
    return FuzzyDate(year, month or None, (day or None) if month else None)


def _acled_event(batch: ImportBatch, row: Row, key: str) -> None:
    kind, attack = ACLED_READ.get(row.get("sub_event_type", ""), (EventType.ATTACK, None))
    date = row.get("event_date", "")
    precise = FuzzyDate.parse(date) if date else None
    if precise and row.get("time_precision") not in ("", "1"):
        precise = precise.truncate(precise.precision.MONTH)
    actors = [row.get("actor1", ""), *row.get("assoc_actor_1", "").split("; ")]
    event = Event(
        key,
        kind,
        attack,
        precise,
        country=country_code(row.get("country", "")),
        place_id=_place(batch, row, "location", "country"),
        perpetrators=_actors(batch, [a for a in actors if a and not a.startswith("Unidentified")]),
        targets=tuple(t for t in row.get("actor2", "").split("; ") if t),
        killed=_number(row.get("fatalities")),
    )
    citations = row.get("mosaic_sources", "").split(" | ") if row.get("mosaic_sources") else []
    publishers = [f'"{p}," {p}.' for p in row.get("source", "").split("; ") if p]
    _add(batch, _mosaic_columns(event, row), citations or publishers, row.get("notes", ""))


def _mosaic_columns(event: Event, row: Row) -> Event:
    """The event with what the `mosaic_*` columns state more exactly."""
    if not row.get("mosaic_type"):
        return event
    event.type = EventType(row["mosaic_type"])
    event.attack_type = (
        AttackType(row["mosaic_attack_type"]) if row.get("mosaic_attack_type") else None
    )
    event.date = FuzzyDate.parse(row["mosaic_date"]) if row.get("mosaic_date") else None
    event.date_end = FuzzyDate.parse(row["mosaic_date_end"]) if row.get("mosaic_date_end") else None
    event.killed = _count(row.get("mosaic_killed"))
    event.wounded = _count(row.get("mosaic_wounded"))
    status = row.get("mosaic_perpetrator_status")
    event.perpetrator_status = PerpetratorStatus(status) if status else None
    event.targets = tuple(t for t in row.get("mosaic_targets", "").split("; ") if t)
    event.marking = Marking(tlp=tlp_named(row.get("mosaic_tlp")))
    return event


def _add(batch: ImportBatch, event: Event, citations: list[str], evidence: str) -> None:
    batch.events[event.id] = event
    for citation in citations:
        key = citation
        batch.sources.setdefault(key, _source(citation))
        batch.claims.append(
            ClaimDraft(SubjectKind.EVENT, event.id, "exists", event.type.value, key, evidence)
        )


def _source(citation: str) -> SourceDraft:
    match = GTD_CITATION.match(citation.strip())
    if match is None:
        return SourceDraft(citation.strip())
    date = match.group("date")
    return SourceDraft(
        match.group("title"),
        match.group("url"),
        match.group("publisher"),
        dt.date.fromisoformat(date) if date else None,
    )


def _place(batch: ImportBatch, row: Row, name_column: str, country_column: str) -> str | None:
    name = row.get(name_column, "").strip()
    if not name or name.lower() == "unknown":
        return None
    latitude, longitude = row.get("latitude"), row.get("longitude")
    key = f"place:{name}"
    batch.entities.setdefault(
        key,
        Entity(
            key,
            EntityKind.PLACE,
            name,
            country=country_code(row.get(country_column, "")),
            latitude=float(latitude) if latitude else None,
            longitude=float(longitude) if longitude else None,
        ),
    )
    return key


def _actors(batch: ImportBatch, names: list[str]) -> tuple[str, ...]:
    for name in names:
        batch.entities.setdefault(
            f"actor:{name}", Entity(f"actor:{name}", EntityKind.ORGANIZATION, name)
        )
    return tuple(f"actor:{name}" for name in names)


def _number(text: str | None) -> Count | None:
    if not text or text in ("-9", "-99"):
        return None
    return Count.exactly(int(float(text)))


def _count(text: str | None) -> Count | None:
    if not text:
        return None
    if text.endswith("+"):
        return Count.at_least(int(text[:-1]))
    low, _, high = text.partition("-")
    return Count(int(low), int(high or low))
