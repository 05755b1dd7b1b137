"""A fact with its provenance: which report, which sentence, who said it, which extractor."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from mosaic.model.ids import digest
from mosaic.model.marking import DEFAULT_MARKING, Marking


class ReviewStatus(StrEnum):
    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class SubjectKind(StrEnum):
    EVENT = "event"
    RELATION = "relation"
    ENTITY = "entity"


@dataclass
class Statement:
    """One source's claim about one property of an event, relation or entity.

    `prop` is a field name ("killed", "date", "perpetrators") or "exists" for the
    fact as a whole; `value` is the claimed value in FORMAT.md's JSON form.
    `start`..`end` is the evidence span in the report's text and `sentence` the
    sentence that contains it. `attributed_to` is who the report quotes as saying
    it, when the report does not say it in its own voice.
    """

    subject_kind: SubjectKind
    subject_id: str
    prop: str
    value: str
    report_id: str
    start: int
    end: int
    sentence: str
    extractor: str
    attributed_to: str | None = None
    confidence: float = 1.0
    status: ReviewStatus = ReviewStatus.UNREVIEWED
    marking: Marking = DEFAULT_MARKING
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = digest(
                self.subject_kind,
                self.subject_id,
                self.prop,
                self.value,
                self.report_id,
                self.start,
            )
