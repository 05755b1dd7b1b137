"""Which incidents and documents the MUC-4 task definition counts as relevant.

The task definition (template-doc part 1, section 1.0) templates only some of the violent
acts a message reports. This module applies three of its tests to Mosaic's incident events:
- specific (point 7): an incident must at least say what was attacked or how; one with no
  target other than armed forces, no weapon and no one killed or wounded ("the bombings
  will not lead anywhere", "an attack by a subversive group") says neither;
- not guerrilla warfare (point 1): an incident whose targets are all armed forces, their
  positions or members of armed groups (an ambush on a patrol, guerrillas killed in
  combat) is a clash, not terrorism;
- recent (point 6): an incident dated more than two months before the message is
  background. It keeps its perpetrators and weapons, since a message recalls a group's
  earlier attacks beside its new one and the tagger often joins the group's name to the
  old sentence, but loses its targets: the victims of the earlier attack are not those of
  the incident the message reports.
A document none of whose incidents is specific and more than guerrilla warfare is
irrelevant, and no filler is predicted for it (a third of the messages have no template).
Within a relevant document the other incidents keep their fillers: the tagger's spans join
the nearest event, so dropping an event would drop fillers of the relevant one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from mosaic.evaluation.muc4.lexicon import ARMED_NOUNS, last_word
from mosaic.model import EntityKind, EventFinding

RECENT = dt.timedelta(days=62)
"""How long before the message an incident still counts as recent (two months)."""


def relevant_events(
    events: Sequence[EventFinding], published: dt.date | None
) -> list[EventFinding]:
    """The incident events to read fillers from: none for an irrelevant document, else all,
    those dated before `published` by more than two months without their targets."""
    if not any(is_specific(e) and not is_guerrilla_warfare(e) for e in events):
        return []
    return [replace(e, targets=()) if is_background(e, published) else e for e in events]


def is_specific(event: EventFinding) -> bool:
    """Whether the incident names a target other than armed forces, a weapon, or casualties."""
    return bool(_unarmed_targets(event) or event.weapons or _casualties(event))


def is_guerrilla_warfare(event: EventFinding) -> bool:
    """Whether every target of the incident is an armed force, position or group member."""
    targets = [t for t in event.targets if t.kind is not EntityKind.PLACE]
    return bool(targets) and not _unarmed_targets(event)


def is_background(event: EventFinding, published: dt.date | None) -> bool:
    """Whether the incident ended more than two months before the message was published."""
    if event.date is None or published is None:
        return False
    return published - (event.date_end or event.date).last_day() > RECENT


def _unarmed_targets(event: EventFinding) -> list[str]:
    return [
        t.name
        for t in event.targets
        if t.kind is not EntityKind.PLACE and last_word(t.name) not in ARMED_NOUNS
    ]


def _casualties(event: EventFinding) -> bool:
    counts = (event.killed, event.wounded)
    return any(c is not None and (c.high is None or c.high > 0) for c in counts)
