"""Incident-level figures against the MUC-4 answer keys: detection, date, place, effects,
type, tolls.

`templates` says what each key slot means and when an event agrees with it, `tolls` the
same for the death and injury figures; this module counts. Besides the slot accuracies it
scores incident detection per document: a document is relevant when its key has at least
one template, and predicted relevant when Mosaic finds at least one incident event in it,
which is the decision the 1992 systems made before filling any slot (about a third of the
test documents have no template).
Besides the type's accuracy it keeps a confusion table, key type x the kind of the event
the template is read against (`aligned_event`: the document's event that agrees with it on
the most slots, the type first), so that the classes of error show.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources

from mosaic.evaluation.muc4.ceaf_ree import RoleCounts
from mosaic.evaluation.muc4.corpus import KeyTemplate
from mosaic.evaluation.muc4.templates import (
    date_matches,
    event_effects,
    event_kind,
    key_effects,
    key_types,
    normal_name,
    template_locations,
    template_spans,
    type_counted,
    type_matches,
)
from mosaic.evaluation.muc4.tolls import key_figures, toll_matches
from mosaic.model import EventFinding

SLOTS: tuple[str, ...] = ("date", "country", "place", "effect", "type", "killed", "wounded")
NO_EVENT = "none"
"""The confusion table's column for a template whose document has no incident event."""


@dataclass
class Accuracy:
    """Key templates matched by some extracted event, out of those counted."""

    matched: int = 0
    counted: int = 0

    @property
    def value(self) -> float:
        return self.matched / self.counted if self.counted else 0.0


@dataclass
class IncidentScores:
    """Slot accuracies over key templates and incident detection over documents."""

    slots: dict[str, Accuracy] = field(default_factory=lambda: {s: Accuracy() for s in SLOTS})
    detection: RoleCounts = field(default_factory=RoleCounts)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add_document(
        self, events: Sequence[EventFinding], templates: Sequence[KeyTemplate]
    ) -> None:
        self.detection.predicted += bool(events)
        self.detection.gold += bool(templates)
        self.detection.matched += bool(events) and bool(templates)
        for template in templates:
            for slot, judge in _JUDGES.items():
                if _counted(slot, template):
                    self.slots[slot].counted += 1
                    self.slots[slot].matched += any(judge(e, template) for e in events)
            if key_types(template):
                self.confusion[_confusion_cell(events, template)] += 1


@functools.cache
def country_codes() -> dict[str, str]:
    """Normalised country name or alias -> ISO alpha-2, from the packaged country table."""
    path = resources.files("mosaic") / "data" / "places" / "countries.tsv"
    codes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3 or cells[0] == "iso2":
            continue
        for name in (cells[1], *cells[2].split("|")):
            if name.strip():
                codes.setdefault(normal_name(name), cells[0])
    return codes


def country_matches(event: EventFinding, template: KeyTemplate) -> bool:
    country = event.country or (event.place.country if event.place else None)
    codes = country_codes()
    locations = template_locations(template)
    return country is not None and any(codes.get(loc.country) == country for loc in locations)


def place_matches(event: EventFinding, template: KeyTemplate) -> bool:
    if event.place is None:
        return False
    names = {normal_name(name) for name in event.place.names}
    return any(not names.isdisjoint(loc.places) for loc in template_locations(template))


def effect_matches(event: EventFinding, template: KeyTemplate) -> bool:
    return event_effects(event) == key_effects(template.slot("HUM TGT: EFFECT OF INCIDENT"))


_JUDGES: dict[str, Callable[[EventFinding, KeyTemplate], bool]] = {
    "date": date_matches,
    "country": country_matches,
    "place": place_matches,
    "effect": effect_matches,
    "type": type_matches,
    "killed": functools.partial(toll_matches, slot="killed"),
    "wounded": functools.partial(toll_matches, slot="wounded"),
}


def aligned_event(events: Sequence[EventFinding], template: KeyTemplate) -> EventFinding | None:
    """The event the template is read against: one of the key's type if any, else the one
    agreeing on most of date, country, place and effect (the first of equals)."""
    if not events:
        return None
    return max(events, key=lambda e: tuple(judge(e, template) for judge in _ALIGNERS))


_ALIGNERS = (type_matches, date_matches, country_matches, place_matches, effect_matches)


def _confusion_cell(events: Sequence[EventFinding], template: KeyTemplate) -> tuple[str, str]:
    """(key type, kind of the aligned event or "none"); uncounted stages keep their own row."""
    key = " / ".join(key_types(template)) or "-"
    if not type_counted(template):
        key = f"{key} (not counted)"
    event = aligned_event(events, template)
    return key, event_kind(event) if event is not None else NO_EVENT


def _counted(slot: str, template: KeyTemplate) -> bool:
    """Whether a template counts for `slot`: it must state what the slot asks."""
    if slot == "date":
        return bool(template_spans(template))
    if slot == "country":
        return bool(template_locations(template))
    if slot == "place":
        return any(loc.places for loc in template_locations(template))
    if slot == "type":
        return type_counted(template)
    if slot in ("killed", "wounded"):
        return bool(key_figures(template, slot))
    return bool(key_effects(template.slot("HUM TGT: EFFECT OF INCIDENT")))
