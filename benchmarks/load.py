"""Concurrent clients against `mosaic serve` on loopback: latency percentiles, errors, throughput.

Run by hand: `make demo`, then `.venv/bin/python benchmarks/load.py [--db demo.db]
[--clients 1,50] [--seconds 30] [--workers N] [--threads N]`. It starts `mosaic
serve` on 127.0.0.1 and a free port over the database (read only: nothing is
written), says what it runs on (worker processes, threads, connection pool,
cache), and for each number of clients runs that many clients for the given
time, each asking in turn for search (API and page), the network (API and page)
and event pages (API and page), a new request as soon as the last is answered.
It prints p50/p95/p99 latency, errors (a status other than 200, or no answer
within 10 s), requests per second, the CPU time of the server's processes (in
cores, and per request; of which their main threads, the event loops) and of
the clients, then the same per kind of request and the cores of each server
process, with the load average and the CPU pressure before and after; then it
stops the server. Bounded: at most 200 clients and 120 s a run; it only ever
talks to 127.0.0.1.

By default the clients ask 60 requests (34 paths) over 10 groups, 20 events
and one date, which the server's response cache (MOSAIC_CACHE_SECONDS, 10 s)
answers after the first time. `--vary` draws them from the whole database
instead (a search for every word of every entity's name, every event, every
seventh day from the first event to the last; shuffled), so that few answers
come from the cache; `--cache-seconds 0` turns the cache off.
Targets (issue 12): 0 errors, p99 under 500 ms, and the throughput at 50
clients at least that at one client.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib
import itertools
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

LOOPBACK = "127.0.0.1"
MAX_CLIENTS = 200
MAX_SECONDS = 120.0
TIMEOUT = 10.0
PAGE = 500  # the API's largest page
KINDS = ("search", "network", "event")


@dataclass
class Tally:
    """What the clients of one run saw."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    server_cpu: float = 0.0
    loop_cpu: float = 0.0
    client_cpu: float = 0.0
    process_cpu: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)

    def record(self, path: str, seconds: float, problem: str | None) -> None:
        self.latencies.append(seconds)
        self.by_kind.setdefault(kind_of(path), []).append(seconds)
        if problem is not None:
            self.errors += 1
            self.first_error = self.first_error or problem


def kind_of(path: str) -> str:
    """`api search`, `page event`, ...: what a path asks for, and whether of the API."""
    where = "api" if path.startswith("/api/") else "page"
    return f"{where} {next((k for k in KINDS if k in path), 'other')}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int, settings: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "mosaic", "--db", f"sqlite:///{db}", "serve"]
    return subprocess.Popen(
        [*command, "--host", LOOPBACK, "--port", str(port)],
        env={**os.environ, **settings},
        stdout=subprocess.DEVNULL,
    )


def wait_until_up(address: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(f"{address}/api/stats", timeout=2).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("mosaic serve did not start")


def paths_to_ask(address: str) -> list[str]:
    """Search, network and event requests over a few groups, events and one date."""
    events = httpx.get(f"{address}/api/events", params={"limit": 20}).json()["items"]
    groups = httpx.get(
        f"{address}/api/entities", params={"kind": "organization", "limit": 10}
    ).json()["items"]
    if not events or not groups:
        raise SystemExit("the database holds no events or groups: run `make demo` first")
    dates = sorted(e["date"] for e in events if e.get("date"))
    as_of = dates[len(dates) // 2][:10] if dates else "2015-01-01"
    paths: list[str] = []
    for event, group in zip(itertools.cycle(events), groups, strict=False):
        paths += both(
            f"search?q={quote(group['name'].split()[0])}",
            f"network?as_of={as_of}",
            f"events/{event['id']}",
        )
    return paths


def varied_paths_to_ask(address: str, seed: int = 0) -> list[str]:
    """Every search word, event and week of the database, each kind as often, shuffled."""
    events = every(address, "/api/events")
    names = [str(entity["name"]) for entity in every(address, "/api/entities")]
    words = sorted({word for name in names for word in re.findall(r"\w{4,}", name)})
    days = weeks([str(e["date"])[:10] for e in events if e.get("date")])
    if not events or not words or not days:
        raise SystemExit("the database holds no dated events or entities: run `make demo` first")
    count = max(len(events), len(words), len(days))
    picks = zip(
        itertools.islice(itertools.cycle(words), count),
        itertools.islice(itertools.cycle(days), count),
        itertools.islice(itertools.cycle(events), count),
        strict=True,
    )
    paths = [
        path
        for word, day, event in picks
        for path in both(f"search?q={quote(word)}", f"network?as_of={day}", f"events/{event['id']}")
    ]
    random.Random(seed).shuffle(paths)
    return paths


def weeks(dates: list[str]) -> list[str]:
    """Every seventh day from the first to the last of the dates (ISO, some only a year)."""
    days = sorted(dt.date.fromisoformat(d) for d in dates if len(d) == 10)
    if not days:
        return []
    count = (days[-1] - days[0]).days // 7 + 1
    return [(days[0] + dt.timedelta(weeks=n)).isoformat() for n in range(count)]


def both(*asked: str) -> list[str]:
    """Each of the requests through the API and as a page."""
    return [path for request in asked for path in (f"/api/{request}", f"/{request}")]


def every(address: str, list_path: str) -> list[dict[str, object]]:
    """All items of a paged API list."""
    items: list[dict[str, object]] = []
    while True:
        params = {"limit": PAGE, "offset": len(items)}
        page = httpx.get(f"{address}{list_path}", params=params).json()["items"]
        items += page
        if len(page) < PAGE:
            return items


class Connection:
    """One keep-alive HTTP/1.1 connection, as light as a client can be.

    httpx's pool costs more CPU per request at 50 connections than the server
    spends on a cached answer, and client and server share the machine's cores.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """The status of GET `path`, its body read whole."""
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(LOOPBACK, self.port)
        request = f"GET {path} HTTP/1.1\r\nHost: {LOOPBACK}:{self.port}\r\n\r\n"
        self.writer.write(request.encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        headers = dict(line.split(b":", 1) for line in head.split(b"\r\n")[1:] if b":" in line)
        fields = {name.strip().lower(): value.strip() for name, value in headers.items()}
        if fields.get(b"transfer-encoding") == b"chunked":
            await self.chunks()
        else:
            await self.reader.readexactly(int(fields.get(b"content-length", b"0")))
        return status

    async def chunks(self) -> None:
        assert self.reader is not None
        while size := int((await self.reader.readline()).strip(), 16):
            await self.reader.readexactly(size + 2)
        await self.reader.readline()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def client(port: int, paths: list[str], start: int, deadline: float, tally: Tally) -> None:
    connection = Connection(port)
    for path in itertools.islice(itertools.cycle(paths), start, None):
        if time.monotonic() >= deadline:
            break
        began = time.perf_counter()
        try:
            status = await asyncio.wait_for(connection.get(path), TIMEOUT)
            problem = None if status == 200 else f"{status} {path}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            problem = f"{type(error).__name__} {path}"
            connection.close()
        tally.record(path, time.perf_counter() - began, problem)
    connection.close()


async def run(port: int, paths: list[str], clients: int, seconds: float, server: int = 0) -> Tally:
    """`clients` clients for `seconds`; with the server's process id, the CPU time it used
    (all its processes; `loop_cpu`: their main threads, which run the event loops) and the
    CPU time of this process, the clients."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    began, loop_began, client_began = server_cpu(server), loop_cpu(server), time.process_time()
    each_began = {pid: process_cpu(pid) for pid in server_processes(server)}
    await asyncio.gather(
        *(client(port, paths, i * len(paths) // clients, deadline, tally) for i in range(clients))
    )
    tally.server_cpu = server_cpu(server) - began
    tally.loop_cpu = loop_cpu(server) - loop_began
    tally.client_cpu = time.process_time() - client_began
    tally.process_cpu = [process_cpu(pid) - cpu for pid, cpu in each_began.items()]
    return tally


def server_processes(pid: int) -> list[int]:
    """The server's process and its worker processes (Linux; [] elsewhere or without a pid)."""
    if not pid:
        return []
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat_fields(stat)[1] == str(pid):
                children.append(int(stat.parent.name))
        except (OSError, IndexError):
            continue
    return [pid, *children]


def server_cpu(pid: int) -> float:
    """User and system CPU time of the server's processes so far."""
    return sum(process_cpu(p) for p in server_processes(pid))


def process_cpu(pid: int) -> float:
    return cpu_seconds(Path(f"/proc/{pid}/stat"))


def loop_cpu(pid: int) -> float:
    """CPU time of the main threads of the server's processes, where uvicorn runs its loop."""
    return sum(cpu_seconds(Path(f"/proc/{p}/task/{p}/stat")) for p in server_processes(pid))


def cpu_seconds(stat: Path) -> float:
    """User and system CPU time of a process or thread, from its /proc stat file (0 if gone)."""
    try:
        fields = stat_fields(stat)
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stat_fields(stat: Path) -> list[str]:
    """The fields of a /proc stat file after the command name: state, parent id, ..."""
    return stat.read_text().rsplit(")", 1)[1].split()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(clients: int, seconds: float, tally: Tally) -> float:
    """Print one line for a run; returns its throughput in requests per second."""
    count = len(tally.latencies)
    throughput = count / seconds
    print(
        f"{clients:>7} {'all':>12} {count:>8} {throughput:>9.1f} {figures(tally.latencies)} "
        f"{tally.errors:>7} {tally.server_cpu / seconds:>6.2f} "
        f"{1000 * tally.server_cpu / max(count, 1):>8.1f} {tally.loop_cpu / seconds:>6.2f} "
        f"{tally.client_cpu / seconds:>6.2f}"
        + (f"  first error: {tally.first_error}" if tally.errors else "")
    )
    return throughput


def report_kinds(clients: int, seconds: float, tally: Tally) -> None:
    for kind, latencies in sorted(tally.by_kind.items()):
        rate = len(latencies) / seconds
        print(f"{clients:>7} {kind:>12} {len(latencies):>8} {rate:>9.1f} {figures(latencies)}")


def figures(latencies: list[float]) -> str:
    """p50, p95 and p99 in milliseconds."""
    ms = [1000 * t for t in latencies] or [0.0]
    return (
        f"{statistics.median(ms):>8.1f} {percentile(ms, 0.95):>8.1f} {percentile(ms, 0.99):>8.1f}"
    )


def machine_load() -> str:
    """The load average, and on Linux the share of time tasks waited for a CPU (PSI)."""
    figures = f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}"
    try:
        some = Path("/proc/pressure/cpu").read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return figures
    waited = dict(field.split("=") for field in some[1:] if "=" in field)
    return f"{figures}; tasks waited for a CPU {waited.get('avg60', '?')}% of the last 60 s"


def server_settings(args: argparse.Namespace) -> dict[str, str]:
    """The MOSAIC_ settings the server runs with: from the options, else the environment."""
    settings = {
        "MOSAIC_CACHE_SECONDS": args.cache_seconds,
        "MOSAIC_THREADS": args.threads,
        "MOSAIC_WORKERS": args.workers,
    }
    return {name: value for name, value in settings.items() if value is not None}


def describe_server(db: Path, settings: dict[str, str]) -> str:
    """What `mosaic serve` runs on, from the same settings and store code it uses."""
    from mosaic.bootstrap import Settings
    from mosaic.store.sql import open_repository

    configured = Settings.from_environment(f"sqlite:///{db}")
    env = {**os.environ, **settings}
    cache = float(env.get("MOSAIC_CACHE_SECONDS", configured.cache_seconds))
    threads = int(env.get("MOSAIC_THREADS", configured.threads))
    workers = int(env.get("MOSAIC_WORKERS", configured.workers))
    repo = open_repository(str(db))
    pool = repo.engine.pool
    overflow = getattr(pool, "_max_overflow", 0)
    repo.close()
    http = "httptools" if installed("httptools") else "h11"
    loop = "uvloop" if installed("uvloop") else "asyncio"
    return (
        f"mosaic serve: uvicorn {http} parser, {workers} worker process(es), {loop} loop; "
        f"each with endpoints on {threads} threads and a SQLAlchemy {type(pool).__name__} of "
        f"{pool.size()} + {overflow} SQLite connections; answers to reads kept {cache:g} s"
    )


def installed(module: str) -> bool:
    """Whether uvicorn's "auto" setting takes `module`: it imports it, and prefers it if it can."""
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("demo.db"))
    parser.add_argument("--clients", default="1,50", help="comma-separated client counts")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each run")
    parser.add_argument("--cache-seconds", help="MOSAIC_CACHE_SECONDS for the server (0: off)")
    parser.add_argument("--threads", help="MOSAIC_THREADS for the server")
    parser.add_argument("--workers", help="MOSAIC_WORKERS for the server (its processes)")
    parser.add_argument(
        "--vary", action="store_true", help="paths drawn from the whole database (see above)"
    )
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db}: no such database (run `make demo`)")
    levels = [min(int(n), MAX_CLIENTS) for n in args.clients.split(",")]
    seconds = min(args.seconds, MAX_SECONDS)
    port = free_port()
    address = f"http://{LOOPBACK}:{port}"
    settings = server_settings(args)
    server = start_server(args.db, port, settings)
    try:
        wait_until_up(address, server)
        paths = varied_paths_to_ask(address) if args.vary else paths_to_ask(address)
        asyncio.run(run(port, paths, 8, 4.0))  # warm caches, thread pools and every worker
        print(f"server: {describe_server(args.db, settings)}")
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, client in the same machine")
        print(
            "cores: the server's CPU time over the run's (all its processes); CPU ms/r: per "
            "request; loops: of which their main threads (event loops); client: this process's"
        )
        print(f"before: {machine_load()}")
        distinct = len(set(paths))
        print(f"{distinct} paths (search, network, event; API and pages), {seconds:.0f} s a run")
        print(
            f"{'clients':>7} {'asked':>12} {'requests':>8} {'req/s':>9} {'p50 ms':>8} "
            f"{'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'cores':>6} {'CPU ms/r':>8} "
            f"{'loops':>6} {'client':>6}"
        )
        tallies = [(n, asyncio.run(run(port, paths, n, seconds, server.pid))) for n in levels]
        throughputs = [report(n, seconds, tally) for n, tally in tallies]
        for n, tally in tallies:
            report_kinds(n, seconds, tally)
        for n, tally in tallies:
            each = " ".join(f"{cpu / seconds:.2f}" for cpu in tally.process_cpu)
            print(
                f"{n:>7} clients: cores of each server process (the first starts the rest): {each}"
            )
        print(f"after: {machine_load()}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    return 0 if meets_targets(throughputs, tallies[-1][1]) else 1


def meets_targets(throughputs: list[float], last: Tally) -> bool:
    """Issue 12's targets, printed: the last run without errors and with p99 under 500 ms,
    at a throughput at least that of the first."""
    p99 = 1000 * percentile(last.latencies or [0.0], 0.99)
    checks = {
        "0 errors": last.errors == 0,
        "p99 < 500 ms": p99 < 500,
        "throughput not below the first run's": throughputs[-1] >= throughputs[0],
    }
    print(
        "targets: "
        + "; ".join(f"{name}: {'met' if ok else 'missed'}" for name, ok in checks.items())
    )
    return all(checks.values())


if __name__ == "__main__":
    sys.exit(main())
