"""The knowledge base as pandas tables and a networkx graph, for notebooks.

    >>> import mosaic
    >>> kb = mosaic.open("mosaic.db")
    >>> kb.events(group="TTP", since="2014").groupby("attack_type").killed_min.sum()
    >>> graph = kb.network(as_of="2015-01-01")

Every table is read through the repository port, as the exports are: one row an
event or relation, with its sources counted and listed, what the local analyst sees.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
import pandas as pd

from mosaic.analysis.lookup import find_entity
from mosaic.bootstrap import Settings, open_repository
from mosaic.errors import InputError
from mosaic.exchange.graphs import network_graph
from mosaic.exchange.snapshot import ExportFilter, Snapshot, take_snapshot
from mosaic.model import Event, EventType, FuzzyDate, Relation
from mosaic.store.ports import Repository

EVENT_COLUMNS = [
    "id", "type", "attack_type", "date", "first_day", "country", "place", "latitude",
    "longitude", "perpetrators", "perpetrator_status", "targets", "killed_min", "killed_max",
    "wounded_min", "wounded_max", "sources", "tlp",
]  # fmt: skip
RELATION_COLUMNS = [
    "id", "type", "subject", "object", "start", "end", "subject_id", "object_id", "sources",
    "tlp",
]  # fmt: skip


class KnowledgeBase:
    """A handle on one knowledge base; every method reads it afresh."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def events(
        self,
        group: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
    ) -> pd.DataFrame:
        """One row an event, filtered as `mosaic events` filters (dates as YYYY[-MM[-DD]])."""
        snapshot = take_snapshot(self.repo, self._filter(group, country, since, until, type))
        rows = [_event_row(snapshot, event) for event in snapshot.events]
        return pd.DataFrame(rows, columns=EVENT_COLUMNS)

    def relations(self, as_of: str | None = None, group: str | None = None) -> pd.DataFrame:
        """One row a relation; with `as_of`, those standing on that day."""
        snapshot = self._relations(as_of, group)
        rows = [_relation_row(snapshot, relation) for relation in snapshot.relations]
        return pd.DataFrame(rows, columns=RELATION_COLUMNS)

    def network(self, as_of: str | None = None, group: str | None = None) -> nx.MultiDiGraph:
        """Groups and people as nodes, relations as edges keyed by relation id, with dates."""
        return network_graph(self._relations(as_of, group))

    def _relations(self, as_of: str | None, group: str | None) -> Snapshot:
        selection = ExportFilter(
            group_id=find_entity(self.repo, group).id if group else None,
            as_of=_day(as_of, "as_of", last=False),
            with_events=False,
        )
        return take_snapshot(self.repo, selection)

    def _filter(
        self,
        group: str | None,
        country: str | None,
        since: str | None,
        until: str | None,
        type: str | None,
    ) -> ExportFilter:
        try:
            kind = EventType(type) if type else None
        except ValueError as error:
            raise InputError("type", f"unknown event type {type!r}") from error
        return ExportFilter(
            group_id=find_entity(self.repo, group).id if group else None,
            country=country.upper() if country else None,
            type=kind,
            since=_day(since, "since", last=False),
            until=_day(until, "until", last=True),
            with_relations=False,
        )


def open(url: str | None = None) -> KnowledgeBase:
    """The knowledge base at `url` (a SQLite file or database URL; default $MOSAIC_DB_URL)."""
    return KnowledgeBase(open_repository(Settings.from_environment(url)))


def _day(value: str | None, name: str, last: bool) -> dt.date | None:
    if value is None:
        return None
    try:
        date = FuzzyDate.parse(value)
    except ValueError as error:
        raise InputError(name, f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from (
            error
        )
    return date.last_day() if last else date.first_day()


def _event_row(snapshot: Snapshot, event: Event) -> dict[str, Any]:
    place = snapshot.entity(event.place_id)
    return {
        "id": event.id,
        "type": event.type.value,
        "attack_type": event.attack_type.value if event.attack_type else None,
        "date": event.date.iso() if event.date else None,
        "first_day": pd.Timestamp(event.date.first_day()) if event.date else pd.NaT,
        "country": event.country,
        "place": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "perpetrators": snapshot.names(event.perpetrators),
        "perpetrator_status": event.perpetrator_status.value if event.perpetrator_status else None,
        "targets": list(event.targets),
        "killed_min": event.killed.low if event.killed else None,
        "killed_max": event.killed.high if event.killed else None,
        "wounded_min": event.wounded.low if event.wounded else None,
        "wounded_max": event.wounded.high if event.wounded else None,
        "sources": _titles(snapshot, event.id),
        "tlp": event.marking.tlp.value,
    }


def _relation_row(snapshot: Snapshot, relation: Relation) -> dict[str, Any]:
    subject = snapshot.entity(relation.subject_id)
    target = snapshot.entity(relation.object_id)
    return {
        "id": relation.id,
        "type": relation.type.value,
        "subject": subject.name if subject else relation.subject_id,
        "object": target.name if target else relation.object_id,
        "start": relation.start.iso() if relation.start else None,
        "end": relation.end.iso() if relation.end else None,
        "subject_id": relation.subject_id,
        "object_id": relation.object_id,
        "sources": _titles(snapshot, relation.id),
        "tlp": relation.marking.tlp.value,
    }


def _titles(snapshot: Snapshot, fact_id: str) -> list[str]:
    found = (c.report.title or c.report.id for c in snapshot.cited(fact_id) if c.report)
    return list(dict.fromkeys(found))
