"""Mark an event's toll counted one per person its reports name, which a stated number outranks.

Revision ID: 0007_named_tolls
Revises: 0006_statement_markings
Create Date: 2026-12-07

Adds `killed_named` and `wounded_named` to events. Events stored before this migration
keep false: their tolls are read as stated numbers, as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_named_tolls"
down_revision = "0006_statement_markings"
branch_labels = None
depends_on = None

_COLUMNS = ("killed_named", "wounded_named")


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name in _COLUMNS:
            batch.add_column(sa.Column(name, sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name in _COLUMNS:
            batch.drop_column(name)
