"""The access policy: own records always; others' as their label and distribution allow."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.model import Distribution, Entity, EntityKind, Marking, Tlp, Visibility
from mosaic.model.sharing import GroupMember, SharingGroup
from mosaic.share.policy import AccessPolicy

COMMUNITY = Distribution.COMMUNITY
GROUP = Distribution.GROUP
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _entity(owner: str, tlp: Tlp, distribution: Distribution = COMMUNITY) -> Entity:
    group = "friends" if distribution is GROUP else None
    marking = Marking(owner, tlp, distribution, group)
    return Entity("e", EntityKind.ORGANIZATION, "E", marking=marking)


def test_policy_local_reader_sees_everything() -> None:
    policy = AccessPolicy.local()
    assert policy.sees_everything
    assert policy.visibility is None
    assert policy.can_see(_entity("partner", Tlp.RED, Distribution.ORGANISATION))


@pytest.mark.parametrize(
    ("owner", "tlp", "distribution", "visible"),
    [
        ("partner", Tlp.CLEAR, COMMUNITY, True),
        ("partner", Tlp.GREEN, Distribution.ALL, True),
        ("partner", Tlp.GREEN, Distribution.ORGANISATION, False),
        ("partner", Tlp.AMBER, COMMUNITY, False),
        ("partner", Tlp.AMBER, GROUP, True),
        ("partner", Tlp.AMBER_STRICT, GROUP, False),
        ("partner", Tlp.RED, GROUP, False),
        ("ours", Tlp.RED, Distribution.ORGANISATION, True),
    ],
)
def test_policy_label_distribution_and_ownership(
    owner: str, tlp: Tlp, distribution: Distribution, visible: bool
) -> None:
    policy = AccessPolicy("ours", groups=frozenset({"friends"}))
    assert policy.can_see(_entity(owner, tlp, distribution)) is visible
    assert (policy.visible(_entity(owner, tlp, distribution)) is not None) is visible


def test_policy_group_records_reach_members_only() -> None:
    outsider = AccessPolicy("strangers")
    assert not outsider.can_see(_entity("partner", Tlp.GREEN, GROUP))
    assert outsider.can_see(_entity("partner", Tlp.GREEN, COMMUNITY))


def test_policy_member_reads_through_the_groups_its_organisation_belongs_to() -> None:
    groups = [
        SharingGroup("friends", "partner", NOW, frozenset({GroupMember("local", "ours")})),
        SharingGroup("others", "partner", NOW, frozenset({GroupMember("elsewhere", "ours")})),
        SharingGroup("mine", "ours", NOW),
    ]
    policy = AccessPolicy.member("ours", "ann", groups)
    assert policy.groups == frozenset({"friends", "mine"})
    assert policy.visibility == Visibility("ours", frozenset({"friends", "mine"}))


def test_policy_filters_lists() -> None:
    policy = AccessPolicy("ours")
    kept = policy.only_visible([_entity("x", Tlp.CLEAR), _entity("x", Tlp.RED)])
    assert [e.marking.tlp for e in kept] == [Tlp.CLEAR]
    assert policy.can_see(None) is False
