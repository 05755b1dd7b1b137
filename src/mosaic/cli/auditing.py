"""`mosaic audit verify|list` and `mosaic release`: the audit log, and lowering a marking."""

from __future__ import annotations

from typing import Annotated

import typer

from mosaic.cli.common import console, errors, knowledge_base, print_json, user_errors
from mosaic.ingest.fields import parse_tlp
from mosaic.services import audit
from mosaic.services.audit import COMMAND_LINE
from mosaic.services.markings import remark
from mosaic.store.ports import MARKED_KINDS

audit_app = typer.Typer(help="The append-only, hash-chained audit log.", no_args_is_help=True)


@audit_app.command("verify")
def verify(
    head: Annotated[
        str | None,
        typer.Option(help="A head hash printed earlier: also detect newest entries removed."),
    ] = None,
) -> None:
    """Check that no entry was edited or deleted; print the count and the head hash."""
    with user_errors():
        report = audit.verify(knowledge_base(), head)
    for problem in report.problems:
        errors.print(f"[red]broken:[/red] {problem}", highlight=False)
    state = "intact" if report.intact else "BROKEN"
    typer.echo(f"audit log {state}: {report.entries} entries, head {report.head}")
    if not report.intact:
        raise typer.Exit(1)


@audit_app.command("list")
def list_entries(
    after: Annotated[int, typer.Option(help="Only entries after this number.")] = 0,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
) -> None:
    """Print entries as JSON, oldest first."""
    with user_errors():
        entries = knowledge_base().audit_entries(after=after, limit=limit)
    print_json([{"sequence": e.sequence, **e.event.__dict__, "hash": e.hash} for e in entries])


def release(
    kind: Annotated[str, typer.Argument(help=f"One of {', '.join(MARKED_KINDS)}.")],
    record_id: Annotated[str, typer.Argument(help="The record's id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the audit log).")],
    tlp: Annotated[str | None, typer.Option(help="The new TLP label.")] = None,
    distribution: Annotated[
        str | None, typer.Option(help="organisation, community, connected, all or a group's name.")
    ] = None,
) -> None:
    """Change a record's marking (lowering it is a release); a report's statements follow."""
    with user_errors():
        label = parse_tlp(tlp, "--tlp") if tlp else None
        store = knowledge_base()
        action = remark(store, kind, record_id, COMMAND_LINE, reason, label, distribution)
    console.print(f"{action}: {kind} {record_id}")
