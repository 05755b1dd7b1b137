"""Conversions between accounts, groups and audit entries and their SQL rows.

Times are stored as naive UTC (what both SQLite and PostgreSQL's `timestamp`
keep) and come back aware, in UTC.
"""

from __future__ import annotations

import datetime as dt
import json

from mosaic.model.accounts import ApiToken, Organisation, Role, Session, User
from mosaic.model.audit import AuditEntry, AuditEvent
from mosaic.store.rows import Row, StoredRow


def stored_time(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        return at
    return at.astimezone(dt.UTC).replace(tzinfo=None)


def read_time(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC)


def organisation_of(row: StoredRow) -> Organisation:
    return Organisation(row["name"], read_time(row["created_at"]))


def user_row(user: User) -> Row:
    return {
        "name": user.name,
        "organisation": user.organisation,
        "role": user.role.value,
        "created_at": stored_time(user.created_at),
    }


def user_of(row: StoredRow) -> User:
    return User(row["name"], row["organisation"], Role(row["role"]), read_time(row["created_at"]))


def token_row(token: ApiToken) -> Row:
    return {
        "id": token.id,
        "user_name": token.user,
        "secret_hash": token.secret_hash,
        "created_at": stored_time(token.created_at),
        "revoked_at": stored_time(token.revoked_at) if token.revoked_at else None,
    }


def token_of(row: StoredRow) -> ApiToken:
    return ApiToken(
        id=row["id"],
        user=row["user_name"],
        secret_hash=row["secret_hash"],
        created_at=read_time(row["created_at"]),
        revoked_at=read_time(row["revoked_at"]) if row["revoked_at"] else None,
    )


def session_row(session: Session) -> Row:
    return {
        "id_hash": session.id_hash,
        "user_name": session.user,
        "created_at": stored_time(session.created_at),
        "expires_at": stored_time(session.expires_at),
        "token_id": session.token_id,
    }


def session_of(row: StoredRow) -> Session:
    return Session(
        row["id_hash"],
        row["user_name"],
        read_time(row["created_at"]),
        read_time(row["expires_at"]),
        row["token_id"],
    )


def audit_row(entry: AuditEntry) -> Row:
    event = entry.event
    return {
        "sequence": entry.sequence,
        "at": event.at,
        "actor": event.actor,
        "organisation": event.organisation,
        "action": event.action,
        "target": event.target,
        "details": json.dumps(event.details, sort_keys=True, ensure_ascii=False),
        "previous": entry.previous,
        "hash": entry.hash,
    }


def audit_of(row: StoredRow) -> AuditEntry:
    event = AuditEvent(
        at=row["at"],
        actor=row["actor"],
        organisation=row["organisation"],
        action=row["action"],
        target=row["target"],
        details=json.loads(row["details"]),
    )
    return AuditEntry(row["sequence"], event, row["previous"], row["hash"])
