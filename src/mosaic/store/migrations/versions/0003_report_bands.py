"""Add the band index of report signatures, and fill it for the reports already stored.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03

Written out by hand, like 0001, and with its own copy of the banding of
`mosaic.store.bands` as it stood: buckets are stored, so a later change of the
banding needs a migration of its own that rebuilds them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ROWS = 2
_PAGE = 1000

_reports = sa.table("reports", sa.column("id", sa.String), sa.column("minhash", sa.Text))
_bands = sa.table(
    "report_bands",
    sa.column("report_id", sa.String),
    sa.column("band", sa.Integer),
    sa.column("bucket", sa.BigInteger),
)


def upgrade() -> None:
    op.create_table(
        "report_bands",
        sa.Column("report_id", sa.String, nullable=False),
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("bucket", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "band", name="pk_report_bands"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_report_bands_report_id_reports"
        ),
    )
    connection = op.get_bind()
    for page in _report_pages(connection):
        rows = [
            {"report_id": report_id, "band": band, "bucket": bucket}
            for report_id, minhash in page
            for band, bucket in _band_buckets(json.loads(minhash))
        ]
        if rows:
            connection.execute(sa.insert(_bands), rows)
    # Built after the rows are in: one sort instead of an index update per row.
    op.create_index(
        "ix_report_bands_band_bucket_report_id", "report_bands", ["band", "bucket", "report_id"]
    )


def downgrade() -> None:
    op.drop_table("report_bands")


def _report_pages(connection: sa.Connection) -> Iterator[list[tuple[str, str]]]:
    after = ""
    while True:
        query = (
            sa.select(_reports.c.id, _reports.c.minhash)
            .where(_reports.c.id > after)
            .order_by(_reports.c.id)
            .limit(_PAGE)
        )
        page = [(row.id, row.minhash) for row in connection.execute(query)]
        if page:
            yield page
        if len(page) < _PAGE:
            return
        after = page[-1][0]


def _band_buckets(signature: list[int]) -> list[tuple[int, int]]:
    return [
        (band, _bucket(signature[start : start + _ROWS]))
        for band, start in enumerate(range(0, len(signature), _ROWS))
    ]


def _bucket(values: list[int]) -> int:
    text = ",".join(str(value) for value in values).encode("ascii")
    digest = hashlib.blake2b(text, digest_size=8, person=b"mosaic.band").digest()
    return int.from_bytes(digest, "big", signed=True)
