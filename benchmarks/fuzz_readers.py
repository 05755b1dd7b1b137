"""Fuzz every reader for a long run by hand: how many inputs ran, and whether any crashed or hung.

Run: `PYTHONPATH=src .venv/bin/python benchmarks/fuzz_readers.py [--examples N] [--seconds S]
[--mode hypothesis|mutate]`. Feeds each reader (txt, md, html, pdf, jsonl, rss)
inputs until N ran or S seconds passed, whichever comes first, in one process:
`hypothesis` draws them from the strategies of `tests/support/fuzzing.py` (raw
bytes and inputs shaped like the format); `mutate` draws 200 seeds from the same
strategies, then flips, inserts, deletes, repeats and splices their bytes at
random, which runs many more inputs a second (hypothesis spends most of its time
generating). A crash is any exception other than the reader's InputError or a
broken contract (an error of several lines, a Report that cannot be stored); a
hang is an input over the budget. Each is counted, and the first few are printed
with their input. An input over the budget runs once more: over it again, it hung;
within it, the machine held the process up (a stall, counted apart). The test
suite runs the strategies with a few dozen inputs per reader.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, settings

from mosaic.model import Report
from support.fuzzing import BUDGET_SECONDS, STRATEGIES, Hang, read_hostile

SHOWN_PER_READER = 3
MAX_MUTATED_BYTES = 64 * 1024
# Mostly ASCII (markup and punctuation), some accented and far code points.
_CODE_POINTS = [*range(0x20, 0x7F), *b"\n\n\t<>&;#/[]{}\"'", 0xE9, 0x4E2D, 0x1F600, 0xFFFD]


class _TimeUp(BaseException):
    """Ends a reader's run when its seconds are spent (not an Exception: hypothesis stops)."""


@dataclass
class Tally:
    inputs: int = 0
    with_reports: int = 0
    crashes: Counter[str] = field(default_factory=Counter)
    hangs: int = 0
    stalls: int = 0
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
        _run_one(tally, extension, data)
        tally.slowest = max(tally.slowest, time.perf_counter() - started)

    with contextlib.suppress(_TimeUp):
        run()
    return tally


def mutate(extension: str, examples: int, seconds: float, seed: int = 0) -> Tally:
    """Run mutations of seeds drawn from the reader's strategy until the count or time is up."""
    rng = random.Random(seed)
    seeds = _seeds(extension)
    tally = Tally()
    deadline = time.monotonic() + seconds
    while tally.inputs < examples and time.monotonic() < deadline:
        data = _mutated(rng, rng.choice(seeds), seeds)
        tally.inputs += 1
        started = time.perf_counter()
        _run_one(tally, extension, data)
        tally.slowest = max(tally.slowest, time.perf_counter() - started)
    return tally


def _seeds(extension: str, count: int = 200) -> list[bytes]:
    seeds: list[bytes] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=STRATEGIES[extension])
    def collect(data: bytes) -> None:
        seeds.append(data)

    collect()
    return [s for s in seeds if s] or [b"x"]


def _mutated(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    """`data` after one to eight random byte-level edits."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(buffer))
        kind = rng.randrange(5)
        if kind == 0 and buffer:
            buffer[min(at, len(buffer) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:
            buffer[at:at] = _random_insert(rng)
        elif kind == 2:
            del buffer[at : at + rng.randint(1, 32)]
        elif kind == 3:
            buffer[at:at] = buffer[at : at + rng.randint(1, 64)] * rng.randint(2, 50)
        else:
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            buffer[at:at] = other[start : start + rng.randint(1, 200)]
    return bytes(buffer[:MAX_MUTATED_BYTES])


def _random_insert(rng: random.Random) -> bytes:
    """Random bytes one time in four, else random text: most inputs stay valid UTF-8,
    so that they reach the parsers past the readers' first checks."""
    if rng.randrange(4) == 0:
        return rng.randbytes(rng.randint(1, 16))
    characters = [chr(rng.choice(_CODE_POINTS)) for _ in range(rng.randint(1, 16))]
    return "".join(characters).encode("utf-8", "surrogatepass")


def _run_one(tally: Tally, extension: str, data: bytes) -> None:
    try:
        results = read_hostile(extension, data)
        tally.with_reports += any(isinstance(r, Report) for r in results)
    except Hang as first:
        try:  # once more: on a loaded machine the process itself may have been held up
            read_hostile(extension, data)
        except Hang:
            tally.hangs += 1
            _show(tally, f"hang on {data[:200]!r}")
            return
        tally.stalls += 1
        _show(tally, f"stall ({first}), within budget when run again: {data[:200]!r}")
    except Exception as e:
        kind = f"{type(e).__name__}: {str(e)[:120]}"
        tally.crashes[kind] += 1
        _show(tally, f"{kind} on {data[:200]!r}")


def _show(tally: Tally, line: str) -> None:
    if len(tally.shown) < SHOWN_PER_READER:
        tally.shown.append(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs per reader")
    parser.add_argument("--seconds", type=float, default=30.0, help="time per reader")
    parser.add_argument("--readers", nargs="*", default=sorted(STRATEGIES))
    parser.add_argument("--mode", choices=["hypothesis", "mutate"], default="hypothesis")
    args = parser.parse_args()
    run = fuzz if args.mode == "hypothesis" else mutate
    print(f"mode {args.mode}, budget per input: {BUDGET_SECONDS:.0f} s")
    failed = False
    for extension in args.readers:
        started = time.perf_counter()
        tally = run(extension, args.examples, args.seconds)
        crashes = sum(tally.crashes.values())
        failed = failed or bool(crashes or tally.hangs)
        print(
            f"{extension:>6}: {tally.inputs:>7,} inputs in {time.perf_counter() - started:5.1f} s "
            f"({tally.with_reports:,} gave a report), {crashes} crashed, {tally.hangs} hung, "
            f"{tally.stalls} stalled, slowest {tally.slowest:.2f} s"
        )
        for line in tally.shown:
            print(f"        {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
