"""Ask many random worlds as every user, by hand: how many worlds and requests ran, and any leak.

Run: `PYTHONPATH=src .venv/bin/python benchmarks/visibility_worlds.py [--worlds N] [--seconds S]`.
The worlds and checks are the test suite's (`tests/support/worlds.py`,
`tests/support/world_checks.py`: every API endpoint, the main pages and every
export format, as each of three organisations' users, on a real SQLite file);
the suite runs a few, this runs until N worlds ran or S seconds passed. It stops
at the first leak and prints it, with the hypothesis seed to reproduce it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, settings

from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.store.sql import SqlRepository, open_repository
from support.accounts import CHEAP_HASHER
from support.world_checks import Tally, check_world
from support.worlds import USERS, World, worlds


class _TimeUp(BaseException):
    """Ends the run when its seconds are spent (not an Exception: hypothesis stops)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worlds", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=600.0)
    options = parser.parse_args()
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        store = open_repository(str(Path(folder) / "kb.db"))
        try:
            run(store, _tokens(store), tally, options.worlds, time.monotonic() + options.seconds)
        finally:
            store.close()
            print(f"visibility worlds: {tally}")


def _tokens(store: SqlRepository) -> dict[str, str]:
    for organisation in sorted(set(USERS.values())):
        accounts.add_organisation(store, organisation, COMMAND_LINE)
    return {
        user: accounts.add_user(store, CHEAP_HASHER, user, org, Role.READER, COMMAND_LINE).token
        for user, org in USERS.items()
    }


def run(store: SqlRepository, tokens: dict[str, str], tally: Tally, count: int, end: float) -> None:
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(world=worlds())
    def ask(world: World) -> None:
        if time.monotonic() > end:
            raise _TimeUp
        check_world(store, world, tokens, tally)

    with contextlib.suppress(_TimeUp):  # hypothesis reports it as a failure: it is not
        ask()
    print("no answer showed what the rules hide")


if __name__ == "__main__":
    main()
