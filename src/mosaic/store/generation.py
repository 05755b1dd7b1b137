"""The knowledge base's write generation: a small file that every committed write changes.

Caches of answers to reads (the server's responses and figures) are kept per
process; with several server processes, or `mosaic ingest` running beside the
server, one process's cache must learn of another's writes. Each answer is kept
with the generation read before it was computed and served only while the
generation is unchanged. The store bumps the generation after each transaction
that wrote commits, before the write's caller goes on, so a read that follows a
write (in any process on this machine) is never answered from before it.

The file lies beside a SQLite database (`kb.db-writes`, like SQLite's own
`kb.db-wal`) and, for a server database, in the temporary directory under a
name drawn from the URL without its password. One code path for both.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL

from mosaic.store.engine import parse_url

TOKEN_BYTES = 16  # written as 32 hex digits, always the same length, in place
WROTE = "mosaic_wrote"  # marks a pooled connection whose transaction wrote
WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE")
log = logging.getLogger(__name__)


class WriteStamp:
    """The generation file: `read` what it holds now, `bump` it to a value never held before."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> bytes:
        """The current generation; empty before the first write. A stamp that cannot be
        read gives a new value each time, so that nothing is served from a cache."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return b""
        except OSError:
            return os.urandom(TOKEN_BYTES)

    def bump(self) -> None:
        """Write a random token over the old one, in one write of fixed length.

        A reader that catches the write half done reads a value that was never the
        generation before, which is as good as the new one: its answer is not reused.
        """
        token = os.urandom(TOKEN_BYTES).hex().encode()
        try:
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                os.pwrite(descriptor, token, 0)
            finally:
                os.close(descriptor)
        except OSError as error:
            log.warning("%s: cannot mark a write (%s); caches may lag", self.path, error)


def stamp_for(url: str) -> WriteStamp | None:
    """The stamp of the knowledge base at `url`; None for an in-memory database, which
    only its own process sees."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            return None
        database = Path(parsed.database).resolve()
        return WriteStamp(database.with_name(f"{database.name}-writes"))
    return WriteStamp(Path(tempfile.gettempdir()) / f"mosaic-{url_digest(parsed)}.writes")


def url_digest(url: URL) -> str:
    """A name for the database at `url`, the same in every process, that tells no password."""
    shown = url.render_as_string(hide_password=True)
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


def bump_after_writes(engine: sa.Engine, stamp: WriteStamp) -> None:
    """Bump `stamp` whenever a connection that wrote goes back to the pool: after its
    transaction committed (or rolled back, which costs the caches a needless miss)."""

    @event.listens_for(engine, "after_cursor_execute")
    def _note_write(
        connection: sa.Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        _context: Any,
        _executemany: bool,
    ) -> None:
        if statement.lstrip()[:7].upper().startswith(WRITE_VERBS):
            connection.info[WROTE] = True

    @event.listens_for(engine, "checkin")
    def _bump(_dbapi_connection: Any, record: Any) -> None:
        if record is not None and record.info.pop(WROTE, False):
            stamp.bump()
