"""Tests for the affiliates of a perpetrator that the report names (events/affiliates.py)."""

from __future__ import annotations

import pytest

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.affiliates import named_affiliates
from mosaic.model import EntityKind, EntityRef

PARENT = EntityRef("Zulu Front", EntityKind.ORGANIZATION, "org:zulu-front")
BRANCH = EntityRef("Zulu Front East", EntityKind.ORGANIZATION, "org:zulu-front-east")
OTHER = EntityRef("Kilo Brigade", EntityKind.ORGANIZATION, "org:kilo-brigade")
INDEX = {"org:zulu-front": ("org:zulu-front-east",)}


def _mention(ref: EntityRef, role: Role = Role.GROUP) -> EntityMention:
    return EntityMention(0, 1, 0, 1, ref.name, "ORG", role, ref)


@pytest.mark.parametrize(
    ("perpetrators", "mentions", "expected"),
    [
        ([PARENT], [_mention(PARENT), _mention(BRANCH), _mention(BRANCH)], [BRANCH]),
        ([PARENT, BRANCH], [_mention(BRANCH)], []),  # already a perpetrator
        ([OTHER], [_mention(OTHER), _mention(BRANCH)], []),  # no affiliate listed
        ([PARENT], [_mention(BRANCH, Role.PERSON)], []),  # named, but not as a group
    ],
)
def test_event_affiliates_named_once_and_only_of_the_perpetrators(
    perpetrators: list[EntityRef], mentions: list[EntityMention], expected: list[EntityRef]
) -> None:
    assert named_affiliates(perpetrators, mentions, INDEX) == expected
