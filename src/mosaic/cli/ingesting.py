"""`mosaic ingest`: files and folders into the knowledge base, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from mosaic.bootstrap import load_extractor
from mosaic.cli.common import console, errors, knowledge_base, parse_day, print_json, user_errors
from mosaic.ingest import DEFAULT_MAX_BYTES, iter_input_files
from mosaic.ingest.fields import parse_tlp
from mosaic.model import LOCAL_ORGANISATION
from mosaic.services.audit import COMMAND_LINE, Actor, record_ingest
from mosaic.services.ingest import IngestSummary, Outcome, ReportOutcome, ingest_paths
from mosaic.services.markings import marking_choice


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of reports.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date for files that carry none (YYYY-MM-DD).")
    ] = None,
    max_mb: Annotated[float, typer.Option(help="Skip files larger than this many MB.")] = (
        DEFAULT_MAX_BYTES / 1_000_000
    ),
    processes: Annotated[int, typer.Option(help="spaCy worker processes.")] = 1,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    org: Annotated[
        str, typer.Option("--org", help="The organisation that owns the reports.")
    ] = LOCAL_ORGANISATION,
    tlp: Annotated[
        str | None,
        typer.Option(help="TLP label for every report (default: the file's, else CLEAR)."),
    ] = None,
    distribution: Annotated[
        str | None,
        typer.Option(help="organisation, community, connected, all, or a sharing group's name."),
    ] = None,
) -> None:
    """Read reports, skip duplicates, extract facts and store them, one transaction per report."""
    with user_errors():
        day = parse_day(published, "--published")
        repo = knowledge_base()
        label = parse_tlp(tlp, "--tlp") if tlp else None
        marking = marking_choice(repo, org, label, distribution)
        total = sum(1 for _ in iter_input_files(paths))
        with _progress(total, quiet=json_output) as (progress, task):

            def show(outcome: ReportOutcome) -> None:
                if outcome.outcome is Outcome.FAILED:
                    errors.print(f"[red]failed:[/red] {outcome.error}", highlight=False)
                elif outcome.outcome is Outcome.SKIPPED:
                    errors.print(f"[yellow]warning:[/yellow] {outcome.error}", highlight=False)
                    return
                # Totals count files; JSONL files and feeds hold several reports.
                done = progress.tasks[task].completed + 1
                total = max(progress.tasks[task].total or 0, done)
                progress.update(task, completed=done, total=total, description=_describe(outcome))

            summary = ingest_paths(
                repo,
                load_extractor,
                paths,
                published=day,
                max_bytes=int(max_mb * 1_000_000),
                processes=processes,
                on_outcome=show,
                marking=marking.apply,
            )
        record_ingest(repo, Actor(COMMAND_LINE.name, org), summary.outcomes)
    _print_summary(summary, json_output)
    if summary.failures:
        raise typer.Exit(2)


def _progress(total: int, quiet: bool) -> _ProgressContext:
    return _ProgressContext(total, quiet)


class _ProgressContext:
    def __init__(self, total: int, quiet: bool) -> None:
        self._progress = Progress(
            TextColumn("{task.description:<40.40}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=quiet,
            transient=False,
        )
        self._task = self._progress.add_task("reading", total=total or None)

    def __enter__(self) -> tuple[Progress, TaskID]:
        self._progress.start()
        return self._progress, self._task

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()


def _describe(outcome: ReportOutcome) -> str:
    return f"{outcome.outcome.value}: {Path(outcome.source).name}"


def _print_summary(summary: IngestSummary, as_json: bool) -> None:
    stored = summary.count(Outcome.STORED)
    duplicates = summary.count(Outcome.DUPLICATE)
    failed = summary.count(Outcome.FAILED)
    near = [o for o in summary.outcomes if o.near_duplicates]
    if as_json:
        print_json(
            {
                "stored": stored,
                "duplicates": duplicates,
                "failed": failed,
                "outcomes": [o.__dict__ | {"outcome": o.outcome.value} for o in summary.outcomes],
            }
        )
        return
    events = sum(o.events for o in summary.outcomes)
    relations = sum(o.relations for o in summary.outcomes)
    console.print(
        f"stored {stored} reports ({events} event reports, {relations} relation reports), "
        f"skipped {duplicates} duplicates, {failed} failed"
    )
    for outcome in near:
        console.print(
            f"  near-duplicate: {outcome.source} resembles {', '.join(outcome.near_duplicates)}"
        )
