"""The composition root: settings in, concrete store and pipeline out.

This is the only module that reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from mosaic.services.ingest import Extractor
from mosaic.store.ports import Repository

if TYPE_CHECKING:
    from mosaic.extract.entities.gazetteer import Gazetteer

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


@cache
def load_extractor(gazetteer: Gazetteer | None = None) -> Extractor:
    """The spaCy pipeline, loaded once per process (it takes about a second); with the
    shipped actor gazetteer unless `gazetteer` is given."""
    from mosaic.extract.pipeline import load_extractor as load

    return load(gazetteer=gazetteer)
