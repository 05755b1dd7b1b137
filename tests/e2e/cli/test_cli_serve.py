"""`mosaic serve` in a subprocess: it answers, SIGTERM ends it (all its workers) within 5 s,
busy or not, and no worker's cache answers from before a write made through another."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

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
def served(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A `mosaic serve` process over the sample knowledge base, and its address; with
    `--workers N` where the test is parametrized indirectly with N."""
    db = tmp_path / "kb.db"
    repo = open_repository(str(db))
    build_sample(repo)
    repo.close()
    port = free_port()
    workers = str(getattr(request, "param", 1))
    process = subprocess.Popen(
        [*mosaic_command(db), "serve", "--port", str(port), "--workers", workers],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={
            **os.environ,
            "MOSAIC_ALLOWED_HOSTS": "mosaic.example.org",
            "MOSAIC_CACHE_SECONDS": "60",
        },
    )
    address = f"http://127.0.0.1:{port}"
    wait_until_up(process, address)
    yield process, address
    for worker in workers_of(process.pid):
        os.kill(worker, signal.SIGKILL)
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
    """From SIGTERM to the end of the server and of every process it started."""
    started = workers_of(process.pid)
    start = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        return float("inf")
    while any(running(pid) for pid in started) and time.monotonic() - start < 30:
        time.sleep(0.05)
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


@pytest.mark.parametrize("served", [1, 2], indirect=True)
def test_cli_serve_stops_on_sigterm_when_idle(served: tuple[subprocess.Popen[bytes], str]) -> None:
    process, _ = served
    assert seconds_to_stop(process) < STOPS_WITHIN


@pytest.mark.parametrize("served", [1, 2], indirect=True)
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


@pytest.mark.parametrize("served", [2], indirect=True)
def test_cli_serve_workers_stop_when_the_server_is_killed(
    served: tuple[subprocess.Popen[bytes], str],
) -> None:
    """SIGKILL cannot be passed on: the workers see their parent gone and stop themselves."""
    process, _ = served
    workers = workers_of(process.pid)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if running(pid)] == []


@pytest.mark.parametrize("served", [2], indirect=True)
def test_cli_serve_refuses_a_port_its_workers_listen_on(
    served: tuple[subprocess.Popen[bytes], str], tmp_path: Path
) -> None:
    """The workers share their port (SO_REUSEPORT on Linux); no other server may join them."""
    _, address = served
    port = address.rsplit(":", 1)[1]
    other = tmp_path / "other.db"
    command = [*mosaic_command(other), "serve", "--port", port, "--workers", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "address already in use" in result.stderr.lower()


def workers_of(pid: int) -> list[int]:
    """The processes `pid` started (Linux's /proc; none elsewhere)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                children.append(int(stat.parent.name))
        except (OSError, IndexError):
            continue
    return children


def running(pid: int) -> bool:
    """Whether the process is alive (neither gone nor a zombie)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("served", [2], indirect=True)
def test_cli_serve_workers_answer_after_a_write_through_another(
    served: tuple[subprocess.Popen[bytes], str],
) -> None:
    """A read cached by one worker, a merge written through the other: the read is fresh."""
    process, address = served
    port = int(address.rsplit(":", 1)[1])
    reader, writer = connections_to_two_workers(process.pid, port)
    path = "/api/entities/ttp"
    assert "Jamaat-ul-Ahrar" not in ask(reader, "GET", path)["aliases"]
    assert "Jamaat-ul-Ahrar" not in ask(reader, "GET", path)["aliases"]  # now cached
    ask(writer, "POST", "/api/review/merge", {"keep": "ttp", "absorb": "jua"})
    assert "Jamaat-ul-Ahrar" in ask(reader, "GET", path)["aliases"]


def test_cli_serve_answers_after_a_write_by_another_command(
    served: tuple[subprocess.Popen[bytes], str], tmp_path: Path
) -> None:
    """`mosaic import` in its own process adds reports: the server's cached counts follow."""
    _, address = served
    db = tmp_path / "kb.db"
    bundle = tmp_path / "sample.stix.json"
    run = partial(subprocess.run, check=True, capture_output=True)
    run([*mosaic_command(db), "export", "--format", "stix", "--out", str(bundle)])
    reports = httpx.get(f"{address}/api/stats").json()["reports"]
    assert httpx.get(f"{address}/api/stats").json()["reports"] == reports  # now cached
    run([*mosaic_command(db), "import", str(bundle)])
    assert httpx.get(f"{address}/api/stats").json()["reports"] > reports


def connections_to_two_workers(
    server: int, port: int
) -> tuple[http.client.HTTPConnection, http.client.HTTPConnection]:
    """Keep-alive connections, opened until two are held by different worker processes."""
    by_worker: dict[int, http.client.HTTPConnection] = {}
    for _ in range(200):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        ask(connection, "GET", "/api/stats")
        worker = worker_holding(server, port, connection.sock.getsockname()[1])
        by_worker.setdefault(worker, connection)
        if len(by_worker) == 2:
            first, second = by_worker.values()
            return first, second
    pytest.fail("every connection went to one worker")


def worker_holding(server: int, port: int, client_port: int) -> int:
    """The worker process whose socket is the server's end of the client's connection."""
    wanted = f"0100007F:{port:04X} 0100007F:{client_port:04X}"
    lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    inode = next(line.split()[9] for line in lines if " ".join(line.split()[1:3]) == wanted)
    for worker in workers_of(server):
        try:
            links = {os.readlink(fd) for fd in Path(f"/proc/{worker}/fd").iterdir()}
        except OSError:
            continue
        if f"socket:[{inode}]" in links:
            return worker
    pytest.fail(f"no worker holds the connection from port {client_port}")


def ask(connection: http.client.HTTPConnection, method: str, path: str, body: object = None) -> Any:
    """The JSON answer to one request on a kept-alive connection (which must be 200 or 201)."""
    payload = None if body is None else json.dumps(body)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, path, body=payload, headers=headers)
    response = connection.getresponse()
    answer = response.read()
    assert response.status in (200, 201), answer
    return json.loads(answer)
