"""What every command shares: the console, the --db option, errors as one line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console

from mosaic.bootstrap import Settings, open_knowledge_base, open_repository
from mosaic.errors import InputError, MosaicError
from mosaic.model import FuzzyDate
from mosaic.store.ports import KnowledgeBase, Repository

console = Console()
errors = Console(stderr=True, soft_wrap=True)  # an error stays one line, whatever its length


class AppState:
    db_url: str | None = None


state = AppState()


def repository() -> Repository:
    return open_repository(Settings.from_environment(state.db_url))


def knowledge_base() -> KnowledgeBase:
    """The store with its accounts and audit log."""
    return open_knowledge_base(Settings.from_environment(state.db_url))


@contextmanager
def user_errors() -> Iterator[None]:
    """Print Mosaic's errors as one red line and exit 1, never a traceback."""
    try:
        yield
    except MosaicError as error:
        errors.print(f"[red]error:[/red] {error}", highlight=False, markup=True)
        raise typer.Exit(1) from error


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A date option: `2015`, `2015-06` or `2015-06-01`, taken as its first day."""
    if value is None:
        return None
    try:
        return FuzzyDate.parse(value).first_day()
    except ValueError as error:
        raise InputError(
            option, f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from error


def run(action: Callable[[], None]) -> None:
    with user_errors():
        action()
