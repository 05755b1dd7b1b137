"""`mosaic export`: the knowledge base, or the part the filters pick, in an exchange format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from mosaic.analysis.lookup import find_entity
from mosaic.api.visible import VisibleRepository
from mosaic.cli.common import console, knowledge_base, parse_day, user_errors
from mosaic.errors import InputError, NotFoundError
from mosaic.exchange.formats import EXPORT_FORMATS, export_format
from mosaic.exchange.snapshot import ExportFilter, take_snapshot
from mosaic.model import EventType, FuzzyDate
from mosaic.services.audit import COMMAND_LINE, Actor, record_export
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import KnowledgeBase

FORMATS = ", ".join(EXPORT_FORMATS)


def export(
    format: Annotated[str, typer.Option("--format", "-f", help=f"One of {FORMATS}.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    group: Annotated[str | None, typer.Option(help="A group or person, by name or alias.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country code.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    type: Annotated[str | None, typer.Option(help="Event type, e.g. attack.")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Only relations standing on this day.")
    ] = None,
    user: Annotated[
        str | None, typer.Option("--user", help="Export only what this user may see.")
    ] = None,
) -> None:
    """Write events, relations and their sources as STIX, MISP, FtM, CSV, GeoJSON or graphs."""
    with user_errors():
        chosen = export_format(format)
        store = knowledge_base()
        repo = seen_by(store, user)
        selection = ExportFilter(
            group_id=find_entity(repo, group).id if group else None,
            country=country.upper() if country else None,
            type=_event_type(type),
            since=parse_day(since, "--since"),
            until=_last_day(until),
            as_of=parse_day(as_of, "--as-of"),
        )
        snapshot = take_snapshot(repo, selection)
        try:
            out.write_text(chosen.write(snapshot), encoding="utf-8")
        except OSError as error:
            raise InputError(str(out), f"cannot write: {error.strerror}") from error
        actor = (
            COMMAND_LINE
            if repo.policy.sees_everything
            else Actor(user or "", repo.policy.organisation)
        )
        details = {"file": out, "group": group, "user": user, **vars(selection)}
        record_export(store, actor, chosen.name, details)
    console.print(
        f"wrote {len(snapshot.events)} events, {len(snapshot.relations)} relations and "
        f"{len(snapshot.reports())} sources as {chosen.what} to {out}"
    )


def seen_by(store: KnowledgeBase, user: str | None) -> VisibleRepository:
    """The knowledge base as `user` may see it; whole without one (the operator's own)."""
    if user is None:
        return VisibleRepository(store, AccessPolicy.local())
    found = store.get_user(user)
    if found is None:
        raise NotFoundError(f"user {user}: no such user (mosaic user list)")
    groups = store.list_sharing_groups()
    return VisibleRepository(store, AccessPolicy.member(found.organisation, found.name, groups))


def _event_type(value: str | None) -> EventType | None:
    if value is None:
        return None
    try:
        return EventType(value)
    except ValueError as error:
        known = ", ".join(t.value for t in EventType)
        raise InputError("--type", f"unknown event type {value!r}; one of {known}") from error


def _last_day(value: str | None) -> dt.date | None:
    try:
        return FuzzyDate.parse(value).last_day() if value else None
    except ValueError as error:
        raise InputError("--until", f"not a date: {value!r}") from error
