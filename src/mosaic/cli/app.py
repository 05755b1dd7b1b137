"""The `mosaic` command line."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mosaic import __version__
from mosaic.cli import (
    auditing,
    evaluating,
    explore,
    exporting,
    extracting,
    importing,
    ingesting,
    serve,
    sharing,
)
from mosaic.cli.common import state

app = typer.Typer(
    name="mosaic",
    help="Sourced facts about militant networks: ingest reports, extract, resolve, explore.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def configure(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL or SQLite file (default: $MOSAIC_DB_URL, else ./mosaic.db).",
        ),
    ] = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    """Options that apply to every command."""
    if version:
        typer.echo(__version__)
        raise typer.Exit()
    state.db_url = db


app.command("ingest")(ingesting.ingest)
app.command("extract")(extracting.extract)
app.command("stats")(explore.stats)
app.command("events")(explore.events)
app.command("entity")(explore.entity)
app.command("timeline")(explore.timeline)
app.command("network")(explore.network)
app.command("evidence")(explore.evidence)
app.command("export")(exporting.export)
app.command("import")(importing.import_command)
app.command("eval")(evaluating.evaluate)
app.command("serve")(serve.serve)
app.command("release")(auditing.release)
app.add_typer(sharing.org_app, name="org")
app.add_typer(sharing.user_app, name="user")
app.add_typer(sharing.token_app, name="token")
app.add_typer(sharing.group_app, name="group")
app.add_typer(auditing.audit_app, name="audit")


def hoist_db_option(args: list[str]) -> list[str]:
    """Move `--db URL` given after the command to the front, so it works in either place."""
    rest: list[str] = []
    hoisted: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == "--db" and index + 1 < len(args):
            hoisted += args[index : index + 2]
            index += 2
            continue
        (hoisted if arg.startswith("--db=") else rest).append(arg)
        index += 1
    return hoisted + rest


def main() -> None:
    app(args=hoist_db_option(sys.argv[1:]))
