"""`mosaic eval`: score extraction against a folder of FORMAT.md gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mosaic.bootstrap import load_extractor
from mosaic.cli.common import print_json, user_errors
from mosaic.errors import InputError
from mosaic.evaluation import render_table, to_json


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (FORMAT.md).")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of events and relations, slot accuracy, misses per document."""
    from mosaic.services.evaluate import evaluate_gold_dir

    with user_errors():
        if not gold_dir.is_dir():
            raise InputError(str(gold_dir), "not a folder of gold files")
        result = evaluate_gold_dir(gold_dir, load_extractor())
    if json_output:
        print_json(to_json(result))
    else:
        typer.echo(render_table(result))
