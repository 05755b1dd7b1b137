"""Incident date, location and human-target effect of the MUC-4 answer keys, and their scores.

The 1992 scorer gave partial credit by human judgement; these are simpler, automatic
figures, each an accuracy over the key templates of the scored documents (optional
templates included, as in GRIT's gold). A key template is matched when at least one
incident event extracted from the same document agrees with it:
- date: the event's date span (its `date`, through `date_end` when given) lies inside the
  key's span. "16 NOV 89" is that day; "15 NOV 89 - 21 NOV 89" the days between; "- 16 NOV
  89" (on or before; the key's default when the text gives no date) the week up to that day.
  Alternatives ("/") match if any does. Templates whose date is "-" are not counted.
- country: the event's country (or its place's) is the key's country.
- place: one of the event place's names is a place the key names below the country level
  (city, department, neighbourhood...). Templates naming only a country are not counted.
- effect: the event's effects equal the key's, where an effect is "death" (an event with at
  least one killed; a DEATH fill) and "injury" (at least one wounded; an INJURY fill).
  Templates with neither (no fill, NO INJURY OR DEATH, REGAINED FREEDOM...) are not
  counted, so that an extractor that never reads casualties scores 0, not the share of
  incidents without casualties.
- type: the event's kind (`event_kind`: its attack type, "unknown" for an attack of no
  stated type, "killing" for a killing event) is one the key's INCIDENT: TYPE allows
  (`TYPE_KINDS`), for templates whose STAGE OF EXECUTION is ACCOMPLISHED or ATTEMPTED
  (a threat is no attack in FORMAT.md). MUC-4 (template-doc part 1, 7.5; part 2, slot 4)
  uses ATTACK only for an incident that is none of its other types, so it takes murders,
  assassinations, shootings and aerial bombing; BOMBING is a bomb set off (or planted, when
  ATTEMPTED) by the perpetrators; KIDNAPPING any abduction or hostage-taking; ARSON fire
  set to a building or vehicle. FORMAT.md's types map onto them as follows:
    ATTACK      armed_assault, assassination, beheading, facility_attack, unknown, killing
    BOMBING     bombing, suicide_bombing
    KIDNAPPING  kidnapping
    ARSON       facility_attack
  ATTACK is the residual type, so an attack of no stated type ("unknown") and a killing
  count as one; facility_attack is both an ATTACK (raiding a farm) and an ARSON (burning
  it): FORMAT.md has no arson type, and fire set to a building is an attack on a facility.
  Where the conventions differ FORMAT.md wins for the pipeline and the map follows it:
  aerial bombing is an ATTACK in MUC-4 and a state's air strike a military operation in
  FORMAT.md (no incident event, so such a template is unmatched); people seized by
  soldiers or police are a KIDNAPPING (state-sponsored violence) in MUC-4 and an arrest in
  FORMAT.md (again no incident event); a kidnapping whose captives are killed is typed by
  their fate in the pipeline (`extract/events/captives.py`), which MUC-4 keys as two
  templates (KIDNAPPING and ATTACK) and the map matches as ATTACK only. ROBBERY and FORCED
  WORK STOPPAGE have no FORMAT.md type and are not counted (the confusion table still
  shows them). Alternatives ("BOMBING / ATTACK") match if any does.
Names are compared in GRIT's normal form after accents are stripped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mosaic.evaluation.muc4.ceaf_ree import normalise_mention
from mosaic.evaluation.muc4.corpus import MONTHS, KeyTemplate
from mosaic.model import EventFinding, EventType

DEFAULT_WINDOW = dt.timedelta(days=7)
"""How far before its anchor a "- DATE" key (on or before) still matches."""

TYPE_KINDS: dict[str, frozenset[str]] = {
    "ATTACK": frozenset(
        {"armed_assault", "assassination", "beheading", "facility_attack", "unknown", "killing"}
    ),
    "BOMBING": frozenset({"bombing", "suicide_bombing"}),
    "KIDNAPPING": frozenset({"kidnapping"}),
    "ARSON": frozenset({"facility_attack"}),
}
"""MUC-4 incident type -> the event kinds (`event_kind`) that agree with it."""

EXECUTED_STAGES = frozenset({"ACCOMPLISHED", "ATTEMPTED"})
"""Stages of execution whose templates count for the type: a threat is not an attack."""

_KEY_DATE = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")


@dataclass(frozen=True)
class DateSpan:
    """The first and last day an incident may have happened on, by the key."""

    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class KeyLocation:
    """One alternative of a key location: the country and the places below it, normalised."""

    country: str
    places: tuple[str, ...]


def normal_name(text: str) -> str:
    """A name in GRIT's normal form, accents stripped first ("Bogotá" -> "bogota")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return normalise_mention("".join(c for c in decomposed if not unicodedata.combining(c)))


def _day(day: str, month: str, year: str) -> dt.date | None:
    """The date, or None for one the calendar lacks (the train keys hold "31 NOV 89")."""
    try:
        return dt.date(1900 + int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


def key_date_spans(fill: str) -> list[DateSpan]:
    """The spans of a key date fill, one per alternative; [] for "-" or a fill not understood."""
    spans = []
    for alternative in fill.replace("?", "").split("/"):
        read = [_day(*m) for m in _KEY_DATE.findall(alternative.upper()) if m[1] in MONTHS]
        days = [day for day in read if day is not None]
        bare = alternative.strip(" ()")
        if len(days) < len(read):
            continue
        if len(days) == 2:
            spans.append(DateSpan(days[0], days[1]))
        elif len(days) == 1 and bare.startswith("-"):
            spans.append(DateSpan(days[0] - DEFAULT_WINDOW, days[0]))
        elif len(days) == 1:
            spans.append(DateSpan(days[0], days[0]))
    return spans


def key_locations(fill: str) -> list[KeyLocation]:
    """The alternatives of a key location fill ("COLOMBIA: MEDELLIN (CITY)"); [] for "-"."""
    locations = []
    for alternative in _location_alternatives(fill.replace("?", "")):
        levels = [level.strip() for level in _unwrap(alternative.strip()).split(":")]
        names = [[normal_name(_untyped(p)) for p in level.split(" - ")] for level in levels]
        country = names[0][0] if names and names[0] else ""
        if country and country != "-":
            places = tuple(p for level in names[1:] for p in level if p)
            locations.append(KeyLocation(country, places))
    return locations


def _location_alternatives(fill: str) -> list[str]:
    """The fill split at each " / " outside parentheses: "USULUTAN (CITY / DEPARTMENT)" is one
    place of two types, not two alternatives."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(fill):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0 and fill.startswith(" / ", i):
            parts.append(fill[start:i])
            start = i + 3
    return [*parts, fill[start:]]


def _unwrap(text: str) -> str:
    """ "(A: B (CITY))" -> "A: B (CITY)": drop parentheses that enclose a whole alternative."""
    if text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, c in enumerate(text):
            depth += {"(": 1, ")": -1}.get(c, 0)
            if depth == 0 and i < len(text) - 1:
                return text
        return text[1:-1].strip()
    return text


def _untyped(place: str) -> str:
    return re.sub(r"\([^()]*\)\s*$", "", place).strip()


def key_effects(fills: Sequence[str]) -> frozenset[str]:
    """{"death", "injury"} or part of it, from HUM TGT: EFFECT OF INCIDENT fills."""
    effects = set()
    for fill in fills:
        label = fill.split(":", 1)[0].replace("?", "").split("/")[0].strip()
        if label in ("DEATH", "INJURY"):
            effects.add(label.lower())
    return frozenset(effects)


def event_span(event: EventFinding) -> DateSpan | None:
    if event.date is None:
        return None
    end = event.date_end or event.date
    return DateSpan(event.date.first_day(), end.last_day())


def event_effects(event: EventFinding) -> frozenset[str]:
    effects = set()
    if event.killed is not None and (event.killed.high is None or event.killed.high > 0):
        effects.add("death")
    if event.wounded is not None and (event.wounded.high is None or event.wounded.high > 0):
        effects.add("injury")
    return frozenset(effects)


def template_spans(template: KeyTemplate) -> list[DateSpan]:
    """Every span the key's INCIDENT: DATE allows; [] when the key gives no date."""
    return [span for fill in template.slot("INCIDENT: DATE") for span in key_date_spans(fill)]


def template_locations(template: KeyTemplate) -> list[KeyLocation]:
    """Every alternative location of the key's INCIDENT: LOCATION."""
    return [loc for fill in template.slot("INCIDENT: LOCATION") for loc in key_locations(fill)]


def date_matches(event: EventFinding, template: KeyTemplate) -> bool:
    """Whether the event's date span lies inside one the key allows."""
    found = event_span(event)
    return found is not None and any(
        s.first <= found.first and found.last <= s.last for s in template_spans(template)
    )


def _alternatives(fill: str) -> list[str]:
    return [a.strip(" ()") for a in fill.replace("?", "").split("/") if a.strip(" ()")]


def key_types(template: KeyTemplate) -> list[str]:
    """The key's INCIDENT: TYPE alternatives ("BOMBING / ATTACK" -> both)."""
    return [a for fill in template.slot("INCIDENT: TYPE") for a in _alternatives(fill)]


def type_counted(template: KeyTemplate) -> bool:
    """Whether the template counts for the type: carried out or tried, of a mapped type."""
    stages = {a for f in template.slot("INCIDENT: STAGE OF EXECUTION") for a in _alternatives(f)}
    return bool(stages & EXECUTED_STAGES) and any(t in TYPE_KINDS for t in key_types(template))


def event_kind(event: EventFinding) -> str:
    """The event's kind as the type map reads it: its attack type, "unknown", or "killing"."""
    if event.type is EventType.KILLING:
        return "killing"
    return event.attack_type.value if event.attack_type is not None else "unknown"


def type_matches(event: EventFinding, template: KeyTemplate) -> bool:
    """Whether the event's kind is one the key's incident type allows."""
    kind = event_kind(event)
    return any(kind in TYPE_KINDS.get(t, frozenset()) for t in key_types(template))
