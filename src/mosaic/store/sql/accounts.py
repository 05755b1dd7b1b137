"""Organisations, users, API tokens, web sessions and sharing groups in SQL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from mosaic.errors import NotFoundError
from mosaic.model.accounts import ApiToken, Organisation, Session, User
from mosaic.model.sharing import GroupMember, SharingGroup
from mosaic.store.access_rows import (
    organisation_of,
    read_time,
    session_of,
    session_row,
    stored_time,
    token_of,
    token_row,
    user_of,
    user_row,
)
from mosaic.store.schema import (
    api_tokens,
    organisations,
    sharing_group_members,
    sharing_groups,
    users,
    web_sessions,
)
from mosaic.store.sql.base import SqlBase


class SqlAccounts(SqlBase):
    def add_organisation(self, organisation: Organisation) -> None:
        row = {"name": organisation.name, "created_at": stored_time(organisation.created_at)}
        with self._connect() as connection:
            connection.execute(organisations.insert().values(**row))

    def get_organisation(self, name: str) -> Organisation | None:
        query = organisations.select().where(organisations.c.name == name)
        with self._connect() as connection:
            row = connection.execute(query).mappings().first()
        return organisation_of(row) if row else None

    def list_organisations(self) -> list[Organisation]:
        with self._connect() as connection:
            rows = connection.execute(organisations.select().order_by(organisations.c.name))
            return [organisation_of(row) for row in rows.mappings()]

    def add_user(self, user: User) -> None:
        with self._connect() as connection:
            connection.execute(users.insert().values(**user_row(user)))

    def get_user(self, name: str) -> User | None:
        with self._connect() as connection:
            row = connection.execute(users.select().where(users.c.name == name)).mappings().first()
        return user_of(row) if row else None

    def list_users(self, organisation: str | None = None) -> list[User]:
        query = users.select().order_by(users.c.name)
        if organisation is not None:
            query = query.where(users.c.organisation == organisation)
        with self._connect() as connection:
            return [user_of(row) for row in connection.execute(query).mappings()]

    def add_token(self, token: ApiToken) -> None:
        with self._connect() as connection:
            connection.execute(api_tokens.insert().values(**token_row(token)))

    def get_token(self, token_id: str) -> ApiToken | None:
        query = api_tokens.select().where(api_tokens.c.id == token_id)
        with self._connect() as connection:
            row = connection.execute(query).mappings().first()
        return token_of(row) if row else None

    def tokens_of(self, user: str) -> list[ApiToken]:
        query = (
            api_tokens.select()
            .where(api_tokens.c.user_name == user)
            .order_by(api_tokens.c.created_at, api_tokens.c.id)
        )
        with self._connect() as connection:
            return [token_of(row) for row in connection.execute(query).mappings()]

    def revoke_token(self, token_id: str, at: dt.datetime) -> bool:
        update = (
            api_tokens.update()
            .where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=stored_time(at))
        )
        with self._connect() as connection:
            return connection.execute(update).rowcount == 1

    def add_session(self, session: Session) -> None:
        with self._connect() as connection:
            connection.execute(web_sessions.insert().values(**session_row(session)))

    def get_session(self, id_hash: str) -> Session | None:
        query = web_sessions.select().where(web_sessions.c.id_hash == id_hash)
        with self._connect() as connection:
            row = connection.execute(query).mappings().first()
        return session_of(row) if row else None

    def delete_session(self, id_hash: str) -> None:
        with self._connect() as connection:
            connection.execute(web_sessions.delete().where(web_sessions.c.id_hash == id_hash))

    def add_sharing_group(self, group: SharingGroup) -> None:
        row = {
            "name": group.name,
            "owner": group.owner,
            "created_at": stored_time(group.created_at),
        }
        with self._connect() as connection:
            connection.execute(sharing_groups.insert().values(**row))
            for member in group.members:
                connection.execute(
                    sharing_group_members.insert().values(**_member(group.name, member))
                )

    def get_sharing_group(self, name: str) -> SharingGroup | None:
        found = self._groups(sharing_groups.c.name == name)
        return found[0] if found else None

    def list_sharing_groups(self) -> list[SharingGroup]:
        return self._groups(sa.true())

    def add_group_member(self, group: str, member: GroupMember) -> None:
        if self.get_sharing_group(group) is None:
            raise NotFoundError(f"sharing group {group}: no such group")
        if member in self._members(group):
            return
        with self._connect() as connection:
            connection.execute(sharing_group_members.insert().values(**_member(group, member)))

    def remove_group_member(self, group: str, member: GroupMember) -> bool:
        if self.get_sharing_group(group) is None:
            raise NotFoundError(f"sharing group {group}: no such group")
        members = sharing_group_members.c
        delete = sharing_group_members.delete().where(
            members.group_name == group,
            members.instance == member.instance,
            members.organisation == member.organisation,
        )
        with self._connect() as connection:
            return connection.execute(delete).rowcount == 1

    def _groups(self, condition: sa.ColumnElement[bool]) -> list[SharingGroup]:
        query = sharing_groups.select().where(condition).order_by(sharing_groups.c.name)
        with self._connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [
            SharingGroup(
                row["name"],
                row["owner"],
                read_time(row["created_at"]),
                frozenset(self._members(row["name"])),
            )
            for row in rows
        ]

    def _members(self, group: str) -> list[GroupMember]:
        members = sharing_group_members.c
        query = sa.select(members.instance, members.organisation).where(members.group_name == group)
        with self._connect() as connection:
            return [
                GroupMember(row.instance, row.organisation) for row in connection.execute(query)
            ]


def _member(group: str, member: GroupMember) -> dict[str, str]:
    return {"group_name": group, "instance": member.instance, "organisation": member.organisation}
