"""`Visibility.admits` in SQL, for records and for the facts built from several statements.

`visible_in` is the rule of `mosaic.model.marking.Visibility` as a WHERE clause
over any table with the four marking columns; a property test holds the two
equal on random markings. `seen_whole` and `seen_in_part` are
`mosaic.resolve.seen.how_seen` for events and relations: a fact is seen whole
when every statement behind it is visible (or, with none, its own marking is),
in part when some are and some are not. They read the set of markings that each
fact's row names (`statement_markings`), not the statements themselves.
"""

from __future__ import annotations

import sqlalchemy as sa

from mosaic.model import Visibility
from mosaic.model.marking import COMMUNITY_DISTRIBUTIONS, COMMUNITY_TLPS, GROUP_TLPS
from mosaic.store.schema import marking_sets


def visible_in(table: sa.FromClause, visibility: Visibility) -> sa.ColumnElement[bool]:
    """The rows of `table` the reader may see; never NULL, so its negation is exact."""
    c = table.c
    shared = sa.and_(
        c.distribution.in_([d.value for d in COMMUNITY_DISTRIBUTIONS]),
        c.tlp.in_([t.value for t in COMMUNITY_TLPS]),
    )
    allowed = [c.owner == visibility.organisation, shared]
    if visibility.groups:
        allowed.append(
            sa.and_(
                c.distribution == "group",
                c.tlp.in_([t.value for t in GROUP_TLPS]),
                sa.func.coalesce(c.sharing_group, "").in_(sorted(visibility.groups)),
            )
        )
    return sa.or_(*allowed)


def seen_whole(table: sa.Table, visibility: Visibility) -> sa.ColumnElement[bool]:
    """Events or relations (`table`) the reader sees with every statement behind them."""
    behind = table.c.statement_markings
    return sa.or_(
        behind.in_(sa.except_(_sets(), _sets(visibility, shown=False))),
        sa.and_(behind.is_(None), visible_in(table, visibility)),
    )


def seen_in_part(table: sa.Table, visibility: Visibility) -> sa.ColumnElement[bool]:
    """Events or relations the reader sees through some of their statements but not all."""
    mixed = sa.intersect(_sets(visibility, shown=True), _sets(visibility, shown=False))
    return table.c.statement_markings.in_(mixed)


def seen_at_all(table: sa.Table, visibility: Visibility) -> sa.ColumnElement[bool]:
    """Events or relations the reader sees, whole or in part."""
    behind = table.c.statement_markings
    return sa.or_(
        behind.in_(_sets(visibility, shown=True)),
        sa.and_(behind.is_(None), visible_in(table, visibility)),
    )


def _sets(visibility: Visibility | None = None, shown: bool = True) -> sa.Select[tuple[str]]:
    """The sets of statements' markings with a marking the reader sees (`shown`) or does not;
    every set without a reader.

    A fact's row names its set (`mosaic.store.sql.statement_markings`), so these read
    the few distinct sets rather than every statement behind every fact, and the fact
    rows are found through the index of the column that names it.
    """
    select = sa.select(marking_sets.c.set_id)
    if visibility is None:
        return select
    admitted = visible_in(marking_sets, visibility)
    return select.where(admitted if shown else sa.not_(admitted))
