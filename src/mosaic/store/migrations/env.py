"""Alembic's entry point: migrate the connection the caller passes, or the configured URL.

`mosaic.store.engine.migrate` passes a connection in `config.attributes`; the
`sqlalchemy.url` option serves developers running the alembic command by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from mosaic.store.schema import metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url or pass a connection in config.attributes")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


run_migrations()
