"""Sharing groups (admins create them and add or remove members) and the organisation switcher.

The switcher lets an admin see the knowledge base as a reader of another
organisation would: the choice is a cookie that the authentication guard
honours for admins only, every page says so in a banner, nothing can be
changed meanwhile, and starting and stopping are both audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mosaic.api.guards.authentication import VIEW_AS_COOKIE, current_user, viewing_as
from mosaic.errors import NotFoundError
from mosaic.model.sharing import LOCAL_INSTANCE, SharingGroup
from mosaic.services import accounts
from mosaic.services.audit import record
from mosaic.web.access import actor_of, is_admin, require_admin, store_of
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
Name = Annotated[str, Form(max_length=100)]
Instance = Annotated[str, Form(max_length=300)]


@router.get("/groups", response_class=HTMLResponse)
def groups(request: Request) -> HTMLResponse:
    """Every group for an admin; for anyone else, the groups their organisation belongs to."""
    store = store_of(request)
    user, admin = current_user(request), is_admin(request)
    found = store.list_sharing_groups()
    if not admin and user is not None:
        found = [group for group in found if group.includes(user.organisation)]
    return page(
        request,
        "groups.html",
        title="Sharing groups",
        groups=[group_json(group) for group in found],
        manage=admin and viewing_as(request) is None,
        organisations=[org.name for org in store.list_organisations()],
    )


def group_json(group: SharingGroup) -> dict[str, Any]:
    members = sorted(group.members)
    return {
        "name": group.name,
        "owner": group.owner,
        "members": [
            {"organisation": m.organisation, "instance": m.instance, "label": str(m)}
            for m in members
        ],
    }


@router.post("/groups")
def add_group(request: Request, name: Name, owner: Name) -> Response:
    accounts.add_sharing_group(store_of(request), name.strip(), owner, require_admin(request))
    return RedirectResponse("/groups", status_code=303)


@router.post("/groups/{group}/members")
def add_member(
    request: Request, group: str, organisation: Name, instance: Instance = ""
) -> Response:
    actor, store = require_admin(request), store_of(request)
    _require_group(request, group)
    where = instance.strip() or LOCAL_INSTANCE
    accounts.add_group_member(store, group, organisation.strip(), actor, where)
    return RedirectResponse("/groups", status_code=303)


@router.post("/groups/{group}/members/remove")
def remove_member(
    request: Request, group: str, organisation: Name, instance: Instance = LOCAL_INSTANCE
) -> Response:
    actor, store = require_admin(request), store_of(request)
    _require_group(request, group)
    accounts.remove_group_member(store, group, organisation, actor, instance or LOCAL_INSTANCE)
    return RedirectResponse("/groups", status_code=303)


def _require_group(request: Request, name: str) -> None:
    if store_of(request).get_sharing_group(name) is None:
        raise NotFoundError(f"sharing group {name}: no such group")


@router.get("/view-as", response_class=HTMLResponse)
def view_as_page(request: Request) -> HTMLResponse:
    """The switcher: which organisation's view to take (admins only)."""
    if not is_admin(request) or current_user(request) is None:
        return _not_admin(request)
    organisations = [org.name for org in store_of(request).list_organisations()]
    return page(request, "view_as.html", title="View as", organisations=organisations)


@router.post("/view-as")
def view_as(request: Request, organisation: Name = "") -> Response:
    """Start viewing as `organisation`, or stop (empty, or one's own organisation)."""
    user = current_user(request)
    if user is None or not user.role.can_administer:
        return _not_admin(request)
    store, actor, before = store_of(request), actor_of(request), viewing_as(request)
    chosen = organisation.strip()
    response = RedirectResponse("/", status_code=303)
    if chosen and chosen != user.organisation:
        if store.get_organisation(chosen) is None:
            raise NotFoundError(f"organisation {chosen}: no such organisation")
        record(store, actor, "impersonation.start", chosen, {"read_only": True})
        response.set_cookie(
            VIEW_AS_COOKIE,
            chosen,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return response
    if before is not None:
        record(store, actor, "impersonation.stop", before)
    response.delete_cookie(VIEW_AS_COOKIE, path="/", httponly=True, samesite="strict")
    return response


def _not_admin(request: Request) -> HTMLResponse:
    message = "only a signed-in administrator may view as another organisation"
    return page(request, "error.html", status=403, title="Error 403", message=message)
