"""Changing a record's marking over HTTP; lowering one is a release, kept with who and why.

Only the organisation that owns a record (or an admin) may change its marking;
a record the caller may not see is not found, so trying reveals nothing.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from mosaic.api.context import AppContext, context, policy
from mosaic.api.guards.authentication import current_user
from mosaic.api.visible import VisibleRepository
from mosaic.errors import NotFoundError
from mosaic.model import Marking, Tlp
from mosaic.model.accounts import User
from mosaic.services.audit import Actor
from mosaic.services.markings import marking_json, marking_of, remark
from mosaic.share.policy import AccessPolicy

router = APIRouter(prefix="/api", tags=["write"])
Reader = Annotated[AccessPolicy, Depends(policy)]
Context = Annotated[AppContext, Depends(context)]


class MarkingIn(BaseModel):
    tlp: Tlp | None = Field(None, description="The new TLP label; default: unchanged.")
    distribution: str | None = Field(
        None, description="organisation, community, connected, all or a sharing group's name."
    )
    reason: str | None = Field(None, description="Why; required when the marking is lowered.")


def _seen(repo: VisibleRepository, kind: str, record_id: str) -> bool:
    """Whether the reader sees the record: an event or relation as its statements allow."""
    if kind == "event":
        return repo.get_event(record_id) is not None
    if kind == "relation":
        return repo.get_relation(record_id) is not None
    return True


@router.post("/markings/{kind}/{record_id}", summary="Change (or release) a record's marking")
def change(
    kind: str, record_id: str, body: MarkingIn, ctx: Context, reader: Reader, request: Request
) -> dict[str, Any]:
    action, marking = change_marking_as(
        ctx,
        reader,
        current_user(request),
        kind,
        record_id,
        body.tlp,
        body.distribution,
        body.reason,
    )
    return {"action": action, "marking": marking_json(marking)}


def change_marking_as(
    ctx: AppContext,
    reader: AccessPolicy,
    user: User | None,
    kind: str,
    record_id: str,
    tlp: Tlp | None,
    distribution: str | None,
    reason: str | None,
) -> tuple[str, Marking]:
    """`remark` for `user` seeing through `reader`: the audit action taken and the new marking.

    Shared by this endpoint and the record pages' marking form.
    """
    store = ctx.repository()
    current = marking_of(store, kind, record_id)
    if not reader.allows(current) or not _seen(VisibleRepository(store, reader), kind, record_id):
        raise NotFoundError(f"{kind} {record_id}: no such {kind}")
    if not may_change(user, current):
        raise HTTPException(403, f"only {current.owner} may change this record's marking")
    actor = Actor(reader.user, reader.organisation)
    action = remark(store, kind, record_id, actor, reason, tlp, distribution)
    ctx.figures.clear()
    return action, marking_of(store, kind, record_id)


def may_change(user: User | None, marking: Marking) -> bool:
    """The lone analyst, an admin, or a writer of the owning organisation."""
    if user is None:
        return True
    return user.role.can_administer or (user.role.can_write and marking.owner == user.organisation)
