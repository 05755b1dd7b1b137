"""What extraction finds in one report, before resolution against the knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field

from mosaic.model.dates import FuzzyDate
from mosaic.model.entity import EntityKind
from mosaic.model.event import AttackType, EventType, PerpetratorStatus
from mosaic.model.mention import Mention
from mosaic.model.quantity import Count
from mosaic.model.relation import RelationType


@dataclass(frozen=True)
class Evidence:
    """Where a finding is stated: characters `start`..`end` of the report, in `sentence`."""

    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class EntityRef:
    """An entity as extraction knows it: a name, and the gazetteer's record if it has one.

    `key` is the gazetteer id ("org:iskp", "person:hafiz-saeed-khan",
    "place:pk:peshawar") or None for a name the gazetteer does not list.
    """

    name: str
    kind: EntityKind
    key: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_ids: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class StatedFigure:
    """A casualty figure one source gave that the event's own figure does not keep, so that
    two sources' conflicting tolls stay side by side ("dozens, the militants said; 10, the
    army said"). `slot` is "killed" or "wounded"."""

    slot: str
    count: Count
    attributed_to: str | None
    evidence: Evidence


@dataclass(frozen=True)
class EventFinding:
    type: EventType
    evidence: Evidence
    extractor: str
    attack_type: AttackType | None = None
    date: FuzzyDate | None = None
    date_end: FuzzyDate | None = None
    country: str | None = None
    place: EntityRef | None = None
    perpetrators: tuple[EntityRef, ...] = ()
    perpetrator_status: PerpetratorStatus | None = None
    targets: tuple[EntityRef, ...] = ()
    weapons: tuple[str, ...] = ()
    killed: Count | None = None
    wounded: Count | None = None
    attributed_to: str | None = None
    confidence: float = 0.5
    attackers_killed: Count | None = None
    """The attackers' dead where the text counts them apart; `killed` holds them only when
    it counts no victims."""
    other_figures: tuple[StatedFigure, ...] = ()
    retelling: bool = False
    """Named only by a noun pointing back ("the attack", "that attack"): an event told before,
    which the rest of its sentence (a statement's date, a speaker's country) does not move."""


@dataclass(frozen=True)
class RelationFinding:
    type: RelationType
    subject: EntityRef
    object: EntityRef
    evidence: Evidence
    extractor: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    attributed_to: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class StrengthFinding:
    """How many fighters a group has, as one source estimates it ("the group has between
    4,000 and 6,500 fighters, a UN report said")."""

    group: EntityRef
    fighters: Count
    evidence: Evidence
    extractor: str
    attributed_to: str | None = None
    confidence: float = 0.5


@dataclass
class ReportExtraction:
    """Everything one extractor run found in one report, each item with its evidence."""

    report_id: str
    extractor: str
    mentions: list[tuple[Mention, EntityRef | None]] = field(default_factory=list)
    events: list[EventFinding] = field(default_factory=list)
    relations: list[RelationFinding] = field(default_factory=list)
    strengths: list[StrengthFinding] = field(default_factory=list)
