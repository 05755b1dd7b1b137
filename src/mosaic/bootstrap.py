"""The composition root: settings in, concrete store and pipeline out.

This is the only module that reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from mosaic.services.ingest import Extractor
from mosaic.store.ports import KnowledgeBase, Repository

DEFAULT_DB_URL = "sqlite:///mosaic.db"


@dataclass(frozen=True)
class Settings:
    db_url: str

    @classmethod
    def from_environment(cls, db_url: str | None = None) -> Settings:
        """`db_url` from the command line wins over MOSAIC_DB_URL, which wins over the default."""
        return cls(db_url=db_url or os.environ.get("MOSAIC_DB_URL") or DEFAULT_DB_URL)


def open_repository(settings: Settings) -> Repository:
    from mosaic.store.sql import open_repository as open_sql

    return open_sql(settings.db_url)


def open_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The store with its accounts and audit log: what sharing and authentication need."""
    from mosaic.store.sql import open_repository as open_sql

    return open_sql(settings.db_url)


@cache
def load_extractor() -> Extractor:
    """The spaCy pipeline, loaded once per process (it takes about a second)."""
    from mosaic.extract.pipeline import load_extractor as load

    return load()
