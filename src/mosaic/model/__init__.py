"""Pure domain types: reports, mentions, entities, events, relations, statements.

Nothing in this package performs I/O or imports an infrastructure library.
"""

from mosaic.model.dates import FuzzyDate, Precision
from mosaic.model.entity import Entity, EntityKind
from mosaic.model.event import (
    AttackType,
    Event,
    EventType,
    PerpetratorStatus,
    register_event_type,
)
from mosaic.model.extraction import (
    EntityRef,
    EventFinding,
    Evidence,
    RelationFinding,
    ReportExtraction,
    StatedFigure,
    StrengthFinding,
)
from mosaic.model.marking import LOCAL_ORGANISATION, Distribution, Marking, Tlp, Visibility
from mosaic.model.mention import Mention
from mosaic.model.quantity import Count, stated_first
from mosaic.model.relation import Relation, RelationType
from mosaic.model.report import Report
from mosaic.model.statement import ReviewStatus, Statement, SubjectKind

__all__ = [
    "LOCAL_ORGANISATION",
    "AttackType",
    "Count",
    "Distribution",
    "Entity",
    "EntityKind",
    "EntityRef",
    "Event",
    "EventFinding",
    "EventType",
    "Evidence",
    "FuzzyDate",
    "Marking",
    "Mention",
    "PerpetratorStatus",
    "Precision",
    "Relation",
    "RelationFinding",
    "RelationType",
    "Report",
    "ReportExtraction",
    "ReviewStatus",
    "StatedFigure",
    "Statement",
    "StrengthFinding",
    "SubjectKind",
    "Tlp",
    "Visibility",
    "register_event_type",
    "stated_first",
]
