"""A report's country focus: the country an event happened in when nothing else says.

Reports about one country's militants name that country's places and state
bodies again and again and then leave it out of single sentences ("the
group's founder was killed", an infobox's "Attack type" row). When most of
the report's resolved places, country names and state actors lie in one
country, that country is the report's focus, and an event whose own sentence
and parties give no country takes it. Reports spread over several countries
have no focus: a wrong country keeps an event from matching, a missing one
does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.rules.registry import rule_for
from mosaic.model import EventType

FOCUS_SHARE = 0.7
"""The share of the report's country-bearing mentions its focus must hold."""
FOCUS_MIN = 5
"""The fewest mentions a focus must rest on."""
_COUNTED = frozenset({Role.PLACE, Role.COUNTRY, Role.STATE})


def country_focus(mentions: Sequence[EntityMention]) -> str | None:
    """The one country most of the report's places and state actors lie in, if there is one."""
    counts = Counter(m.country for m in mentions if m.role in _COUNTED and m.country)
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    total = sum(counts.values())
    return country if count >= FOCUS_MIN and count >= FOCUS_SHARE * total else None


def focus_country(
    event_type: EventType,
    perpetrators: Sequence[EntityMention],
    mentions: Sequence[EntityMention],
) -> str | None:
    """The report's focus for an event that names no country, unless a foreign state acted."""
    if not rule_for(event_type).country.report_focus:
        return None
    focus = country_focus(mentions)
    states = {m.country for m in perpetrators if m.role is Role.STATE and m.country}
    return focus if focus is not None and states <= {focus} else None
