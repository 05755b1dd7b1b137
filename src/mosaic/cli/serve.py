"""`mosaic serve`: the web app and the JSON API on this machine.

One process, or `--workers N` processes listening on one port, each
opening the knowledge base itself (an engine's connections must not cross a
fork) and each with its own caches, kept true to writes made by the others
through the knowledge base's write generation (`store/generation.py`).
"""

from __future__ import annotations

import ipaddress
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from functools import partial
from multiprocessing.context import SpawnProcess
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
import uvicorn
from uvicorn.config import STARTUP_FAILURE

from mosaic.bootstrap import Settings, open_knowledge_base, write_stamp
from mosaic.cli.common import console, knowledge_base, state, user_errors
from mosaic.errors import InputError
from mosaic.services import accounts
from mosaic.store.ports import KnowledgeBase

if TYPE_CHECKING:
    from starlette.types import ASGIApp

STOP_WITHIN = 4.0  # seconds from SIGTERM or Ctrl-C to the process's end, whatever runs
GRACE = 2  # of which requests in flight may take this many to finish
KILL_WORKERS_AFTER = GRACE + 0.5  # then the server kills its workers: ends take time too
WATCH_EVERY = 0.2  # seconds between two looks at the workers
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")
SPAWN = multiprocessing.get_context("spawn")  # a fresh interpreter: no engine crosses a fork
log = logging.getLogger(__name__)


class StoppingServer(uvicorn.Server):
    """uvicorn's server, sure to end the process soon after it is told to stop.

    uvicorn waits for requests in flight, and Python for the threads that run
    them: an extraction or a PDF conversion could hold the process for minutes.
    A signal arms a timer that ends the process after STOP_WITHIN seconds.
    """

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        timer = threading.Timer(STOP_WITHIN, os._exit, args=(0,))
        timer.daemon = True
        timer.start()
        super().handle_exit(sig, frame)


def is_loopback(host: str) -> bool:
    """True for an address only this machine reaches (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 unless shared).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Server processes [default: MOSAIC_WORKERS, else one a core, up to 4]."
        ),
    ] = None,
) -> None:
    """Serve the workbench: web pages at /, the JSON API at /api, OpenAPI at /openapi.json."""
    with user_errors():
        settings = Settings.from_environment(state.db_url)
        count = workers or settings.workers
        repo = knowledge_base()
        if not is_loopback(host) and not accounts.has_admin(repo):
            raise InputError(
                "--host",
                f"{host} is reachable from other machines: add an admin first "
                "(mosaic org add ORG; mosaic user add NAME --org ORG --role admin)",
            )
        if count > 1 and write_stamp(settings.db_url) is None:
            raise InputError("--workers", "an in-memory database lives in one process: use 1")
    processes = f", {count} processes" if count > 1 else ""
    console.print(
        f"Mosaic on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs{processes})"
    )
    if host in WILDCARD_ADDRESSES and not settings.allowed_hosts:
        console.print("Listening on every address: set MOSAIC_ALLOWED_HOSTS to the names served.")
    if count == 1:
        serve_alone(settings, host, port, repo)
    else:
        close_store(repo)  # each worker opens its own
        app = partial(workbench, settings, host)
        Workers(server_config(app, host, port), count).run()


def serve_alone(settings: Settings, host: str, port: int, repo: KnowledgeBase) -> None:
    """One process, over the knowledge base already open."""
    app = partial(workbench, settings, host, repo)
    StoppingServer(server_config(app, host, port)).run()
    close_store(repo)


def server_config(app: partial[ASGIApp], host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        factory=True,
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=GRACE,
    )


def workbench(settings: Settings, host: str, repo: KnowledgeBase | None = None) -> ASGIApp:
    """The web pages over the API, as each server process runs them: over `repo`, or the
    knowledge base it opens on the first request."""
    from mosaic.api.app import create_app, settle_heap
    from mosaic.api.response_cache import no_generation
    from mosaic.web.app import install_web

    stamp = write_stamp(settings.db_url)
    api = create_app(
        (lambda: repo) if repo is not None else partial(open_knowledge_base, settings),
        allowed_hosts=(host, *settings.allowed_hosts),
        cache_seconds=settings.cache_seconds,
        threads=settings.threads,
        write_generation=stamp.read if stamp is not None else no_generation,
    )
    app = install_web(api)
    settle_heap()
    return app


def close_store(repo: KnowledgeBase) -> None:
    close = getattr(repo, "close", None)
    if close is not None:
        close()


class Workers:
    """Server processes listening on one port; a worker that dies is replaced.

    On Linux each worker listens on a socket of its own bound with SO_REUSEPORT,
    and the kernel spreads new connections evenly over them (on one shared
    socket, whichever worker wakes first accepts a whole burst of connections and
    keeps them: 52 against 4 of 50 clients, seen). Elsewhere they share one socket.
    SIGTERM or Ctrl-C passes SIGTERM on to every worker (a `StoppingServer`) and
    kills any still running KILL_WORKERS_AFTER seconds later (a second under load
    went by between a worker's end at STOP_WITHIN and the server's); a worker
    that fails to start stops them all.
    """

    def __init__(self, config: uvicorn.Config, count: int) -> None:
        self.config = config
        self.count = count
        self.stopping = threading.Event()
        self.failed = False
        self.processes: list[SpawnProcess] = []

    def run(self) -> None:
        if shares_port(self.config):
            # Any other server listening there, a port-sharing one too, stops this one here.
            self.config.bind_socket().close()
            # Bound, never listening: holds the port for this user's workers.
            holder = port_sharing_socket(self.config)
            sockets: list[socket.socket] = []
        else:
            holder = self.config.bind_socket()
            sockets = [holder]
        for handled in (signal.SIGINT, signal.SIGTERM):
            signal.signal(handled, self.handle_exit)
        self.processes = [self.start(sockets) for _ in range(self.count)]
        while not self.stopping.wait(WATCH_EVERY):
            self.replace_dead(sockets)
        self.stop()
        holder.close()
        if self.failed:
            raise SystemExit(STARTUP_FAILURE)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.stopping.set()

    def start(self, sockets: list[socket.socket]) -> SpawnProcess:
        process = SPAWN.Process(target=run_worker, args=(self.config, sockets))
        process.start()
        return process

    def replace_dead(self, sockets: list[socket.socket]) -> None:
        for index, process in enumerate(self.processes):
            if process.is_alive() or self.stopping.is_set():
                continue
            if process.exitcode == STARTUP_FAILURE:
                log.error("a worker could not start: stopping the server")
                self.failed = True
                self.stopping.set()
                return
            log.warning("worker %s ended (%s): starting another", process.pid, process.exitcode)
            self.processes[index] = self.start(sockets)

    def stop(self) -> None:
        for process in self.processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + KILL_WORKERS_AFTER
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()


def run_worker(config: uvicorn.Config, sockets: list[socket.socket]) -> None:
    """One worker process: serve on the sockets its parent listens on, or on its own
    socket sharing the port, until told to stop."""
    config.configure_logging()
    threading.Thread(target=stop_when_orphaned, args=(os.getppid(),), daemon=True).start()
    server = StoppingServer(config)
    server.run(sockets=sockets or [port_sharing_socket(config)])
    if not server.started:
        sys.exit(STARTUP_FAILURE)


def stop_when_orphaned(parent: int) -> None:
    """Stop this worker as if told to once its parent is gone (killed, say, by SIGKILL,
    which it cannot pass on): no worker outlives the server."""
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)


def shares_port(config: uvicorn.Config) -> bool:
    """Whether each worker may listen on a socket of its own (Linux balances them)."""
    return (
        sys.platform.startswith("linux")
        and hasattr(socket, "SO_REUSEPORT")
        and config.port != 0
        and config.uds is None
        and config.fd is None
    )


def port_sharing_socket(config: uvicorn.Config) -> socket.socket:
    """A TCP socket bound to the configured address with SO_REUSEPORT, not yet listening;
    a process that cannot bind it ends as one that failed to start."""
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((config.host.strip("[]"), config.port))
    except OSError as error:
        sock.close()
        log.error("cannot listen on %s port %s: %s", config.host, config.port, error)
        sys.exit(STARTUP_FAILURE)
    return sock
