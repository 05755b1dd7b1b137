"""Who is at the keyboard of a page, and what they may manage: shared by the admin pages."""

from __future__ import annotations

from fastapi import HTTPException, Request

from mosaic.api.context import context
from mosaic.api.guards.authentication import current_user, viewing_as
from mosaic.services.audit import LONE_ANALYST, Actor
from mosaic.store.ports import KnowledgeBase


def actor_of(request: Request) -> Actor:
    """The signed-in user as the audit log names them; the lone analyst when nobody signs in."""
    user = current_user(request)
    return Actor(user.name, user.organisation) if user else LONE_ANALYST


def is_admin(request: Request) -> bool:
    """An admin, or the lone analyst of an instance without users."""
    user = current_user(request)
    return user is None or user.role.can_administer


def require_admin(request: Request) -> Actor:
    """The admin's actor; 403 for anyone else, and for an admin viewing as another organisation."""
    if not is_admin(request):
        raise HTTPException(403, "only an administrator may see or change this")
    if organisation := viewing_as(request):
        raise HTTPException(403, f"read-only while viewing as {organisation}")
    return actor_of(request)


def store_of(request: Request) -> KnowledgeBase:
    """The store with its accounts, groups and audit log."""
    return context(request).repository()
