"""Every reader, fed generated hostile bytes, gives Reports or one-line errors, in time.

A bounded run (a few hundred inputs in all); `benchmarks/fuzz_readers.py` runs the
same strategies for as long as one cares to wait.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from mosaic.errors import InputError
from mosaic.ingest import ReadFailure, files
from mosaic.ingest.source import Reader
from mosaic.model import Report
from support import fuzzing
from support.fuzzing import STRATEGIES, read_hostile

EXAMPLES_PER_READER = 60


@pytest.mark.parametrize("extension", sorted(STRATEGIES))
def test_fuzz_reader_gives_reports_or_one_line_errors(extension: str) -> None:
    @settings(
        max_examples=EXAMPLES_PER_READER,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=STRATEGIES[extension])
    def check(data: bytes) -> None:
        read_hostile(extension, data)

    check()


@pytest.mark.parametrize(
    ("extension", "data"),
    [
        (".jsonl", b'{"title": "t\\ud800", "text": "x"}'),
        (
            ".xml",
            b'<rss version="2.0"><channel><item><title>&#55296;</title></item></channel></rss>',
        ),
        (".html", b"<div>" * 5000),
        (".md", b'---\ntitle: "\\ud800"\n---\nBody.'),
        (".md", b"---\npublished: 0000-01-01\n---\nBody."),
        (".md", b"---\nother: " + b"[" * 2000 + b"\n---\nBody."),
    ],
)
def test_fuzz_known_hostile_inputs_keep_the_contract(extension: str, data: bytes) -> None:
    assert read_hostile(extension, data)


@pytest.mark.parametrize(
    ("reader", "error"),
    [
        (lambda _source: [Report(text="a\ud800")], UnicodeEncodeError),
        (lambda _source: [ReadFailure(InputError("f.txt", "two\nlines"))], AssertionError),
        (lambda _source: [Report(text=" ")], AssertionError),
        (lambda _source: iter([1 / 0]), ZeroDivisionError),
    ],
)
def test_fuzz_contract_check_catches_a_reader_that_breaks_it(
    monkeypatch: pytest.MonkeyPatch, reader: Reader, error: type[Exception]
) -> None:
    monkeypatch.setitem(files.READERS, ".txt", reader)
    with pytest.raises(error):
        read_hostile(".txt", b"x")


def test_fuzz_contract_check_catches_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzzing, "BUDGET_SECONDS", -1.0)
    with pytest.raises(fuzzing.Hang):
        read_hostile(".txt", b"A report.")
