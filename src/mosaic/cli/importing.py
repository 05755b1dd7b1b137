"""`mosaic import`: STIX, MISP, FtM, GTD/ACLED CSV, the UN sanctions list, the UCDP actor list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mosaic.cli.common import console, repository, user_errors
from mosaic.exchange.imports import IMPORT_FORMATS, import_file

FORMATS = ", ".join(IMPORT_FORMATS)


def import_command(
    file: Annotated[Path, typer.Argument(help="The file to import.")],
    format: Annotated[
        str | None, typer.Option("--format", "-f", help=f"One of {FORMATS}; guessed if left out.")
    ] = None,
) -> None:
    """Read groups, people, events and relations from a file, each fact sourced to it."""
    with user_errors():
        result = import_file(repository(), file, format)
    if result.already:
        console.print(f"{file} was imported before (report {result.report_id}); nothing written")
        return
    console.print(
        f"imported {file}: {result.entities_new} new and {result.entities_known} known "
        f"entities, {result.events} events, {result.relations} relations, "
        f"{result.statements} statements (source: report {result.report_id})"
    )
