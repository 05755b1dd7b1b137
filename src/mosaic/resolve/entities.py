"""Link extracted entity references to entities of the knowledge base."""

from __future__ import annotations

from collections.abc import Callable

from mosaic.model import Entity, EntityKind, EntityRef
from mosaic.model.ids import slugify
from mosaic.resolve.names import match_key

_KIND_PREFIX = {
    EntityKind.ORGANIZATION: "org",
    EntityKind.PERSON: "person",
    EntityKind.PLACE: "place",
    EntityKind.OTHER: "other",
}

FindByName = Callable[[str], list[Entity]]


def new_entity_id(ref: EntityRef) -> str:
    """The id of an entity first seen through `ref`: its gazetteer key, else kind + slug."""
    if ref.key:
        return ref.key
    return f"{_KIND_PREFIX[ref.kind]}:{slugify(ref.name)}"


def entity_from_ref(ref: EntityRef) -> Entity:
    return Entity(
        id=new_entity_id(ref),
        kind=ref.kind,
        name=ref.name,
        aliases=tuple(a for a in ref.names if a != ref.name),
        external_ids=dict(ref.external_ids),
        country=ref.country,
        latitude=ref.latitude,
        longitude=ref.longitude,
    )


def link(ref: EntityRef, find_by_name: FindByName) -> Entity:
    """The entity `ref` stands for, with any new names it brings added as aliases.

    A gazetteer key decides on its own. Otherwise the first stored entity of the
    same kind that shares a name key with any of the ref's names wins; failing
    that, the ref becomes a new entity.
    """
    fresh = entity_from_ref(ref)
    known = _find_same(ref, find_by_name)
    if known is None:
        return fresh
    return merge_names(known, fresh)


def _find_same(ref: EntityRef, find_by_name: FindByName) -> Entity | None:
    wanted_id = new_entity_id(ref)
    for name in ref.names:
        for candidate in find_by_name(name):
            if candidate.id == wanted_id:
                return candidate
            if ref.key is None and candidate.kind == ref.kind:
                return candidate
    return None


def merge_names(known: Entity, other: Entity) -> Entity:
    """`known` with the names, ids and coordinates it lacks taken from `other`."""
    known_keys = {match_key(name) for name in known.names}
    new_aliases = tuple(n for n in other.names if match_key(n) not in known_keys)
    return Entity(
        id=known.id,
        kind=known.kind,
        name=known.name,
        aliases=known.aliases + tuple(dict.fromkeys(new_aliases)),
        external_ids={**other.external_ids, **known.external_ids},
        country=known.country or other.country,
        latitude=known.latitude if known.latitude is not None else other.latitude,
        longitude=known.longitude if known.longitude is not None else other.longitude,
        description=known.description or other.description,
        marking=known.marking,
    )
