"""Peak memory of `ingest_paths` on a large generated folder: it should not grow with the folder.

Run by hand: `.venv/bin/python benchmarks/ingest_memory.py [--files N] [--kib K]`.
Writes N distinct text files of K KiB into a temporary folder and ingests them
into a new SQLite file with an extractor that finds nothing (spaCy's own memory
is not the question here: whether reports are held all at once is). Each
measurement runs in a fresh process, so its peak resident memory (ru_maxrss)
is its own. For contrast it also measures reading the whole folder into a list
first, as ingest did before it went a batch at a time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from mosaic.model import Report, ReportExtraction

WORDS = [f"w{n}" for n in range(5000)]


class NothingFound:
    """An extractor that finds nothing, so that the figures are ingest's own."""

    name = "bench.nothing.v1"

    def extract_many(
        self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[ReportExtraction]:
        for report in reports:
            yield ReportExtraction(report.id, self.name)


def write_folder(folder: Path, files: int, kib: int, seed: int = 0) -> int:
    """`files` distinct texts of about `kib` KiB each; the folder's size in bytes."""
    rng = random.Random(seed)
    total = 0
    for number in range(files):
        words: list[str] = []
        size = 0
        while size < kib * 1024:
            line = " ".join(rng.choices(WORDS, k=12)) + ".\n"
            words.append(line)
            size += len(line)
        data = f"Report {number}\n\n{''.join(words)}".encode()
        (folder / f"r{number:05}.txt").write_bytes(data)
        total += len(data)
    return total


def measure(mode: str, folder: Path) -> dict[str, float]:
    """Peak memory and time of one mode, in this process."""
    from mosaic.ingest import read_all
    from mosaic.services.ingest import Outcome, ingest_paths
    from mosaic.store.sql import open_repository

    baseline = _peak_mib()
    started = time.perf_counter()
    if mode == "read-whole":
        held = list(read_all([folder]))
        count = len(held)
    else:
        with tempfile.TemporaryDirectory(prefix="mosaic-bench-") as scratch:
            repo = open_repository(str(Path(scratch) / "kb.db"))
            summary = ingest_paths(repo, NothingFound, [folder])
            repo.close()
            count = summary.count(Outcome.STORED)
    return {
        "reports": count,
        "seconds": round(time.perf_counter() - started, 1),
        "baseline_mib": baseline,
        "peak_mib": _peak_mib(),
    }


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _in_subprocess(mode: str, folder: Path) -> dict[str, float]:
    code = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]); "
        "from ingest_memory import measure; "
        "print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]))))"
    )
    here = str(Path(__file__).resolve().parent)
    result = subprocess.run(
        [sys.executable, "-c", code, mode, str(folder), here],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--kib", type=int, default=50)
    parser.add_argument("--skip-whole", action="store_true", help="only measure ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mosaic-bench-folder-") as name:
        folder = Path(name)
        size = write_folder(folder, args.files, args.kib)
        print(f"folder: {args.files} files, {size / 2**20:.1f} MiB")
        modes = ["ingest"] if args.skip_whole else ["ingest", "read-whole"]
        for mode in modes:
            figures = _in_subprocess(mode, folder)
            print(
                f"{mode:>10}: {figures['reports']:.0f} reports in {figures['seconds']} s, "
                f"peak RSS {figures['peak_mib']} MiB (after imports {figures['baseline_mib']} MiB)"
            )


if __name__ == "__main__":
    main()
