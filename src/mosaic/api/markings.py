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
from mosaic.errors import NotFoundError
from mosaic.model import Tlp
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


@router.post("/markings/{kind}/{record_id}", summary="Change (or release) a record's marking")
def change(
    kind: str, record_id: str, body: MarkingIn, ctx: Context, reader: Reader, request: Request
) -> dict[str, Any]:
    store = ctx.repository()
    current = marking_of(store, kind, record_id)
    if not reader.allows(current):
        raise NotFoundError(f"{kind} {record_id}: no such {kind}")
    user = current_user(request)
    if user is not None and current.owner != user.organisation and not user.role.can_administer:
        raise HTTPException(403, f"only {current.owner} may change this record's marking")
    actor = Actor(reader.user, reader.organisation)
    action = remark(store, kind, record_id, actor, body.reason, body.tlp, body.distribution)
    ctx.figures.clear()
    return {"action": action, "marking": marking_json(marking_of(store, kind, record_id))}
