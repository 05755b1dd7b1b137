"""The `mosaic` command line."""

from __future__ import annotations

from typing import Annotated

import typer

from mosaic import __version__
from mosaic.cli import evaluating, explore, extracting, ingesting
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
app.command("eval")(evaluating.evaluate)


def main() -> None:
    app()
