"""An event's country when its sentence names no place for it.

Reports often leave the country to the reader: "the Pakistani military's
crackdown", "arrested by Pakistani forces", "a bomber blew himself up at the
home of a Jalalabad politician", "the Israeli military's response". The
country is read, in order of trust, from the state that acted at home (an
arrest, a ban, a crackdown or a police operation, never an air or drone
strike, which states carry out abroad), from the places the sentence names
elsewhere (a demonym only where it locates a place: "the Afghan capital"), and
from a state body acting close by ("the Israeli military's response"); never from
a bare demonym, which mostly says where people come from ("one Chechen"). Each
source counts only when it names one country: a wrong country keeps an event from
matching, a missing one does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.agents import list_host
from mosaic.extract.events.rules.base import CountryFallback, CountryPolicy
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.events.types import entry_for
from mosaic.extract.numbers.casualties import KILLED_WORDS, WOUNDED_WORDS
from mosaic.extract.places.locations import is_origin, is_place_noun
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import ACTOR_DEPS, NOUN_MODIFIER_DEPS, PATIENT_DEPS, tree_distance
from mosaic.extract.text.words import HYPHENS
from mosaic.model import EventFinding, EventType

FOREIGN_WORDS = lexicon.words("events.foreign_words")  # fmt: skip
"""Words of acts states carry out abroad: their country says nothing of the event's."""
ACTOR_PREPS = lexicon.words("events.actor_preps")
MISSION_NOUNS = lexicon.words("events.mission_nouns")
"""A state's missions abroad: the state is their owner, not the country they stand in."""
BASE_WORDS = lexicon.words("events.base_words")
NEAR = 4
"""How close in the parse a state body must stand to the trigger to give its country."""


def inferred_country(
    event_type: EventType,
    perpetrators: Sequence[EntityMention],
    trigger: Token,
    context: SentenceContext,
    rivals: Sequence[Token] = (),
) -> str | None:
    """The event's country from the sentence when no place of its own was found; places
    nearer another event of the sentence are that one's."""
    policy = rule_for(event_type).country
    acting = _acting_state(policy, perpetrators, trigger, context)
    if acting is not None:
        return acting
    taken = {(m.start, m.end) for m in perpetrators}
    ours = [
        m for m in context.mentions
        if (m.start, m.end) not in taken and _ours(m, trigger, rivals, context)
    ]  # fmt: skip
    # A new place nothing locates ("arrested at X": no country) says nothing of the country
    # of an act a state does at home, which a state body close by then gives.
    places = [
        m for m in ours
        if (m.role is Role.PLACE and (m.country is not None or not policy.domestic))
        or _country_as_place(m, context)
    ]  # fmt: skip
    places += [m for m in ours if _demonym_of_place(m, context)]
    if places:
        return _only_country(places)
    host = list_host(trigger)
    if host is not None and entry_for(host) is not None:  # "attacks in X, including the ..."
        return _host_country(host, trigger, context)
    if policy.fallback is CountryFallback.PERPETRATORS:
        return _only_country(perpetrators)
    if policy.fallback is CountryFallback.NONE:
        return None
    near = [
        m for m in ours
        if m.role is Role.STATE
        and tree_distance(trigger, context.doc[m.start : m.end].root) <= NEAR
    ]  # fmt: skip
    return _only_country(near)


def ruling_country(event_type: EventType, perpetrators: Sequence[EntityMention]) -> str | None:
    """The country of the one state that acted alone, for a type that happens where the
    acting state rules (a ban, a designation), whatever places its sentence names."""
    policy = rule_for(event_type).country
    if not policy.ruled or not perpetrators:
        return None
    if any(m.role is not Role.STATE for m in perpetrators):
        return None
    return _only_country(perpetrators)


def _victims(root: Token) -> bool:
    """ "12 U.S. service members were killed in the attack": a state's people (or the noun a
    nationality describes) the event killed or wounded, who say where they come from, not
    where it happened."""
    while root.dep_ in NOUN_MODIFIER_DEPS and root.head != root:
        root = root.head
    head = root.head
    if root.dep_ not in PATIENT_DEPS or head == root:
        return False
    return head.lemma_.lower() in KILLED_WORDS | WOUNDED_WORDS


_STATE_ROLES = frozenset({Role.STATE, Role.COUNTRY, Role.DEMONYM})


def home_countries(
    events: Sequence[EventFinding], contexts: Sequence[SentenceContext]
) -> list[EventFinding]:
    """The events, where an attack left without a country after merging takes the one home
    of the armed groups named as its perpetrators or targets ("ISKP beheaded ten captured
    fighters": Afghanistan). Run after merging, so that a report's other telling of the
    event, with its place, comes first. States are left out, as their forces fight
    abroad; a sentence naming another state ("Hamas' attack and the Israeli military's
    response") leaves the country open, as groups strike across borders too."""
    by_start = {c.evidence.start: c for c in contexts}
    homed: list[EventFinding] = []
    for event in events:
        context = by_start.get(event.evidence.start)
        fought_over = rule_for(event.type).country.groups_home
        if event.country is None and fought_over and context is not None:
            event = replace(event, country=_groups_home(event, context))
        homed.append(event)
    return homed


def _groups_home(event: EventFinding, context: SentenceContext) -> str | None:
    parties = {*event.perpetrators, *event.targets}
    groups = [m for m in context.doc_mentions if m.role is Role.GROUP and m.ref in parties]
    home = _only_country(groups)
    states = {m.country for m in context.mentions if m.role in _STATE_ROLES and m.country}
    return home if home is not None and states <= {home} else None


def _host_country(host: Token, trigger: Token, context: SentenceContext) -> str | None:
    """The country of the places in the phrase of the event the trigger is listed under."""
    inside = {t.i for t in host.subtree} - {t.i for t in trigger.subtree}
    places = [
        m for m in context.mentions_in([context.doc[i] for i in sorted(inside)])
        if m.role is Role.PLACE or _country_as_place(m, context)
    ]  # fmt: skip
    return _only_country(places)


SETTLEMENT_NOUNS = lexicon.words("events.settlement_nouns")
"""Places a demonym before them locates in its country ("the Afghan capital")."""


def _demonym_of_place(mention: EntityMention, context: SentenceContext) -> bool:
    """ "the Indian capital", "a remote Pakistani village": a demonym naming the country of a
    place, not where people come from ("one Chechen", "Afghan troops")."""
    if mention.role is not Role.DEMONYM:
        return False
    head = context.doc[mention.start : mention.end].root
    return head.dep_ in NOUN_MODIFIER_DEPS and head.head.lemma_.lower() in SETTLEMENT_NOUNS


def _country_as_place(mention: EntityMention, context: SentenceContext) -> bool:
    """A country named as a location, not as an actor ("the US agreed", "by Pakistan")."""
    if mention.role is not Role.COUNTRY:
        return False
    head = context.doc[mention.start : mention.end].root
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    if head.dep_ in ACTOR_DEPS:
        return False
    return not (head.dep_ == "pobj" and head.head.lower_ in ACTOR_PREPS)


def _acting_state(
    policy: CountryPolicy,
    perpetrators: Sequence[EntityMention],
    trigger: Token,
    context: SentenceContext,
) -> str | None:
    if not policy.home_act:
        return None
    words = {t.lemma_.lower() for t in context.sent} | {t.lower_ for t in context.sent}
    if not policy.domestic and words & FOREIGN_WORDS:
        return None
    states = [m for m in perpetrators if m.role is Role.STATE]
    return _only_country(states) if states and len(states) == len(perpetrators) else None


def _ours(
    mention: EntityMention, trigger: Token, rivals: Sequence[Token], context: SentenceContext
) -> bool:
    """Whether a place may say where the trigger's event was: not where people come from
    ("militants from Syria", "two American soldiers were killed"), not a body's owner
    ("Russia's FSB"), not nearer another event."""
    head = context.doc[mention.start : mention.end].root
    if is_origin(head) or _victims(head) or _mission(head) or _base(mention, context):
        return False
    if head.dep_ == "poss" and not is_place_noun(head.head):
        return False
    distance = tree_distance(trigger, head)
    return all(tree_distance(rival, head) >= distance for rival in rivals)


def _base(mention: EntityMention, context: SentenceContext) -> bool:
    """ "the Pakistan-based LeT": a country joined by a hyphen to a word of where a party has
    its base, not a place of the event."""
    doc = context.doc
    after = doc[mention.end : mention.end + 2]
    return len(after) == 2 and after[0].text in HYPHENS and after[1].lemma_.lower() in BASE_WORDS


def _mission(head: Token) -> bool:
    """ "the U.S. embassy", "the American ambassador": a state named as the owner of a mission
    abroad, or the mission itself, whose country is not the one it stands in."""
    owned = head.head if head.dep_ in NOUN_MODIFIER_DEPS and head.head != head else head
    return owned.lemma_.lower() in MISSION_NOUNS or head.lemma_.lower() in MISSION_NOUNS


def _only_country(mentions: Sequence[EntityMention]) -> str | None:
    countries = {m.country for m in mentions if m.country}
    return countries.pop() if len(countries) == 1 else None


def carry_countries(
    findings: Sequence[EventFinding], text: str, floor: float
) -> list[EventFinding]:
    """Findings in text order, where one with no place or country of its own, told in the
    sentence right after an event placed in a country (same paragraph), takes that country:
    "Uighurs bombed a shrine in Bangkok. The attackers were later arrested." Only events
    of at least `floor` confidence give their country; `text` is the report's."""
    carried: list[EventFinding] = []
    before: EventFinding | None = None
    for finding in findings:
        open_country = finding.country is None and rule_for(finding.type).country.carried
        if open_country and before is not None and _told_right_after(before, finding, text):
            finding = replace(finding, country=before.country)
        carried.append(finding)
        if _placed(finding, floor):
            before = finding
    return carried


def _placed(finding: EventFinding, floor: float) -> bool:
    return (
        rule_for(finding.type).country.carried
        and finding.place is not None
        and finding.country is not None
        and finding.confidence >= floor
    )


def _told_right_after(before: EventFinding, finding: EventFinding, text: str) -> bool:
    """Whether the finding's sentence comes right after the event's, in the same paragraph."""
    if before.evidence.start == finding.evidence.start:
        return False  # the sentence's own places were weighed already
    gap = text[before.evidence.end : finding.evidence.start]
    return before.evidence.end <= finding.evidence.start and gap.strip() == "" and "\n" not in gap
