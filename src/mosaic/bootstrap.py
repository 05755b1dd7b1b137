"""The composition root: settings in, concrete store and pipeline out.

This is the only module that reads the environment.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from mosaic.errors import InputError, StoreError
from mosaic.services.ingest import Extractor
from mosaic.store.ports import KnowledgeBase, Repository

if TYPE_CHECKING:
    from mosaic.extract.entities.gazetteer import Gazetteer
    from mosaic.store.generation import WriteStamp

DEFAULT_DB_URL = "sqlite:///mosaic.db"


# Installed extensions register event types and rules under these entry-point groups
# (DEVELOPERS.md, "adding an event type as an extension").
EXTENSION_GROUPS = ("mosaic_event_rules", "mosaic_relation_rules")

DEFAULT_CACHE_SECONDS = 10.0
DEFAULT_THREADS = 15  # the SQL store's pool: 5 connections and 10 more under load
MAX_DEFAULT_WORKERS = 4


@dataclass(frozen=True)
class Settings:
    db_url: str
    allowed_hosts: tuple[str, ...] = ()
    cache_seconds: float = DEFAULT_CACHE_SECONDS
    threads: int = DEFAULT_THREADS
    workers: int = 1

    @classmethod
    def from_environment(cls, db_url: str | None = None) -> Settings:
        """`db_url` from the command line wins over MOSAIC_DB_URL, which wins over the default.

        MOSAIC_ALLOWED_HOSTS: comma-separated names the server answers to besides
        the loopback names and the address it listens on ("*" for any name).
        MOSAIC_CACHE_SECONDS: how long the server keeps an answer to a read (0: not at all).
        MOSAIC_THREADS: how many requests each server process works on at once.
        MOSAIC_WORKERS: how many server processes answer requests (default: one a core, up
        to four; one for an in-memory database, which only its own process sees).
        """
        url = db_url or os.environ.get("MOSAIC_DB_URL") or DEFAULT_DB_URL
        return cls(
            db_url=url,
            allowed_hosts=names(os.environ.get("MOSAIC_ALLOWED_HOSTS", "")),
            cache_seconds=number("MOSAIC_CACHE_SECONDS", DEFAULT_CACHE_SECONDS),
            threads=int(number("MOSAIC_THREADS", DEFAULT_THREADS, minimum=1)),
            workers=int(number("MOSAIC_WORKERS", default_workers(url), minimum=1)),
        )


def default_workers(db_url: str) -> int:
    """One server process a core this process may run on, up to four; one where the
    database lives in the process's memory."""
    try:
        if write_stamp(db_url) is None:
            return 1
    except StoreError:
        pass  # not a URL: opening the store says so
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAX_DEFAULT_WORKERS))


def number(variable: str, default: float, minimum: float = 0) -> float:
    """A number from the environment, or an InputError naming the variable."""
    text = os.environ.get(variable, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError as error:
        raise InputError(variable, f"not a number: {text!r}") from error
    if value < minimum:
        raise InputError(variable, f"{text} is below {minimum:g}")
    return value


def names(text: str) -> tuple[str, ...]:
    """`"a.example, b.example"` -> `("a.example", "b.example")`."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


def open_repository(settings: Settings) -> Repository:
    return open_knowledge_base(settings)


def open_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The store with its accounts and audit log: what sharing and authentication need."""
    from mosaic.store.generation import bump_after_writes
    from mosaic.store.sql import open_repository as open_sql

    load_extensions()
    repo = open_sql(settings.db_url)
    stamp = write_stamp(settings.db_url)
    if stamp is not None:
        bump_after_writes(repo.engine, stamp)
    return repo


def write_stamp(db_url: str) -> WriteStamp | None:
    """The file whose change tells every process on this machine that the knowledge base
    at `db_url` was written (store/generation.py); None for an in-memory database."""
    from mosaic.store.generation import stamp_for

    return stamp_for(db_url)


@cache
def load_extensions() -> tuple[str, ...]:
    """Imports every installed extension's rules, once per process, so that the event types
    they add are known wherever stored rows are read (the CLI, the API), not only where
    extraction runs. Returns the entry points loaded, as `group:name`."""
    loaded = []
    for group in EXTENSION_GROUPS:
        for entry in entry_points(group=group):
            entry.load()
            loaded.append(f"{group}:{entry.name}")
    return tuple(loaded)


@cache
def load_extractor(gazetteer: Gazetteer | None = None) -> Extractor:
    """The spaCy pipeline, loaded once per process (it takes about a second); with the
    shipped actor gazetteer unless `gazetteer` is given. What it loads is kept out of the
    garbage collector's full passes (`keep_loaded_objects`)."""
    from mosaic.extract.pipeline import load_extractor as load

    extractor = load(gazetteer=gazetteer)
    keep_loaded_objects()
    return extractor


def keep_loaded_objects() -> None:
    """Every object alive now moved out of the garbage collector's reach (`gc.freeze`),
    the garbage among them collected first.

    The extractor's models, gazetteer and place table (some 300,000 objects) live as long
    as the process; each full collection that ingest's allocations set off would walk
    them all again (0.2 s of CPU on the benchmark corpus) and free none of them.
    """
    gc.collect()
    gc.freeze()
