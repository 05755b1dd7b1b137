"""Move a database to a revision of Mosaic's migrations, for the tests of one migration."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from mosaic.store.engine import MIGRATIONS


def migrate_to(engine: sa.Engine, revision: str, downgrade: bool = False) -> None:
    """Upgrade (or downgrade) the database of `engine` to `revision`, in one transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if downgrade else command.upgrade)(config, revision)
