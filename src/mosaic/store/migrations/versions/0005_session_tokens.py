"""Remember which API token started each web session, so revoking it ends them.

Revision ID: 0005_session_tokens
Revises: 0004_accounts
Create Date: 2026-12-05

Sessions stored before this migration have no token: they last while their
user keeps any active token, as they did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_session_tokens"
down_revision = "0004_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("web_sessions") as batch:
        batch.add_column(sa.Column("token_id", sa.String, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("web_sessions") as batch:
        batch.drop_column("token_id")
