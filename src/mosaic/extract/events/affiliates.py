"""A parent group named as perpetrator, and its affiliate the same report names.

Reports about a regional branch often write the parent's name for the branch's
attacks ("an IS suicide squad attacked the consulate" in a report about IS
Khorasan). Where the perpetrator is a group and the report names one of its
affiliates (the gazetteer's `affiliate_of` relations), the affiliate is listed
beside the parent: the parent's claim stays, and the likely branch is there
for the analyst to confirm.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.model import EntityRef, RelationType


def affiliate_index(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Parent key -> the keys of its affiliates."""
    index: dict[str, list[str]] = {}
    for record in gazetteer.records:
        for relation in record.relations:
            if relation.type is RelationType.AFFILIATE_OF:
                index.setdefault(relation.object_key, []).append(record.key)
    return {parent: tuple(keys) for parent, keys in index.items()}


def named_affiliates(
    perpetrators: Sequence[EntityRef],
    mentions: Iterable[EntityMention],
    index: Mapping[str, tuple[str, ...]],
) -> list[EntityRef]:
    """Affiliates of the perpetrators that the report names, not already perpetrators."""
    wanted = {key for ref in perpetrators if ref.key for key in index.get(ref.key, ())}
    wanted -= {ref.key for ref in perpetrators}
    if not wanted:  # most perpetrators have no affiliate: no need to read the mentions
        return []
    found: dict[str, EntityRef] = {}
    for mention in mentions:
        ref = mention.ref
        if mention.role is Role.GROUP and ref is not None and ref.key in wanted:
            found.setdefault(ref.key, ref)
    return list(found.values())
