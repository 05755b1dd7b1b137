"""`mosaic eval`: score extraction against a folder of FORMAT.md gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mosaic.bootstrap import load_extractor
from mosaic.cli.common import print_json, user_errors
from mosaic.errors import InputError
from mosaic.evaluation import render_table, to_json


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (FORMAT.md).")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    hide_actors: Annotated[
        float,
        typer.Option(
            "--hide-actors",
            help="Fraction of the gazetteer's non-state groups and people to hide before "
            "extraction, to measure actors the system does not know (0 to 1).",
        ),
    ] = 0.0,
    seed: Annotated[int, typer.Option(help="Seed choosing the actors to hide.")] = 0,
) -> None:
    """Precision, recall and F1 of events and relations, slot accuracy, perpetrator names
    one by one over matched events (an extra name costs precision), misses per document."""
    from mosaic.extract.entities.gazetteer import Gazetteer
    from mosaic.extract.entities.gazetteer_hiding import hide_actors as hide
    from mosaic.services.evaluate import evaluate_gold_dir

    with user_errors():
        if not gold_dir.is_dir():
            raise InputError(str(gold_dir), "not a folder of gold files")
        gazetteer, hidden = hide(Gazetteer.default(), hide_actors, seed)
        extractor = load_extractor(gazetteer if hidden else None)
        result = evaluate_gold_dir(gold_dir, extractor)
    if json_output:
        scores: dict[str, Any] = to_json(result)
        if hidden:
            scores["hidden_actors"] = {"seed": seed, "keys": [record.key for record in hidden]}
        print_json(scores)
    else:
        typer.echo(render_table(result))
        if hidden:
            typer.echo(f"\n{len(hidden)} actors hidden (seed {seed}).")
