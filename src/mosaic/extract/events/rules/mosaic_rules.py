"""Mosaic's own event types, one rule each (FORMAT.md's eight).

Each rule's trigger words are its type's entries of the trigger lexicon
(`events/types.py` LEXICON); the rest says how its findings are filled and placed.
"""

from __future__ import annotations

from mosaic.extract.entities.mentions import Role
from mosaic.extract.events.captives import attack_kind
from mosaic.extract.events.founding_dates import founding_date
from mosaic.extract.events.killings import absorb_killings, kill_triggers, retype
from mosaic.extract.events.means import absorb_means
from mosaic.extract.events.rules.base import (
    CountryFallback,
    CountryPolicy,
    Entry,
    EventRule,
    PerpetratorSlot,
    ReportPolicy,
    Slots,
    TargetSlot,
)
from mosaic.extract.events.rules.registry import register_event_rule
from mosaic.extract.events.types import LEXICON, no_meeting
from mosaic.model import EventType

_STATE = (Role.STATE, Role.COUNTRY, Role.DEMONYM)


def _triggers(event_type: EventType) -> dict[str, Entry]:
    return {word: entry for word, entry in LEXICON.items() if entry.type is event_type}


ATTACK = register_event_rule(
    EventRule(
        EventType.ATTACK,
        _triggers(EventType.ATTACK),
        Slots((Role.GROUP, Role.PERSON, *_STATE), described=True, home_force=True,
              targets=TargetSlot.HIT, casualties=True, attack_type=attack_kind),
        CountryPolicy(report_focus=True, carried=True, groups_home=True),
        ReportPolicy(news_lead=True, claimable=True, infobox=True, reciprocal=True,
                     role_fillers=True),
        retype=retype,
    )
)  # fmt: skip
MILITARY_OPERATION = register_event_rule(
    EventRule(
        EventType.MILITARY_OPERATION,
        _triggers(EventType.MILITARY_OPERATION),
        Slots(
            (Role.GROUP, *_STATE),
            described=True,
            home_force=True,
            casualties=True,
            reporter_acts=True,
        ),
        CountryPolicy(home_act=True, report_focus=True, carried=True),
        ReportPolicy(news_lead=True, reciprocal=True, place_object=True),
        retype=retype,
    )
)
KILLING = register_event_rule(
    EventRule(
        EventType.KILLING,
        _triggers(EventType.KILLING),
        Slots((Role.GROUP, *_STATE), described=True, home_force=True, casualties=True,
              named_victims=True),
        CountryPolicy(home_act=True, report_focus=True, carried=True, groups_home=True),
        ReportPolicy(news_lead=True, claimable=True, infobox=True, role_fillers=True,
                     ends_relations=True),
        more_triggers=kill_triggers,
        settle=absorb_killings,
    )
)  # fmt: skip
ARREST = register_event_rule(
    EventRule(
        EventType.ARREST,
        _triggers(EventType.ARREST),
        Slots(
            (*_STATE, Role.GROUP),
            described=True,
            home_force=True,
            reporter_acts=True,
            agentless_state=True,
            named_only=(Role.GROUP,),
        ),
        CountryPolicy(home_act=True, domestic=True, report_focus=True, carried=True),
        ReportPolicy(news_lead=True, at_the_scene=True),
        settle=absorb_means(EventType.ARREST, EventType.MILITARY_OPERATION),
    )
)
FOUNDING = register_event_rule(
    EventRule(
        EventType.FOUNDING,
        _triggers(EventType.FOUNDING),
        Slots((Role.GROUP,), PerpetratorSlot.FOUNDED_GROUP, targets=TargetSlot.NONE,
              date=founding_date),
        CountryPolicy(fallback=CountryFallback.PERPETRATORS),
        ReportPolicy(own_roles=True),
    )
)  # fmt: skip
DESIGNATION = register_event_rule(
    EventRule(
        EventType.DESIGNATION,
        _triggers(EventType.DESIGNATION),
        Slots(
            _STATE,
            targets=TargetSlot.LISTED,
            group_by_pronoun=True,
            home_force=True,
            agentless_state=True,
        ),
        CountryPolicy(home_act=True, domestic=True, ruled=True),
        ReportPolicy(own_roles=True),
    )
)
PROTEST = register_event_rule(
    EventRule(
        EventType.PROTEST,
        _triggers(EventType.PROTEST),
        Slots((Role.GROUP, Role.PERSON), described=True, targets=TargetSlot.NONE),
        CountryPolicy(home_act=True, report_focus=True),
        ReportPolicy(gathering=True),
    )
)
MEETING = register_event_rule(
    EventRule(
        EventType.MEETING,
        _triggers(EventType.MEETING),
        Slots((Role.GROUP, Role.PERSON, Role.ORG, *_STATE), PerpetratorSlot.PARTICIPANTS,
              targets=TargetSlot.NONE),
        CountryPolicy(fallback=CountryFallback.NONE),
        ReportPolicy(own_roles=True, gathering=True),
        veto=no_meeting,
    )
)  # fmt: skip
