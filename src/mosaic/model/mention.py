"""A surface form found in a report's text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """`text` at characters `start`..`end` of a report.

    The mention lies in the sentence `sentence_start`..`sentence_end`.
    `label` is the recogniser's label (ORG, PERSON, GPE, LOC, NORP, DATE...);
    `entity_id` is filled once the mention is resolved.
    """

    report_id: str
    start: int
    end: int
    text: str
    label: str
    sentence_start: int
    sentence_end: int
    entity_id: str | None = None
