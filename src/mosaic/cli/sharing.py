"""`mosaic org|user|token|group`: who uses the instance, their API tokens, sharing groups.

Changes made here are recorded in the audit log as made by the command line.
"""

from __future__ import annotations

from typing import Annotated

import typer

from mosaic.cli.common import console, knowledge_base, print_json, user_errors
from mosaic.model.accounts import Role
from mosaic.model.sharing import LOCAL_INSTANCE
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.share.tokens import TokenHasher

org_app = typer.Typer(help="Organisations served by this instance.", no_args_is_help=True)
user_app = typer.Typer(help="Users, their roles and API tokens.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens: issue another, revoke.", no_args_is_help=True)
group_app = typer.Typer(help="Sharing groups and their members.", no_args_is_help=True)
member_app = typer.Typer(help="Members of a sharing group.", no_args_is_help=True)
group_app.add_typer(member_app, name="member")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Instance = Annotated[
    str, typer.Option(help="The member's instance (its URL or name); default: this one.")
]


@org_app.command("add")
def add_organisation(
    name: Annotated[str, typer.Argument(help="Its name (the records' owner).")],
) -> None:
    """Add an organisation."""
    with user_errors():
        accounts.add_organisation(knowledge_base(), name, COMMAND_LINE)
    console.print(f"added organisation {name}")


@org_app.command("list")
def list_organisations(json_output: JsonOption = False) -> None:
    """List the organisations and how many users each has."""
    with user_errors():
        store = knowledge_base()
        rows = [
            {"name": org.name, "users": len(store.list_users(org.name)), "created": org.created_at}
            for org in store.list_organisations()
        ]
    if json_output:
        print_json(rows)
        return
    for row in rows:
        console.print(f"{row['name']}\t{row['users']} users", highlight=False)


@user_app.command("add")
def add_user(
    name: Annotated[str, typer.Argument(help="The user's name.")],
    org: Annotated[str, typer.Option("--org", help="Their organisation.")],
    role: Annotated[Role, typer.Option("--role", help="reader, analyst or admin.")] = Role.ANALYST,
) -> None:
    """Add a user and print their API token (shown this once, stored only as a hash)."""
    with user_errors():
        new = accounts.add_user(knowledge_base(), TokenHasher(), name, org, role, COMMAND_LINE)
    console.print(f"added {role.value} {name} of {org}; API token (shown once, keep it safe):")
    typer.echo(new.token)


@user_app.command("list")
def list_users(
    org: Annotated[str | None, typer.Option("--org", help="Only this organisation's.")] = None,
    json_output: JsonOption = False,
) -> None:
    """List users with their organisation, role and active tokens."""
    with user_errors():
        store = knowledge_base()
        rows = [
            {
                "name": user.name,
                "organisation": user.organisation,
                "role": user.role.value,
                "active_tokens": [t.id for t in store.tokens_of(user.name) if t.active],
            }
            for user in store.list_users(org)
        ]
    if json_output:
        print_json(rows)
        return
    for row in rows:
        tokens = ", ".join(row["active_tokens"]) or "no active token"
        console.print(
            f"{row['name']}\t{row['organisation']}\t{row['role']}\t{tokens}", highlight=False
        )


@token_app.command("add")
def add_token(user: Annotated[str, typer.Argument(help="Whose token.")]) -> None:
    """Issue another API token for a user and print it (shown this once)."""
    with user_errors():
        _, token = accounts.issue_token(knowledge_base(), TokenHasher(), user, COMMAND_LINE)
    typer.echo(token)


@token_app.command("revoke")
def revoke_token(
    token_id: Annotated[
        str | None, typer.Argument(help="The token's id (see `user list`).")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="Revoke all of this user's.")] = None,
) -> None:
    """Revoke one token by its id, or every token of a user; they are refused from now on."""
    with user_errors():
        store = knowledge_base()
        if (token_id is None) == (user is None):
            raise typer.BadParameter("give a token id or --user, not both")
        if token_id is not None:
            accounts.revoke_token(store, token_id, COMMAND_LINE)
            revoked = [token_id]
        else:
            revoked = accounts.revoke_user_tokens(store, user or "", COMMAND_LINE)
    console.print(f"revoked {len(revoked)} token(s): {', '.join(revoked) or '-'}")


@group_app.command("add")
def add_group(
    name: Annotated[str, typer.Argument(help="The group's name.")],
    owner: Annotated[str, typer.Option("--owner", help="The organisation that manages it.")],
) -> None:
    """Add a sharing group (its owner is always a member)."""
    with user_errors():
        accounts.add_sharing_group(knowledge_base(), name, owner, COMMAND_LINE)
    console.print(f"added sharing group {name}")


@group_app.command("list")
def list_groups(json_output: JsonOption = False) -> None:
    """List sharing groups and their members."""
    with user_errors():
        groups = knowledge_base().list_sharing_groups()
    rows = [
        {"name": g.name, "owner": g.owner, "members": sorted(str(m) for m in g.members)}
        for g in groups
    ]
    if json_output:
        print_json(rows)
        return
    for row in rows:
        console.print(
            f"{row['name']}\towner {row['owner']}\t{', '.join(row['members'])}", highlight=False
        )


@member_app.command("add")
def add_member(
    group: Annotated[str, typer.Argument(help="The sharing group.")],
    organisation: Annotated[str, typer.Argument(help="The organisation to add.")],
    instance: Instance = LOCAL_INSTANCE,
) -> None:
    """Add an organisation of this instance or of another one to a sharing group."""
    with user_errors():
        member = accounts.add_group_member(
            knowledge_base(), group, organisation, COMMAND_LINE, instance
        )
    console.print(f"{member} is a member of {group}")


@member_app.command("remove")
def remove_member(
    group: Annotated[str, typer.Argument(help="The sharing group.")],
    organisation: Annotated[str, typer.Argument(help="The organisation to remove.")],
    instance: Instance = LOCAL_INSTANCE,
) -> None:
    """Remove an organisation from a sharing group."""
    with user_errors():
        accounts.remove_group_member(knowledge_base(), group, organisation, COMMAND_LINE, instance)
    console.print(f"removed {organisation} from {group}")
