"""The markings of the statements behind each event and relation, kept on the fact's row.

A reader sees a fact whole when they may see every statement behind it, and in part
when they may see some (`mosaic.resolve.seen`). Asked of every statement, that took
about a second a request on 100,000 events. The statements behind a fact carry one of
a few sets of markings, so each distinct set is stored once in `marking_sets` (a row
per marking, keyed by a digest of the set) and the fact's row names its set in
`statement_markings` (NULL when no statement is behind it). A reader's question then
reads those few rows (`mosaic.store.visibility`). The SQL store calls `refresh` for
the facts whose statements, markings or rows it writes, in the same transaction.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

import sqlalchemy as sa

from mosaic.model import SubjectKind
from mosaic.store.schema import events, marking_sets, relations, statements
from mosaic.store.sql.base import IDS_PER_QUERY, chunked, upsert

MarkingKey = tuple[str, str, str, str]  # owner, tlp, distribution, sharing group ('' if none)

FACT_TABLES = {SubjectKind.EVENT: events, SubjectKind.RELATION: relations}
_FACT_KINDS = frozenset(kind.value for kind in FACT_TABLES)
_Fact = TypeVar("_Fact", bound=Hashable)  # a fact's id, or its (kind, id)


def set_id(markings: Iterable[MarkingKey]) -> str:
    """The key of a set of markings: the same for the same set, whatever the order."""
    text = "\n".join("\t".join(marking) for marking in sorted(set(markings)))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def refresh(connection: sa.Connection, kind: SubjectKind, fact_ids: Iterable[str]) -> None:
    """Name on each fact's row the set of markings of the statements now behind it."""
    refresh_subjects(connection, ((kind.value, fact_id) for fact_id in fact_ids))


def refresh_all(connection: sa.Connection) -> None:
    """Rebuild every fact's set (after writing rows in bulk outside the store)."""
    for kind, table in FACT_TABLES.items():
        ids = connection.execute(sa.select(table.c.id)).scalars().all()
        refresh(connection, kind, ids)


def subjects_of(connection: sa.Connection, statement_ids: Iterable[str]) -> set[tuple[str, str]]:
    """The (kind, id) of the facts the stored statements of these ids are about."""
    found: set[tuple[str, str]] = set()
    for chunk in chunked(statement_ids):
        found.update((row[0], row[1]) for row in connection.execute(_SUBJECTS, {"ids": chunk}))
    return found


def refresh_subjects(connection: sa.Connection, subjects: Iterable[tuple[str, str]]) -> None:
    """`refresh` each fact of these (kind, id) pairs; kinds other than facts are skipped.

    Events and relations are read together and their sets stored together: a report's
    facts cost one query and one upsert, then one update per kind.
    """
    facts = list(dict.fromkeys(fact for fact in subjects if fact[0] in _FACT_KINDS))
    for start in range(0, len(facts), IDS_PER_QUERY):
        chunk = facts[start : start + IDS_PER_QUERY]
        found = _facts_markings_behind(connection, chunk)
        named = {fact: set_id(markings) for fact, markings in found.items()}
        upsert(connection, marking_sets, _set_rows(found, named))
        by_kind: dict[str, list[dict[str, str | None]]] = defaultdict(list)
        for fact in chunk:
            by_kind[fact[0]].append({"fact": fact[1], "set": named.get(fact)})
        for kind, assignments in by_kind.items():
            connection.execute(_ASSIGN[SubjectKind(kind)], assignments)


def _facts_markings_behind(
    connection: sa.Connection, facts: list[tuple[str, str]]
) -> dict[tuple[str, str], set[MarkingKey]]:
    found: dict[tuple[str, str], set[MarkingKey]] = defaultdict(set)
    kinds = sorted({kind for kind, _ in facts})
    ids = list(dict.fromkeys(fact_id for _, fact_id in facts))
    wanted = set(facts)
    rows = connection.execute(_FACTS_MARKINGS_BEHIND, {"kinds": kinds, "ids": ids})
    for kind, fact_id, owner, tlp, distribution, sharing_group in rows:
        if (kind, fact_id) in wanted:
            found[(kind, fact_id)].add((owner, tlp, distribution, sharing_group))
    return found


_SUBJECTS = sa.select(statements.c.subject_kind, statements.c.subject_id).where(
    statements.c.id.in_(sa.bindparam("ids", expanding=True))
)
_FACTS_MARKINGS_BEHIND = (
    sa.select(
        statements.c.subject_kind,
        statements.c.subject_id,
        statements.c.owner,
        statements.c.tlp,
        statements.c.distribution,
        sa.func.coalesce(statements.c.sharing_group, ""),
    )
    .where(
        statements.c.subject_kind.in_(sa.bindparam("kinds", expanding=True)),
        statements.c.subject_id.in_(sa.bindparam("ids", expanding=True)),
    )
    .distinct()
)
"""The queries above, built once: building a query costs more than running it here."""

_SET_COLUMNS = ("set_id", "owner", "tlp", "distribution", "sharing_group")


def _set_rows(
    found: Mapping[_Fact, set[MarkingKey]], named: Mapping[_Fact, str]
) -> list[dict[str, str]]:
    rows = {(named[fact], *marking) for fact, markings in found.items() for marking in markings}
    return [dict(zip(_SET_COLUMNS, row, strict=True)) for row in sorted(rows)]


_ASSIGN = {
    kind: sa.update(table)
    .where(table.c.id == sa.bindparam("fact"))
    .values(statement_markings=sa.bindparam("set"))
    for kind, table in FACT_TABLES.items()
}
