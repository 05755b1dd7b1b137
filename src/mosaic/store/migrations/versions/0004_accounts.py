"""Add organisations, users, API tokens, web sessions, sharing groups and the audit log;
give every record a distribution, and read TLP 1.0 labels as TLP 2.0.

Revision ID: 0004_accounts
Revises: 0003
Create Date: 2026-12-05

Written out by hand, like 0001. Records stored before this migration are
distributed to this instance's community (what they meant when there was one
reader); a label of TLP 1.0 (`TLP:WHITE`) becomes its TLP 2.0 name.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_accounts"
down_revision = "0003"
branch_labels = None
depends_on = None

_MARKED = ("reports", "entities", "events", "relations", "statements")
_TLP_LABELS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
_TLP_1 = {"TLP:WHITE": "TLP:CLEAR", "TLP:AMBER-STRICT": "TLP:AMBER+STRICT"}


def upgrade() -> None:
    for table in _MARKED:
        op.add_column(
            table,
            sa.Column("distribution", sa.String, nullable=False, server_default="community"),
        )
        op.add_column(table, sa.Column("sharing_group", sa.String))
        _rename_tlp(table)
    _create_accounts()
    _create_sharing_groups()
    _create_audit_log()


def downgrade() -> None:
    for name in (
        "audit_log",
        "sharing_group_members",
        "sharing_groups",
        "web_sessions",
        "api_tokens",
        "users",
        "organisations",
    ):
        op.drop_table(name)
    for table in _MARKED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("sharing_group")
            batch.drop_column("distribution")


def _rename_tlp(name: str) -> None:
    """Every stored label spelled as TLP 2.0 writes it (`white`, `TLP:WHITE`: `TLP:CLEAR`)."""
    table = sa.table(name, sa.column("tlp", sa.String))
    connection = op.get_bind()
    stored = connection.execute(sa.select(table.c.tlp).distinct()).scalars().all()
    for old in stored:
        new = _tlp_2(old)
        if new is not None and new != old:
            connection.execute(table.update().where(table.c.tlp == old).values(tlp=new))


def _tlp_2(label: str) -> str | None:
    spelled = label.strip().upper().replace(" ", "")
    spelled = spelled if spelled.startswith("TLP:") else f"TLP:{spelled}"
    spelled = _TLP_1.get(spelled, spelled)
    return spelled if spelled in _TLP_LABELS else None


def _create_accounts() -> None:
    op.create_table(
        "organisations",
        sa.Column("name", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_organisations"),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String, nullable=False),
        sa.Column("organisation", sa.String, nullable=False),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_users"),
        sa.ForeignKeyConstraint(
            ["organisation"], ["organisations.name"], name="fk_users_organisation_organisations"
        ),
    )
    op.create_index("ix_users_organisation", "users", ["organisation"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("user_name", sa.String, nullable=False),
        sa.Column("secret_hash", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.ForeignKeyConstraint(
            ["user_name"], ["users.name"], name="fk_api_tokens_user_name_users"
        ),
    )
    op.create_index("ix_api_tokens_user_name", "api_tokens", ["user_name"])
    op.create_table(
        "web_sessions",
        sa.Column("id_hash", sa.String, nullable=False),
        sa.Column("user_name", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id_hash", name="pk_web_sessions"),
        sa.ForeignKeyConstraint(
            ["user_name"], ["users.name"], name="fk_web_sessions_user_name_users"
        ),
    )


def _create_sharing_groups() -> None:
    op.create_table(
        "sharing_groups",
        sa.Column("name", sa.String, nullable=False),
        sa.Column("owner", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sharing_groups"),
    )
    op.create_table(
        "sharing_group_members",
        sa.Column("group_name", sa.String, nullable=False),
        sa.Column("instance", sa.String, nullable=False),
        sa.Column("organisation", sa.String, nullable=False),
        sa.PrimaryKeyConstraint(
            "group_name", "instance", "organisation", name="pk_sharing_group_members"
        ),
        sa.ForeignKeyConstraint(
            ["group_name"],
            ["sharing_groups.name"],
            name="fk_sharing_group_members_group_name_sharing_groups",
            ondelete="CASCADE",
        ),
    )


def _create_audit_log() -> None:
    op.create_table(
        "audit_log",
        sa.Column("sequence", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("actor", sa.String, nullable=False),
        sa.Column("organisation", sa.String, nullable=False),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("target", sa.String, nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("previous", sa.String, nullable=False),
        sa.Column("hash", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("sequence", name="pk_audit_log"),
    )
