"""The event filters shared by event lists, statistics, the map and the web pages.

`since`/`until` take `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (since: its first day,
until: its last day); `group` is an entity id, name or alias; `marking` keeps
records labelled at most that TLP.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mosaic.analysis.lookup import find_entity
from mosaic.api import params
from mosaic.model import EventType
from mosaic.store.ports import EventQuery, Repository


@dataclass(frozen=True)
class EventFilters:
    """Filters as given, before the group's name is looked up."""

    query: EventQuery
    group: str | None = None

    def resolve(self, repo: Repository, **changes: object) -> EventQuery:
        """The repository query: the group resolved to its id, plus paging or ordering."""
        query = replace(self.query, **changes)  # type: ignore[arg-type]
        if self.group:
            query = replace(query, participant_ids=(find_entity(repo, self.group).id,))
        return query

    def as_params(self) -> dict[str, str]:
        """The filters as query parameters, for links that keep them."""
        q = self.query
        values = {
            "since": q.since.isoformat() if q.since else None,
            "until": q.until.isoformat() if q.until else None,
            "country": q.country,
            "type": q.type.value if q.type else None,
            "group": self.group,
            "marking": q.max_tlp.value if q.max_tlp else None,
        }
        return {k: v for k, v in values.items() if v}


def event_filters(
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    type: str | None = None,
    group: str | None = None,
    marking: str | None = None,
) -> EventFilters:
    """FastAPI dependency: the event filters of the query string, checked."""
    query = EventQuery(
        country=params.country(country),
        type=params.choice(type, EventType, "type"),
        since=params.first_day(since, "since"),
        until=params.last_day(until, "until"),
        max_tlp=params.marking(marking),
    )
    return EventFilters(query, group or None)
