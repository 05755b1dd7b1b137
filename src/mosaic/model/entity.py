"""Groups, people, places and other things that reports talk about."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from mosaic.model.marking import DEFAULT_MARKING, Marking


class EntityKind(StrEnum):
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"
    OTHER = "other"


@dataclass
class Entity:
    """One real-world thing with every name it goes by.

    `external_ids` maps a scheme to an id: {"wikidata": "Q...", "un": "QDe.161"}.
    Places carry `country` (ISO alpha-2) and coordinates; groups and people may
    carry the country they are based in.
    """

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    external_ids: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    description: str | None = None
    marking: Marking = DEFAULT_MARKING

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))
