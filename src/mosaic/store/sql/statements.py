"""Statements (sourced claims) and their review status in the SQL store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import sqlalchemy as sa

from mosaic.errors import NotFoundError
from mosaic.model import ReviewStatus, Statement, SubjectKind
from mosaic.store.rows import statement_of, statement_row
from mosaic.store.rules import merged_status
from mosaic.store.schema import statements as table
from mosaic.store.sql import statement_markings
from mosaic.store.sql.base import SqlBase, chunked, upsert


class SqlStatements(SqlBase):
    def add_statements(self, statements: Sequence[Statement]) -> None:
        """Store statements; a stored one is updated but keeps its review decision."""
        with self._connect() as connection:
            subjects = write_statements(connection, statements)
            statement_markings.refresh_subjects(connection, subjects)

    def get_statement(self, statement_id: str) -> Statement | None:
        found = self._statements(table.c.id == statement_id)
        return found[0] if found else None

    def statements_about(self, kind: SubjectKind, subject_id: str) -> list[Statement]:
        """By property, then report and position, so rival claims sit together."""
        return self._statements(
            table.c.subject_kind == kind.value,
            table.c.subject_id == subject_id,
            order=(table.c.prop, table.c.report_id, table.c.span_start),
        )

    def statements_about_each(
        self, kind: SubjectKind, subject_ids: Sequence[str]
    ) -> dict[str, list[Statement]]:
        """`statements_about` of each subject (every one a key), one query per IDS_PER_QUERY."""
        found: dict[str, list[Statement]] = {i: [] for i in subject_ids}
        for chunk in chunked(subject_ids):
            for statement in self._statements(
                table.c.subject_kind == kind.value,
                table.c.subject_id.in_(chunk),
                order=(table.c.subject_id, table.c.prop, table.c.report_id, table.c.span_start),
            ):
                found[statement.subject_id].append(statement)
        return found

    def statements_in_report(self, report_id: str) -> list[Statement]:
        """In the order they appear in the text."""
        return self._statements(table.c.report_id == report_id, order=(table.c.span_start,))

    def set_statement_status(self, statement_id: str, status: ReviewStatus) -> None:
        """Record a review decision; NotFoundError if there is no such statement."""
        query = sa.update(table).where(table.c.id == statement_id).values(status=status.value)
        with self._connect() as connection:
            if connection.execute(query).rowcount == 0:
                raise NotFoundError(f"statement {statement_id}: no such statement")

    def _statements(
        self,
        *conditions: sa.ColumnElement[bool],
        order: Sequence[sa.ColumnElement[object]] = (),
    ) -> list[Statement]:
        query = sa.select(table).where(*conditions).order_by(*order, table.c.id)
        with self._connect() as connection:
            return [statement_of(row) for row in connection.execute(query).mappings().all()]


# A decision carried by an added statement applies only where none is stored yet.
_DECIDE = (
    sa.update(table)
    .where(table.c.id == sa.bindparam("statement_id"))
    .where(table.c.status == ReviewStatus.UNREVIEWED.value)
    .values(status=sa.bindparam("decided"))
)


def write_statements(
    connection: sa.Connection, statements: Sequence[Statement]
) -> set[tuple[str, str]]:
    """Upsert the statements (a stored one keeps its review decision); the (kind, id) of the
    subjects whose statement markings the caller must refresh: theirs and, for a stored
    statement now about another subject, the one it was about."""
    batch = _merged(statements)
    decisions = [
        {"statement_id": item.id, "decided": item.status.value}
        for item in batch
        if item.status is not ReviewStatus.UNREVIEWED
    ]
    moved_from = statement_markings.subjects_of(connection, [item.id for item in batch])
    upsert(connection, table, [statement_row(item) for item in batch], keep={"status"})
    if decisions:
        connection.execute(_DECIDE, decisions)
    return {(item.subject_kind.value, item.subject_id) for item in batch} | moved_from


def _merged(batch: Sequence[Statement]) -> list[Statement]:
    """One statement per id, as adding them one after another would leave it."""
    merged: dict[str, Statement] = {}
    for item in batch:
        stored = merged.get(item.id)
        if stored is not None:
            item = replace(item, status=merged_status(stored.status, item.status))
        merged[item.id] = item
    return list(merged.values())
