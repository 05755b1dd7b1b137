"""Keep on each event and relation the set of markings of the statements behind it.

Revision ID: 0006_statement_markings
Revises: 0005_session_tokens
Create Date: 2026-12-05

Adds `marking_sets` and the `statement_markings` column of events and relations,
and fills them from the statements stored. Written out by hand, with its own copy
of the set key of `mosaic.store.sql.statement_markings`; a set keyed differently
would still be read right (readers look at a set's markings, not at its key).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0006_statement_markings"
down_revision = "0005_session_tokens"
branch_labels = None
depends_on = None

_FACTS = {"event": "events", "relation": "relations"}
_PAGE = 1000
_statements = sa.table(
    "statements",
    *(sa.column(name, sa.String) for name in ("subject_kind", "subject_id", "owner", "tlp")),
    sa.column("distribution", sa.String),
    sa.column("sharing_group", sa.String),
)
_COLUMNS = ("set_id", "owner", "tlp", "distribution", "sharing_group")


def upgrade() -> None:
    sets = op.create_table(
        "marking_sets",
        *(sa.Column(name, sa.String, primary_key=True) for name in _COLUMNS),
    )
    for table in _FACTS.values():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("statement_markings", sa.String))
        op.create_index(f"ix_{table}_statement_markings", table, ["statement_markings"])
    connection = op.get_bind()
    stored: set[tuple[str, ...]] = set()
    for kind, table in _FACTS.items():
        stored |= _fill(connection, sets, kind, table, stored)


def downgrade() -> None:
    for table in _FACTS.values():
        op.drop_index(f"ix_{table}_statement_markings", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("statement_markings")
    op.drop_table("marking_sets")


def _fill(
    connection: sa.Connection, sets: sa.Table, kind: str, table: str, stored: set[tuple[str, ...]]
) -> set[tuple[str, ...]]:
    """Name each fact's set of markings; the rows of `marking_sets` this added."""
    s = _statements.c
    query = (
        sa.select(
            s.subject_id, s.owner, s.tlp, s.distribution, sa.func.coalesce(s.sharing_group, "")
        )
        .where(s.subject_kind == kind)
        .distinct()
    )
    found: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for fact, *marking in connection.execute(query):
        found[fact].add(tuple(marking))
    named = {fact: _set_id(markings) for fact, markings in found.items()}
    rows = {(named[fact], *marking) for fact, markings in found.items() for marking in markings}
    rows -= stored
    if rows:
        connection.execute(sets.insert(), [dict(zip(_COLUMNS, row, strict=True)) for row in rows])
    facts = sa.table(table, sa.column("id", sa.String), sa.column("statement_markings"))
    assign = (
        facts.update()
        .where(facts.c.id == sa.bindparam("fact"))
        .values(statement_markings=sa.bindparam("set"))
    )
    pairs = [{"fact": fact, "set": set_id} for fact, set_id in named.items()]
    for start in range(0, len(pairs), _PAGE):
        connection.execute(assign, pairs[start : start + _PAGE])
    return rows


def _set_id(markings: Iterable[tuple[str, ...]]) -> str:
    text = "\n".join("\t".join(marking) for marking in sorted(set(markings)))
    return hashlib.sha256(text.encode()).hexdigest()[:24]
