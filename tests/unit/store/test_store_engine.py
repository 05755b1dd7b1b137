"""URL handling of the SQL store, checked without connecting to anything."""

from __future__ import annotations

import pytest

from mosaic.errors import StoreError
from mosaic.store.engine import create_engine, parse_url, shown


@pytest.mark.parametrize("path", ["mosaic.db", "data/kb.sqlite", "/tmp/with space.db"])
def test_engine_path_without_scheme_is_sqlite(path: str) -> None:
    url = parse_url(path)
    assert (url.get_backend_name(), url.database) == ("sqlite", path)


def test_engine_url_with_scheme_is_kept() -> None:
    url = parse_url("postgresql+psycopg://mosaic:pw@db.example:5433/kb")
    assert (url.drivername, url.host, url.port, url.database) == (
        "postgresql+psycopg",
        "db.example",
        5433,
        "kb",
    )
    assert shown(url) == "postgresql+psycopg://mosaic:***@db.example:5433/kb"


def test_engine_unparsable_url_hides_password() -> None:
    with pytest.raises(StoreError) as raised:
        parse_url("postgresql://mosaic:pw@db:port/kb")
    assert "pw@" not in str(raised.value)
    assert "mosaic:***@db:port/kb" in str(raised.value)


def test_engine_unsupported_dialect_is_refused() -> None:
    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        create_engine(parse_url("mysql://root:pw@localhost/kb"))
