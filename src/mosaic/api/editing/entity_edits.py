"""Merging two entities and splitting one, as reversible edits of the records that name them.

Both edits snapshot every record they rewrite (as the store's row dicts) in the
decision's `before`, so undoing one is writing the snapshot back. An entity
merged away is kept, with `external_ids["mosaic:merged_into"]` naming the
entity that absorbed it, so links to it still lead somewhere.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from mosaic.errors import InputError, NotFoundError
from mosaic.model import Entity, Event, Relation
from mosaic.model.ids import digest
from mosaic.store import rows
from mosaic.store.ports import EventQuery, Repository

MERGED_INTO = "mosaic:merged_into"
ALL = 1_000_000
Snapshot = dict[str, list[dict[str, Any]]]


def require(repo: Repository, entity_id: str) -> Entity:
    entity = repo.get_entity(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return entity


def merge(repo: Repository, keep_id: str, absorb_id: str) -> tuple[Snapshot, dict[str, Any]]:
    """`absorb`'s names, events and relations move to `keep`; returns (before, after)."""
    if keep_id == absorb_id:
        raise InputError("absorb", "an entity cannot be merged into itself")
    keep, absorb = require(repo, keep_id), require(repo, absorb_id)
    if keep.kind != absorb.kind:
        raise InputError(
            "absorb", f"a {absorb.kind.value} cannot be merged into a {keep.kind.value}"
        )
    events = events_naming(repo, absorb.id)
    relations = [
        r for r in repo.relations_of(absorb.id) if keep.id not in (r.subject_id, r.object_id)
    ]
    before = snapshot([keep, absorb], events, relations)
    with repo.transaction():
        repo.save_entity(
            replace(
                keep,
                aliases=_more_names(keep, absorb.names),
                external_ids={**absorb.external_ids, **keep.external_ids},
            )
        )
        repo.save_entity(
            replace(absorb, external_ids={**absorb.external_ids, MERGED_INTO: keep.id})
        )
        for event in events:
            repo.save_event(renamed_event(event, absorb.id, keep.id))
        for relation in relations:
            repo.save_relation(renamed_relation(relation, absorb.id, keep.id))
    after = {
        "keep": keep.id,
        "absorb": absorb.id,
        "events": len(events),
        "relations": len(relations),
    }
    return before, after


def split(
    repo: Repository,
    entity_id: str,
    name: str,
    aliases: list[str],
    event_ids: list[str],
    relation_ids: list[str],
) -> tuple[Snapshot, dict[str, Any]]:
    """A new entity called `name` takes the given aliases, events and relations from one."""
    source = require(repo, entity_id)
    if not name.strip() or name == source.name:
        raise InputError("name", "the new entity needs a name other than the original's")
    new = Entity(
        id=digest("split", source.id, name),
        kind=source.kind,
        name=name.strip(),
        aliases=tuple(a for a in aliases if a != name),
        country=source.country,
        marking=source.marking,
    )
    events = [e for i in event_ids if (e := repo.get_event(i)) is not None]
    relations = [r for i in relation_ids if (r := repo.get_relation(i)) is not None]
    _require_named("events", event_ids, [e.id for e in events if _names(e, source.id)])
    _require_named("relations", relation_ids, [r.id for r in relations if _names(r, source.id)])
    before = snapshot([source], events, relations)
    before["created"] = [{"id": new.id, "into": source.id}]
    with repo.transaction():
        kept = tuple(a for a in source.aliases if a not in aliases and a != name)
        repo.save_entity(replace(source, aliases=kept))
        repo.save_entity(new)
        for event in events:
            repo.save_event(renamed_event(event, source.id, new.id))
        for relation in relations:
            repo.save_relation(renamed_relation(relation, source.id, new.id))
    return before, {"source": source.id, "new": new.id, "events": len(events)}


def _names(record: Event | Relation, entity_id: str) -> bool:
    if isinstance(record, Event):
        return entity_id in record.perpetrators or record.place_id == entity_id
    return entity_id in (record.subject_id, record.object_id)


def _require_named(field: str, asked: list[str], naming: list[str]) -> None:
    """A 400 listing the ids asked for that are unknown or do not name the split entity."""
    strays = [i for i in dict.fromkeys(asked) if i not in naming]
    if strays:
        shown = ", ".join(repr(i) for i in strays[:10])
        raise InputError(field, f"unknown or not naming the entity split: {shown}")


def restore(repo: Repository, before: Snapshot) -> None:
    """Write a snapshot back; an entity a split created is marked merged into its source."""
    for row in before.get("entities", []):
        repo.save_entity(rows.entity_of(row))
    for row in before.get("events", []):
        repo.save_event(rows.event_of(row))
    for row in before.get("relations", []):
        repo.save_relation(rows.relation_of(row))
    for created in before.get("created", []):
        entity = repo.get_entity(created["id"])
        if entity is not None:
            ids = {**entity.external_ids, MERGED_INTO: created["into"]}
            repo.save_entity(replace(entity, external_ids=ids))


def events_naming(repo: Repository, entity_id: str) -> list[Event]:
    """Events with the entity among the perpetrators or as the place."""
    found = repo.find_events(EventQuery(participant_ids=(entity_id,), limit=ALL))
    found += [
        e for e in repo.find_events(EventQuery(place_id=entity_id, limit=ALL)) if e not in found
    ]
    return found


def renamed_event(event: Event, old: str, new: str) -> Event:
    perpetrators = tuple(dict.fromkeys(new if p == old else p for p in event.perpetrators))
    place = new if event.place_id == old else event.place_id
    return replace(event, perpetrators=perpetrators, place_id=place)


def renamed_relation(relation: Relation, old: str, new: str) -> Relation:
    subject = new if relation.subject_id == old else relation.subject_id
    target = new if relation.object_id == old else relation.object_id
    return replace(relation, subject_id=subject, object_id=target)


def snapshot(entities: list[Entity], events: list[Event], relations: list[Relation]) -> Snapshot:
    """The records as JSON-safe row dicts (dates as ISO text), for the review log."""
    return {
        "entities": [_plain(rows.entity_row(e)) for e in entities],
        "events": [_plain(rows.event_row(e)) for e in events],
        "relations": [_plain(rows.relation_row(r)) for r in relations],
    }


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    plain: dict[str, Any] = json.loads(json.dumps(row, default=str))
    return plain


def _more_names(entity: Entity, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*entity.aliases, *(n for n in names if n != entity.name))))
