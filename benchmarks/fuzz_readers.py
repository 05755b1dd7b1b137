"""Fuzz every reader for a long run by hand: how many inputs ran, and whether any crashed or hung.

Run: `PYTHONPATH=src .venv/bin/python benchmarks/fuzz_readers.py [--examples N] [--seconds S]`.
Feeds each reader (txt, md, html, pdf, jsonl, rss) the hypothesis strategies of
`tests/support/fuzzing.py` (raw bytes and inputs shaped like the format) until N
inputs ran or S seconds passed, whichever comes first, in one process. A crash
is any exception other than the reader's InputError or a broken contract (an
error of several lines, a Report that cannot be stored); a hang is an input over
the budget. Each is counted, and the first few are printed with their input.
The test suite runs the same strategies with a few dozen inputs per reader.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, settings

from support.fuzzing import BUDGET_SECONDS, STRATEGIES, Hang, read_hostile

SHOWN_PER_READER = 3


class _TimeUp(BaseException):
    """Ends a reader's run when its seconds are spent (not an Exception: hypothesis stops)."""


@dataclass
class Tally:
    inputs: int = 0
    crashes: Counter[str] = field(default_factory=Counter)
    hangs: int = 0
    slowest: float = 0.0
    shown: list[str] = field(default_factory=list)


def fuzz(extension: str, examples: int, seconds: float) -> Tally:
    """Run one reader's strategy until `examples` inputs ran or `seconds` passed."""
    tally = Tally()
    deadline = time.monotonic() + seconds

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=STRATEGIES[extension])
    def run(data: bytes) -> None:
        if time.monotonic() > deadline:
            raise _TimeUp
        tally.inputs += 1
        started = time.perf_counter()
        try:
            read_hostile(extension, data)
        except Hang:
            tally.hangs += 1
            _show(tally, f"hang on {data[:200]!r}")
        except Exception as e:
            kind = f"{type(e).__name__}: {str(e)[:120]}"
            tally.crashes[kind] += 1
            _show(tally, f"{kind} on {data[:200]!r}")
        tally.slowest = max(tally.slowest, time.perf_counter() - started)

    with contextlib.suppress(_TimeUp):
        run()
    return tally


def _show(tally: Tally, line: str) -> None:
    if len(tally.shown) < SHOWN_PER_READER:
        tally.shown.append(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs per reader")
    parser.add_argument("--seconds", type=float, default=30.0, help="time per reader")
    parser.add_argument("--readers", nargs="*", default=sorted(STRATEGIES))
    args = parser.parse_args()
    print(f"budget per input: {BUDGET_SECONDS:.0f} s")
    failed = False
    for extension in args.readers:
        started = time.perf_counter()
        tally = fuzz(extension, args.examples, args.seconds)
        crashes = sum(tally.crashes.values())
        failed = failed or bool(crashes or tally.hangs)
        print(
            f"{extension:>6}: {tally.inputs:>7,} inputs in {time.perf_counter() - started:5.1f} s, "
            f"{crashes} crashed, {tally.hangs} hung, slowest {tally.slowest:.2f} s"
        )
        for line in tally.shown:
            print(f"        {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
