"""Migration 0005_session_tokens: sessions stored before it still sign their user in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.services.authentication import Authenticator
from mosaic.share.tokens import new_session_id, session_hash
from mosaic.store.engine import create_engine, parse_url
from mosaic.store.sql import open_repository
from support.migrations import migrate_to

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def _old_session(url: str) -> str:
    """A database at 0004 with one user, one token and one session of theirs: its cookie."""
    engine = create_engine(parse_url(url))
    migrate_to(engine, "0004_accounts")
    session_id = new_session_id()
    rows = [
        ("INSERT INTO organisations (name, created_at) VALUES ('org-a', :t)", {}),
        ("INSERT INTO users VALUES ('ana', 'org-a', 'analyst', :t)", {}),
        ("INSERT INTO api_tokens VALUES ('tok1', 'ana', 'hash', :t, NULL)", {}),
        ("INSERT INTO web_sessions VALUES (:h, 'ana', :t, :end)", {"h": session_hash(session_id)}),
    ]
    with engine.begin() as connection:
        for statement, values in rows:
            values |= {"t": NOW, "end": NOW + dt.timedelta(days=1)}
            connection.execute(sa.text(statement), values)
    engine.dispose()
    return session_id


def test_store_migration_0005_old_sessions_last_while_their_user_has_a_token(
    tmp_path: Path,
) -> None:
    url = str(tmp_path / "old.db")
    session_id = _old_session(url)
    repo = open_repository(url)
    try:
        stored = repo.get_session(session_hash(session_id))
        assert stored is not None and stored.token_id is None
        authenticator = Authenticator(repo, clock=lambda: NOW)
        assert getattr(authenticator.user_for_session(session_id), "name", None) == "ana"
        accounts.revoke_user_tokens(repo, "ana", COMMAND_LINE)
        assert authenticator.user_for_session(session_id) is None
    finally:
        repo.close()


def test_store_migration_0005_downgrades_to_0004(tmp_path: Path) -> None:
    engine = create_engine(parse_url(str(tmp_path / "kb.db")))
    migrate_to(engine, "head")
    migrate_to(engine, "0004_accounts", downgrade=True)
    columns = {column["name"] for column in sa.inspect(engine).get_columns("web_sessions")}
    engine.dispose()
    assert "token_id" not in columns and "expires_at" in columns
