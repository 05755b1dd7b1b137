"""`mosaic serve` in a subprocess: it answers, and SIGTERM ends it within 5 s, busy or not."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mosaic.api.sample import build_sample
from mosaic.store.sql import open_repository
from support.cli import mosaic_command

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
STOPS_WITHIN = 5.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A `mosaic serve` process over the sample knowledge base, and its address."""
    db = tmp_path / "kb.db"
    repo = open_repository(str(db))
    build_sample(repo)
    repo.close()
    port = free_port()
    process = subprocess.Popen(
        [*mosaic_command(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MOSAIC_ALLOWED_HOSTS": "mosaic.example.org"},
    )
    address = f"http://127.0.0.1:{port}"
    wait_until_up(process, address)
    yield process, address
    if process.poll() is None:
        process.kill()
        process.wait()


def wait_until_up(process: subprocess.Popen[bytes], address: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{address}/api/events", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail("mosaic serve did not start")


def seconds_to_stop(process: subprocess.Popen[bytes]) -> float:
    start = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.monotonic() - start


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1", 200), ("localhost", 200), ("mosaic.example.org", 200), ("evil.example", 400)],
)
def test_cli_serve_answers_the_names_it_serves_only(
    served: tuple[subprocess.Popen[bytes], str], host: str, status: int
) -> None:
    _, address = served
    port = address.rsplit(":", 1)[1]
    response = httpx.get(f"{address}/api/events", headers={"host": f"{host}:{port}"})
    assert response.status_code == status


def test_cli_serve_stops_on_sigterm_when_idle(served: tuple[subprocess.Popen[bytes], str]) -> None:
    process, _ = served
    assert seconds_to_stop(process) < STOPS_WITHIN


def test_cli_serve_stops_on_sigterm_during_a_long_ingest(
    served: tuple[subprocess.Popen[bytes], str],
) -> None:
    """An ingest loads spaCy and extracts 400 KB of text: far longer than 5 s."""
    process, address = served
    text = "Militants attacked a police post near Quetta on Monday, officials said. " * 5600
    answers: list[object] = []

    def ingest() -> None:
        try:
            answers.append(httpx.post(f"{address}/api/reports", json={"text": text}, timeout=120))
        except httpx.TransportError as error:
            answers.append(error)

    sender = threading.Thread(target=ingest, daemon=True)
    sender.start()
    time.sleep(2)
    assert not answers, "the ingest should still be running"
    assert seconds_to_stop(process) < STOPS_WITHIN
    sender.join(timeout=10)
