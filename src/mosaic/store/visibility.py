"""`Visibility.admits` in SQL, for records and for the facts built from several statements.

`visible_in` is the rule of `mosaic.model.marking.Visibility` as a WHERE clause
over any table with the four marking columns; a property test holds the two
equal on random markings. `seen_whole` and `seen_in_part` are
`mosaic.resolve.seen.how_seen` for events and relations: a fact is seen whole
when every statement behind it is visible (or, with none, its own marking is),
in part when some are and some are not.
"""

from __future__ import annotations

import sqlalchemy as sa

from mosaic.model import SubjectKind, Visibility
from mosaic.model.marking import COMMUNITY_DISTRIBUTIONS, COMMUNITY_TLPS, GROUP_TLPS
from mosaic.store.schema import events, relations, statements

_KINDS = {events.name: SubjectKind.EVENT, relations.name: SubjectKind.RELATION}


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
    behind = statements.alias("behind")
    about = _about(table, behind)
    hidden = sa.exists().where(*about, sa.not_(visible_in(behind, visibility)))
    sourced = sa.exists().where(*about)
    return sa.and_(sa.not_(hidden), sa.or_(sourced, visible_in(table, visibility)))


def seen_in_part(table: sa.Table, visibility: Visibility) -> sa.ColumnElement[bool]:
    """Events or relations the reader sees through some of their statements but not all."""
    behind = statements.alias("behind")
    about = _about(table, behind)
    shown = sa.exists().where(*about, visible_in(behind, visibility))
    hidden = sa.exists().where(*about, sa.not_(visible_in(behind, visibility)))
    return sa.and_(shown, hidden)


def seen_at_all(table: sa.Table, visibility: Visibility) -> sa.ColumnElement[bool]:
    """Events or relations the reader sees, whole or in part."""
    behind = statements.alias("behind")
    about = _about(table, behind)
    shown = sa.exists().where(*about, visible_in(behind, visibility))
    sourced = sa.exists().where(*about)
    return sa.or_(shown, sa.and_(sa.not_(sourced), visible_in(table, visibility)))


def _about(table: sa.Table, behind: sa.FromClause) -> list[sa.ColumnElement[bool]]:
    kind = _KINDS[table.name]
    return [behind.c.subject_kind == kind.value, behind.c.subject_id == table.c.id]
