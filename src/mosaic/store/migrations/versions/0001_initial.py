"""Create every table of the knowledge base.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written out by hand rather than from `mosaic.store.schema`, so that this
migration keeps creating the first schema whatever the module becomes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TABLES = (
    "statements",
    "relations",
    "event_participants",
    "events",
    "entity_names",
    "entities",
    "mentions",
    "near_duplicates",
    "reports",
)


def _marking() -> tuple[sa.Column[str], sa.Column[str]]:
    return (
        sa.Column("owner", sa.String, nullable=False),
        sa.Column("tlp", sa.String, nullable=False),
    )


def _reports() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("source_path", sa.Text),
        sa.Column("media_type", sa.String, nullable=False),
        sa.Column("original", sa.LargeBinary),
        sa.Column("minhash", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        *_marking(),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("content_hash", name="uq_reports_content_hash"),
    )
    op.create_index("ix_reports_ingested_at_id", "reports", ["ingested_at", "id"])


def _near_duplicates_and_mentions() -> None:
    op.create_table(
        "near_duplicates",
        sa.Column("report_id", sa.String, nullable=False),
        sa.Column("other_id", sa.String, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "other_id", name="pk_near_duplicates"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_near_duplicates_report_id_reports"
        ),
        sa.ForeignKeyConstraint(
            ["other_id"], ["reports.id"], name="fk_near_duplicates_other_id_reports"
        ),
    )
    op.create_index("ix_near_duplicates_other_id", "near_duplicates", ["other_id"])
    op.create_table(
        "mentions",
        sa.Column("report_id", sa.String, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.String, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.String),
        sa.PrimaryKeyConstraint("report_id", "span_start", "span_end", name="pk_mentions"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_mentions_report_id_reports"
        ),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])


def _entities() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("external_ids", sa.Text, nullable=False),
        sa.Column("country", sa.String),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("description", sa.Text),
        *_marking(),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_index("ix_entities_name_id", "entities", ["name", "id"])
    op.create_index("ix_entities_kind_name_id", "entities", ["kind", "name", "id"])
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "name", name="pk_entity_names"),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name="fk_entity_names_entity_id_entities",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_entity_names_key", "entity_names", ["key"])


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("attack_type", sa.String),
        sa.Column("date", sa.String),
        sa.Column("date_first", sa.Date),
        sa.Column("date_last", sa.Date),
        sa.Column("date_precision", sa.String),
        sa.Column("date_end", sa.String),
        sa.Column("country", sa.String),
        sa.Column("place_id", sa.String),
        sa.Column("perpetrators", sa.Text, nullable=False),
        sa.Column("perpetrator_status", sa.String),
        sa.Column("targets", sa.Text, nullable=False),
        sa.Column("killed_low", sa.Integer),
        sa.Column("killed_high", sa.Integer),
        sa.Column("wounded_low", sa.Integer),
        sa.Column("wounded_high", sa.Integer),
        *_marking(),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    for columns in ([], ["type"], ["country"], ["place_id"]):
        _date_index("events", columns)
    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.String, nullable=False),
        sa.Column("entity_id", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("event_id", "entity_id", name="pk_event_participants"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name="fk_event_participants_event_id_events",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_event_participants_entity_id_event_id", "event_participants", ["entity_id", "event_id"]
    )


def _date_index(table: str, columns: list[str]) -> None:
    """An index ending in (..., date_first, id), so that sorted pages read it in order."""
    columns = [*columns, "date_first", "id"]
    op.create_index(f"ix_{table}_{'_'.join(columns)}", table, columns)


def _relations() -> None:
    op.create_table(
        "relations",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("subject_id", sa.String, nullable=False),
        sa.Column("object_id", sa.String, nullable=False),
        sa.Column("start_date", sa.String),
        sa.Column("start_first", sa.Date),
        sa.Column("end_date", sa.String),
        sa.Column("end_last", sa.Date),
        *_marking(),
        sa.PrimaryKeyConstraint("id", name="pk_relations"),
    )
    for columns in (["subject_id"], ["object_id"], ["start_first"], ["end_last"]):
        op.create_index(f"ix_relations_{columns[0]}", "relations", columns)
    op.create_index(
        "ix_relations_type_subject_id_object_id", "relations", ["type", "subject_id", "object_id"]
    )


def _statements() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("subject_kind", sa.String, nullable=False),
        sa.Column("subject_id", sa.String, nullable=False),
        sa.Column("prop", sa.String, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("report_id", sa.String, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("extractor", sa.String, nullable=False),
        sa.Column("attributed_to", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        *_marking(),
        sa.PrimaryKeyConstraint("id", name="pk_statements"),
    )
    op.create_index(
        "ix_statements_subject_kind_subject_id", "statements", ["subject_kind", "subject_id"]
    )
    op.create_index("ix_statements_report_id_span_start", "statements", ["report_id", "span_start"])


def upgrade() -> None:
    _reports()
    _near_duplicates_and_mentions()
    _entities()
    _events()
    _relations()
    _statements()


def downgrade() -> None:
    for table in _TABLES:
        op.drop_table(table)
