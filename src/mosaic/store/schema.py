"""The SQL schema as SQLAlchemy Core tables, the single description the queries use.

Migrations create the same tables by hand (a migration must not change when this
module does); an integration test checks that the two agree. Every record table
carries its marking: `owner`, `tlp`, `distribution` and `sharing_group`. Dates
are ISO text (what the source stated) plus first/last day columns, so that
range queries compare real dates.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _marking() -> tuple[sa.Column[str], ...]:
    return (
        sa.Column("owner", sa.String, nullable=False),
        sa.Column("tlp", sa.String, nullable=False),
        # Added by migration 0004; rows stored before it are shared with this instance.
        sa.Column("distribution", sa.String, nullable=False, server_default="community"),
        sa.Column("sharing_group", sa.String),
    )


def _statement_markings() -> sa.Column[str]:
    """The set of markings of the statements behind a fact (`marking_sets`; NULL: none)."""
    return sa.Column("statement_markings", sa.String)


reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("content_hash", sa.String, nullable=False, unique=True),
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
    sa.Index(None, "ingested_at", "id"),
)

near_duplicates = sa.Table(
    "near_duplicates",
    metadata,
    sa.Column("report_id", sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("other_id", sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Index(None, "other_id"),
)

# The locality-sensitive index of report signatures (`store.bands`): near-duplicate
# candidates are the reports sharing a (band, bucket) with a new one. The index
# carries `report_id` too, so a look-up never reads the table itself.
report_bands = sa.Table(
    "report_bands",
    metadata,
    sa.Column("report_id", sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("bucket", sa.BigInteger, nullable=False),
    sa.Index(None, "band", "bucket", "report_id"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("report_id", sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("span_start", sa.Integer, primary_key=True),
    sa.Column("span_end", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.String),
    sa.Index(None, "entity_id"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("aliases", sa.Text, nullable=False),
    sa.Column("external_ids", sa.Text, nullable=False),
    sa.Column("country", sa.String),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("description", sa.Text),
    *_marking(),
    sa.Index(None, "name", "id"),
    sa.Index(None, "kind", "name", "id"),
)

entity_names = sa.Table(
    "entity_names",
    metadata,
    sa.Column("entity_id", sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("folded", sa.Text, nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Index(None, "key"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
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
    # A toll counted one per person the reports name, which a stated number outranks
    sa.Column("killed_named", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("wounded_named", sa.Boolean, nullable=False, server_default=sa.false()),
    *_marking(),
    _statement_markings(),
    sa.Index(None, "statement_markings"),
    sa.Index(None, "date_first", "id"),
    sa.Index(None, "type", "date_first", "id"),
    sa.Index(None, "country", "date_first", "id"),
    sa.Index(None, "place_id", "date_first", "id"),
)

event_participants = sa.Table(
    "event_participants",
    metadata,
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("entity_id", sa.String, primary_key=True),
    sa.Index(None, "entity_id", "event_id"),
)

relations = sa.Table(
    "relations",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("type", sa.String, nullable=False),
    sa.Column("subject_id", sa.String, nullable=False),
    sa.Column("object_id", sa.String, nullable=False),
    sa.Column("start_date", sa.String),
    sa.Column("start_first", sa.Date),
    sa.Column("end_date", sa.String),
    sa.Column("end_last", sa.Date),
    *_marking(),
    _statement_markings(),
    sa.Index(None, "statement_markings"),
    sa.Index(None, "subject_id"),
    sa.Index(None, "object_id"),
    sa.Index(None, "type", "subject_id", "object_id"),
    sa.Index(None, "start_first"),
    sa.Index(None, "end_last"),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
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
    sa.Index(None, "subject_kind", "subject_id"),
    sa.Index(None, "report_id", "span_start"),
)

# The distinct sets of markings found among the statements behind a fact, one row per
# marking of a set (store.statement_markings): a reader's view of 100,000 facts reads
# these few rows instead of every statement. A set without a sharing group stores ''.
marking_sets = sa.Table(
    "marking_sets",
    metadata,
    sa.Column("set_id", sa.String, primary_key=True),
    sa.Column("owner", sa.String, primary_key=True),
    sa.Column("tlp", sa.String, primary_key=True),
    sa.Column("distribution", sa.String, primary_key=True),
    sa.Column("sharing_group", sa.String, primary_key=True),
)

# Analysts' review decisions: who decided what, when, and how to undo it.
review_decisions = sa.Table(
    "review_decisions",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("action", sa.String, nullable=False),
    sa.Column("target", sa.String, nullable=False),
    sa.Column("reviewer", sa.String, nullable=False),
    sa.Column("decided_at", sa.DateTime, nullable=False),
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("undone_at", sa.DateTime),
    sa.Column("undone_by", sa.String),
    sa.Index("ix_review_decisions_target", "target", "decided_at"),
)

# Who uses the instance (migration 0004). Organisations, users and groups are
# known by their names, which are also what records' `owner` holds.
organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("organisation", sa.ForeignKey("organisations.name"), nullable=False),
    sa.Column("role", sa.String, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Index(None, "organisation"),
)

# Only the argon2 hash of a token's secret is kept; the id is public.
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("user_name", sa.ForeignKey("users.name"), nullable=False),
    sa.Column("secret_hash", sa.String, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
    sa.Index(None, "user_name"),
)

web_sessions = sa.Table(
    "web_sessions",
    metadata,
    sa.Column("id_hash", sa.String, primary_key=True),
    sa.Column("user_name", sa.ForeignKey("users.name"), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("token_id", sa.String),
)

sharing_groups = sa.Table(
    "sharing_groups",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("owner", sa.String, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

sharing_group_members = sa.Table(
    "sharing_group_members",
    metadata,
    sa.Column(
        "group_name",
        sa.ForeignKey("sharing_groups.name", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("instance", sa.String, primary_key=True),
    sa.Column("organisation", sa.String, primary_key=True),
)

# Append-only, chained by hash (`model.audit`); `at` is the ISO text that was hashed.
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("sequence", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String, nullable=False),
    sa.Column("actor", sa.String, nullable=False),
    sa.Column("organisation", sa.String, nullable=False),
    sa.Column("action", sa.String, nullable=False),
    sa.Column("target", sa.String, nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("previous", sa.String, nullable=False),
    sa.Column("hash", sa.String, nullable=False),
)
