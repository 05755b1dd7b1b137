"""Hiding part of the actor gazetteer, to measure extraction on actors the system does not know.

`mosaic eval --hide-actors FRACTION` removes a seeded random share of the non-state
groups and of the people, with all their names, before extraction. State bodies
(governments, state forces, agencies, international bodies) stay: every state has
them, so a report's state actors are never new. The dated relations of the records
kept lose the objects that were hidden, so the rest still validates.
"""

from __future__ import annotations

import random
from dataclasses import replace

from mosaic.errors import InputError
from mosaic.extract.entities.gazetteer import STATE_CATEGORIES, ActorRecord, Gazetteer
from mosaic.model import EntityKind


def can_hide(record: ActorRecord) -> bool:
    """Whether the record is a non-state group or a person, the actors a report may name first."""
    if record.kind is EntityKind.PERSON:
        return True
    return record.kind is EntityKind.ORGANIZATION and record.category not in STATE_CATEGORIES


def hide_actors(
    gazetteer: Gazetteer, fraction: float, seed: int = 0
) -> tuple[Gazetteer, tuple[ActorRecord, ...]]:
    """The gazetteer without `fraction` of its hideable records (the same ones for the same
    seed), and the records hidden, in gazetteer order."""
    if not 0.0 <= fraction <= 1.0:
        raise InputError("--hide-actors", f"fraction {fraction} is not between 0 and 1")
    candidates = sorted(record.key for record in gazetteer.records if can_hide(record))
    hidden_keys = set(random.Random(seed).sample(candidates, round(fraction * len(candidates))))
    kept = [_without_relations_to(r, hidden_keys) for r in gazetteer.records]
    hidden = tuple(r for r in gazetteer.records if r.key in hidden_keys)
    return Gazetteer.from_records(r for r in kept if r.key not in hidden_keys), hidden


def _without_relations_to(record: ActorRecord, keys: set[str]) -> ActorRecord:
    relations = tuple(r for r in record.relations if r.object_key not in keys)
    return record if relations == record.relations else replace(record, relations=relations)
