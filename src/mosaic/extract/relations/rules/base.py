"""What makes one relation type different from another, as one object: its `RelationRule`.

The relation finder asks the rule of a candidate's type which parties it may relate and
how its dates end; the verb and event-noun matchers read the patterns of every rule in
force. Mosaic's own rules are in `mosaic_rules.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mosaic.extract.entities.mentions import Role
from mosaic.model import RelationType

if TYPE_CHECKING:
    from mosaic.extract.relations.verbs import VerbPattern


@dataclass(frozen=True)
class RelationRule:
    """Everything type-specific about one relation type."""

    type: RelationType
    subject_roles: tuple[Role, ...]
    object_roles: tuple[Role, ...]
    verb_patterns: tuple[VerbPattern, ...] = ()
    """Verbs that state it ("pledged allegiance to"), matched in this order."""
    noun_patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Event nouns that state it, lemma -> the preposition(s) of its object ("alliance with")."""
    group_required: bool = False
    """One party at least must be an armed group (not two states allied)."""
    ended_by_death: bool = False
    """The subject's death, stated in the report, ends it (a leader's, a member's)."""
    yields_to: RelationType | None = None
    """A relation of this type over the same pair is told by it already (a leader is a
    member): this one is dropped."""

    def __post_init__(self) -> None:
        strangers = [p.lemma for p in self.verb_patterns if p.type is not self.type]
        if strangers:
            problem = f"verb patterns of another type: {strangers}"
            raise ValueError(f"relation rule {self.type}: {problem}")

    @property
    def name(self) -> str:
        return self.type.value
