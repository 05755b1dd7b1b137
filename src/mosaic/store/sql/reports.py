"""Reports, their near-duplicate links and their mentions in the SQL store."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence

import sqlalchemy as sa

from mosaic.model import Mention, Report
from mosaic.store.bands import band_buckets
from mosaic.store.ports import NearDuplicate
from mosaic.store.rows import mention_of, mention_row, minhash_of, report_of, report_row
from mosaic.store.rules import canonical_pair
from mosaic.store.schema import mentions as mention_table
from mosaic.store.schema import near_duplicates, report_bands, reports
from mosaic.store.sql.base import SqlBase, chunked, upsert

MINHASH_PAGE = 1000
_signature = functools.lru_cache(maxsize=16 * MINHASH_PAGE)(minhash_of)
"""Stored signatures parsed once: one is read again for every new report that resembles it."""
_WITH_IDS = sa.select(reports).where(reports.c.id.in_(sa.bindparam("ids", expanding=True)))
_WITH_ID = sa.select(reports).where(reports.c.id == sa.bindparam("id"))
_WITH_HASH = sa.select(reports.c.id).where(reports.c.content_hash == sa.bindparam("hash")).limit(1)
_UNBAND = sa.delete(report_bands).where(report_bands.c.report_id == sa.bindparam("report_id"))
"""The queries ingest runs for every report, built once: building one costs more than
running it here."""


class SqlReports(SqlBase):
    def has_report(self, content_hash: str) -> bool:
        with self._connect() as connection:
            return connection.execute(_WITH_HASH, {"hash": content_hash}).first() is not None

    def add_report(self, report: Report, minhash: Sequence[int]) -> None:
        """Store the report, or update its metadata; the first ingestion time is kept."""
        row = {**report_row(report, minhash), "ingested_at": _now()}
        bands = [
            {"report_id": report.id, "band": band, "bucket": bucket}
            for band, bucket in _band_buckets(tuple(minhash))
        ]
        with self._connect() as connection:
            upsert(connection, reports, [row], keep=("ingested_at",))
            connection.execute(_UNBAND, {"report_id": report.id})
            if bands:
                connection.execute(sa.insert(report_bands), bands)

    def get_report(self, report_id: str) -> Report | None:
        with self._connect() as connection:
            row = connection.execute(_WITH_ID, {"id": report_id}).first()
        return report_of(row._mapping) if row else None

    def get_reports(self, report_ids: Sequence[str]) -> dict[str, Report]:
        """The reports with these ids, by id in the order asked; one query per IDS_PER_QUERY."""
        found: dict[str, Report] = {}
        with self._connect() as connection:
            for chunk in chunked(report_ids):
                rows = connection.execute(_WITH_IDS, {"ids": chunk}).mappings()
                found.update((row["id"], report_of(row)) for row in rows)
        return {i: found[i] for i in dict.fromkeys(report_ids) if i in found}

    def list_reports(self, limit: int = 100, offset: int = 0) -> list[Report]:
        """The most recently ingested first."""
        query = (
            sa.select(reports)
            .order_by(reports.c.ingested_at.desc(), reports.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._connect() as connection:
            return [report_of(row) for row in connection.execute(query).mappings().all()]

    def iter_minhashes(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Every report's signature, read in pages by id so no cursor stays open between them."""
        after = ""
        while True:
            query = (
                sa.select(reports.c.id, reports.c.minhash)
                .where(reports.c.id > after)
                .order_by(reports.c.id)
                .limit(MINHASH_PAGE)
            )
            with self._connect() as connection:
                page = connection.execute(query).all()
            for report_id, minhash in page:
                yield report_id, _signature(minhash)
            if len(page) < MINHASH_PAGE:
                return
            after = page[-1][0]

    def near_duplicate_candidates(
        self, minhash: Sequence[int]
    ) -> list[tuple[str, tuple[int, ...]]]:
        """Stored reports sharing a band bucket with `minhash` (`store.bands`), by id, with
        their signatures: one indexed look-up, however many reports are stored."""
        keys = _band_buckets(tuple(minhash))
        if not keys:
            return []
        values = {f"bucket_{band}": bucket for band, bucket in keys}
        with self._connect() as connection:
            rows = connection.execute(_candidates(len(keys)), values).all()
        return [(report_id, _signature(minhash)) for report_id, minhash in rows]

    def link_near_duplicate(self, link: NearDuplicate) -> None:
        first, second = canonical_pair(link.report_id, link.other_id)
        row = {"report_id": first, "other_id": second, "similarity": link.similarity}
        with self._connect() as connection:
            upsert(connection, near_duplicates, [row])

    def near_duplicates_of(self, report_id: str) -> list[NearDuplicate]:
        """Links touching the report, each turned to start from it; most similar first."""
        table = near_duplicates
        query = sa.select(table).where(
            sa.or_(table.c.report_id == report_id, table.c.other_id == report_id)
        )
        with self._connect() as connection:
            rows = connection.execute(query).all()
        links = [
            NearDuplicate(
                report_id,
                row.other_id if row.report_id == report_id else row.report_id,
                row.similarity,
            )
            for row in rows
        ]
        return sorted(links, key=lambda link: (-link.similarity, link.other_id))

    def add_mentions(self, mentions: Sequence[Mention]) -> None:
        """Store mentions; one with the same report and span replaces the stored one."""
        with self._connect() as connection:
            upsert(connection, mention_table, [mention_row(mention) for mention in mentions])

    def mentions_in_report(self, report_id: str) -> list[Mention]:
        query = (
            sa.select(mention_table)
            .where(mention_table.c.report_id == report_id)
            .order_by(mention_table.c.span_start, mention_table.c.span_end)
        )
        with self._connect() as connection:
            return [mention_of(row) for row in connection.execute(query).mappings().all()]


@functools.lru_cache(maxsize=16)
def _band_buckets(signature: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """`band_buckets` of a signature, hashed once though a new report's are both looked up
    and stored."""
    return tuple(band_buckets(signature))


@functools.lru_cache(maxsize=8)
def _candidates(bands: int) -> sa.Select[str, str]:
    """The reports with any of `bands` buckets, built once: building 32 conditions is costly.

    An OR of (band, bucket) pairs, not a tuple IN: SQLite searches its index only for this.
    """
    column = report_bands.c
    matches = [
        sa.and_(column.band == band, column.bucket == sa.bindparam(f"bucket_{band}"))
        for band in range(bands)
    ]
    banded = sa.select(column.report_id).where(sa.or_(*matches))
    return (
        sa.select(reports.c.id, reports.c.minhash)
        .where(reports.c.id.in_(banded))
        .order_by(reports.c.id)
    )


def _now() -> dt.datetime:
    """UTC without a zone, as the column stores it on every dialect."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
