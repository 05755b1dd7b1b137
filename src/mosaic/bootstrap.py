"""The composition root: settings in, concrete store and pipeline out.

This is the only module that reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from mosaic.services.ingest import Extractor
from mosaic.store.ports import Repository

DEFAULT_DB_URL = "sqlite:///mosaic.db"


@dataclass(frozen=True)
class Settings:
    db_url: str
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_environment(cls, db_url: str | None = None) -> Settings:
        """`db_url` from the command line wins over MOSAIC_DB_URL, which wins over the default.

        MOSAIC_ALLOWED_HOSTS: comma-separated names the server answers to besides
        the loopback names and the address it listens on ("*" for any name).
        """
        return cls(
            db_url=db_url or os.environ.get("MOSAIC_DB_URL") or DEFAULT_DB_URL,
            allowed_hosts=names(os.environ.get("MOSAIC_ALLOWED_HOSTS", "")),
        )


def names(text: str) -> tuple[str, ...]:
    """`"a.example, b.example"` -> `("a.example", "b.example")`."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


def open_repository(settings: Settings) -> Repository:
    from mosaic.store.sql import open_repository as open_sql

    return open_sql(settings.db_url)


@cache
def load_extractor() -> Extractor:
    """The spaCy pipeline, loaded once per process (it takes about a second)."""
    from mosaic.extract.pipeline import load_extractor as load

    return load()
