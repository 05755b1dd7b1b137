"""The access policy: own records always, others' up to the reader's clearance."""

from __future__ import annotations

import pytest

from mosaic.model import Entity, EntityKind, Marking, Tlp
from mosaic.share.policy import AccessPolicy


def _entity(owner: str, tlp: Tlp) -> Entity:
    return Entity("e", EntityKind.ORGANIZATION, "E", marking=Marking(owner, tlp))


def test_policy_local_reader_sees_everything() -> None:
    policy = AccessPolicy.local()
    assert policy.sees_everything
    assert policy.can_see(_entity("partner", Tlp.RED))


@pytest.mark.parametrize(
    ("owner", "tlp", "visible"),
    [
        ("partner", Tlp.CLEAR, True),
        ("partner", Tlp.GREEN, True),
        ("partner", Tlp.AMBER, False),
        ("ours", Tlp.RED, True),
    ],
)
def test_policy_clearance_and_ownership(owner: str, tlp: Tlp, visible: bool) -> None:
    policy = AccessPolicy("ours", Tlp.GREEN)
    assert policy.can_see(_entity(owner, tlp)) is visible
    assert (policy.visible(_entity(owner, tlp)) is not None) is visible


def test_policy_filters_lists_and_names_allowed_labels() -> None:
    policy = AccessPolicy("ours", Tlp.GREEN)
    kept = policy.only_visible([_entity("x", Tlp.CLEAR), _entity("x", Tlp.RED)])
    assert [e.marking.tlp for e in kept] == [Tlp.CLEAR]
    assert policy.allowed_tlps() == (Tlp.CLEAR, Tlp.GREEN)
    assert policy.can_see(None) is False
