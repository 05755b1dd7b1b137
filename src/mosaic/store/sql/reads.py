"""The SQL store's bulk reads: figures, ids and map points answered in a few queries each.

The queries themselves are in `mosaic.store.aggregates` (event counts) and
`mosaic.store.lookups` (the rest); each applies the reader's `Visibility` in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from mosaic.model import ReviewStatus, Statement, SubjectKind
from mosaic.store import aggregates, lookups
from mosaic.store.ports import Bucket, EventQuery, Visibility
from mosaic.store.sql.base import SqlBase


class SqlReads(SqlBase):
    """`Repository`'s bulk reads over the engine."""

    def event_counts(
        self, dimensions: Sequence[str], query: EventQuery, visibility: Visibility | None = None
    ) -> list[Bucket]:
        return aggregates.event_counts(self._engine, dimensions, query, visibility)

    def statement_ids(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> dict[str, list[str]]:
        return lookups.statement_ids(self._engine, kind, subject_ids, visibility)

    def report_ids_about(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> list[str]:
        return lookups.report_ids_about(self._engine, kind, subject_ids, visibility)

    def report_ids_titled(
        self, text: str, limit: int, visibility: Visibility | None = None
    ) -> list[str]:
        return lookups.report_ids_titled(self._engine, text, limit, visibility)

    def statements_with_status(
        self,
        status: ReviewStatus,
        limit: int,
        offset: int = 0,
        visibility: Visibility | None = None,
    ) -> list[Statement]:
        return lookups.statements_with_status(self._engine, status, limit, offset, visibility)

    def relation_years(self, visibility: Visibility | None = None) -> tuple[int, int] | None:
        return lookups.relation_years(self._engine, visibility)

    def network_json(self, day: dt.date, visibility: Visibility | None = None) -> dict[str, Any]:
        return lookups.network(self._engine, day, visibility)

    def map_points(
        self, query: EventQuery, limit: int, visibility: Visibility | None = None
    ) -> list[dict[str, Any]]:
        return lookups.map_points(self._engine, query, limit, visibility)

    def facts_seen_in_part(self, kind: SubjectKind, visibility: Visibility) -> list[str]:
        return lookups.facts_seen_in_part(self._engine, kind, visibility)
