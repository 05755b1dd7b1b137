"""Find an entity from what a user types: an id, a name or an alias."""

from __future__ import annotations

from mosaic.errors import NotFoundError
from mosaic.model import Entity
from mosaic.store.ports import Repository


def find_entity(repo: Repository, text: str) -> Entity:
    """The entity with id `text`, else the one with that name or alias.

    When several share the name, organisations and people come before places,
    then the one with more names (the better-known record).
    """
    entity = repo.get_entity(text)
    if entity is not None:
        return entity
    candidates = repo.find_entities_by_name(text)
    if not candidates:
        suggestions = ", ".join(e.name for e in repo.search_entities(text, limit=5))
        hint = f"; did you mean: {suggestions}" if suggestions else ""
        raise NotFoundError(f"no entity named {text!r} in the knowledge base{hint}")
    return sorted(candidates, key=lambda e: (e.kind == "place", -len(e.names), e.id))[0]
