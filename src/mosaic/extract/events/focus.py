"""A report's country focus: the country an event happened in when nothing else says.

Reports about one country's militants name that country's places and state
bodies again and again and then leave it out of single sentences ("the
group's founder was killed", an infobox's "Attack type" row). When most of
the report's resolved places, country names and state actors lie in one
country, that country is the report's focus, and an event whose own sentence
and parties give no country takes it. Reports spread over several countries
have no focus: a wrong country keeps an event from matching, a missing one
does not. A report filed from a place its dateline names ("SAN SALVADOR, 19 MAR 89
(RADIO) --") and naming its country again has that country as its focus when no other
country holds more of its mentions, however few they are, and it names no town or
province of another country: a wire report mostly tells what happened where it was filed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.places.datelines import Dateline
from mosaic.model import EventType

FOCUS_SHARE = 0.7
"""The share of the report's country-bearing mentions its focus must hold."""
FOCUS_MIN = 5
"""The fewest mentions a focus must rest on."""
_COUNTED = frozenset({Role.PLACE, Role.COUNTRY, Role.STATE})


def country_focus(
    mentions: Sequence[EntityMention], dateline: Dateline | None = None
) -> str | None:
    """The one country most of the report's places and state actors lie in, if there is one;
    else the country of the report's `dateline` (`_filed_from`)."""
    counts = Counter(m.country for m in mentions if m.role in _COUNTED and m.country)
    if counts:
        country, count = counts.most_common(1)[0]
        if count >= FOCUS_MIN and count >= FOCUS_SHARE * sum(counts.values()):
            return country
    return _filed_from(mentions, counts, dateline) if dateline is not None else None


def _filed_from(
    mentions: Sequence[EntityMention], counts: Counter[str], dateline: Dateline
) -> str | None:
    """The dateline's country when the report names it again after the dateline (a place, the
    state, a people), no other country has more mentions than it with the dateline's own,
    and no town or province of another country is named: a report filed from one country
    about another ("DUSHANBE -- ... died of wounds suffered in Takhar") has no focus."""
    home = dateline.place.country
    again = any(m.country == home and m.start_char >= dateline.end for m in mentions)
    abroad = any(m.role is Role.PLACE and m.country not in (None, home) for m in mentions)
    # The dateline is one more mention of its country, which the NER often misses.
    leads = counts[home] + 1 >= max(counts.values(), default=0)
    return home if again and leads and not abroad else None


def focus_country(
    event_type: EventType,
    perpetrators: Sequence[EntityMention],
    mentions: Sequence[EntityMention],
    dateline: Dateline | None = None,
) -> str | None:
    """The report's focus for an event that names no country, unless a foreign state acted;
    `dateline` is the report's, if it has one."""
    if not rule_for(event_type).country.report_focus:
        return None
    focus = country_focus(mentions, dateline)
    states = {m.country for m in perpetrators if m.role is Role.STATE and m.country}
    return focus if focus is not None and states <= {focus} else None
