"""Add the review log: analysts' decisions on facts and entities, kept with who and when.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02

Written out by hand, like 0001, so that it keeps creating the same table
whatever `mosaic.store.review` becomes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("target", sa.String, nullable=False),
        sa.Column("reviewer", sa.String, nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("undone_at", sa.DateTime),
        sa.Column("undone_by", sa.String),
        sa.PrimaryKeyConstraint("id", name="pk_review_decisions"),
    )
    op.create_index("ix_review_decisions_target", "review_decisions", ["target", "decided_at"])


def downgrade() -> None:
    op.drop_table("review_decisions")
