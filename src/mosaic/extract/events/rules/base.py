"""What makes one event type different from another, as one object: its `EventRule`.

The finder, the slot fillers and the report-wide steps (country, leads, follow-ups,
infobox, role spans) ask the rule of a finding's type instead of branching on the type.
A rule is plain data plus a few hooks; Mosaic's own are in `mosaic_rules.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.model import AttackType, EventFinding, EventType, FuzzyDate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from mosaic.extract.text.sentences import SentenceContext


class ObjectNeeded(StrEnum):
    """What a trigger word must have to name an event ("formed" a group, "seized" a town)."""

    GROUP = "group"
    """A group as its object (named, or a group noun): "formed a new wing"."""
    PLACE = "place"
    """A place or country among its objects: "seized the town"."""
    ANY = "any"
    """Some object, subject or prepositional phrase: "stormed the hotel", "met the envoy"."""


@dataclass(frozen=True)
class Entry:
    """What one trigger lemma names; `needs` is what it must have to name it, if anything."""

    type: EventType
    strength: float
    attack_type: AttackType | None = None
    needs: ObjectNeeded | None = None


@dataclass(frozen=True)
class Trigger:
    """A trigger word found in a sentence: token index `i` in the doc."""

    i: int
    entry: Entry

    @property
    def type(self) -> EventType:
        return self.entry.type


class PerpetratorSlot(StrEnum):
    """Who fills the perpetrators slot."""

    AGENTS = "agents"
    """Who did it: the subject, the "by" agent, the possessor."""
    FOUNDED_GROUP = "founded_group"
    """The group founded (object, passive subject), never its founder."""
    PARTICIPANTS = "participants"
    """Who met: the agents and those met with; envoys stand for their states."""


class TargetSlot(StrEnum):
    """What fills the targets slot."""

    NONE = "none"
    OBJECTS = "objects"
    """The trigger's objects."""
    HIT = "hit"
    """The objects, less the attackers ("the attackers were killed")."""
    LISTED = "listed"
    """The group named ("the group was banned"), a pronoun resolved."""


class CountryFallback(StrEnum):
    """Where the country comes from when the sentence names no place for the event."""

    NEAR_STATE = "near_state"
    """A state body acting close by in the parse."""
    PERPETRATORS = "perpetrators"
    """The one country of the perpetrators (a group is founded where it is based)."""
    NONE = "none"
    """Nothing ("Afghan and Pakistani diplomats met": no single country)."""


AttackClassifier = Callable[["Token", Entry], AttackType | None]
MoreTriggers = Callable[["SentenceContext", Sequence[Trigger]], list[Trigger]]
Told = list[tuple["Token", EventFinding]]
"""A sentence's findings, each with its trigger token."""
Settle = Callable[[Told], Told]
Retype = Callable[[EventFinding, "Token", Sequence[EntityMention]], EventFinding]
DateHook = Callable[
    [FuzzyDate | None, Sequence[EntityMention], "SentenceContext"], FuzzyDate | None
]


@dataclass(frozen=True)
class Slots:
    """How the finder fills a finding of the type."""

    perpetrator_roles: tuple[Role, ...]
    perpetrators: PerpetratorSlot = PerpetratorSlot.AGENTS
    described: bool = False
    """Unnamed perpetrators are named as described ("four Tajik men", "government troops")."""
    home_force: bool = False
    """A bare "the army", or forces described with no state ("security forces", "military
    helicopters"), are the report's country's state (acts forces carry out at home)."""
    reporter_acts: bool = False
    """With no agent named, a force telling of the act did it ("police said two men,
    detained at the weekend, ...", "the Pakistani military says 80 militants were killed")."""
    agentless_state: bool = False
    """Told in the passive with no agent ("were arrested", "is banned in X"), a state did it:
    the one the sentence places it in, the one told of just before, else the report's."""
    targets: TargetSlot = TargetSlot.OBJECTS
    casualties: bool = False
    """The sentence's dead and wounded are the event's."""
    named_victims: bool = False
    """With no count stated, the named people killed are counted."""
    named_only: tuple[Role, ...] = ()
    """Perpetrator roles that act only when named as the agent ("HTS detained five men"), never
    through a pronoun or "the group" (in "police said they detained a fifth", "they" would
    stand for the group named before, whose men were detained)."""
    group_by_pronoun: bool = False
    """A trigger needing a group object accepts a pronoun for it, or a listed person."""
    attack_type: AttackClassifier | None = None
    """Says how an attack was carried out."""
    date: DateHook | None = None
    """Corrects the date found (a founding's year from the group's record)."""


@dataclass(frozen=True)
class CountryPolicy:
    """Where an event of the type happened when its sentence names no place."""

    home_act: bool = False
    """A state acting alone acts at home, unless the sentence has a word of acts abroad."""
    domestic: bool = False
    """A state acting alone acts at home even then (an arrest, a ban)."""
    ruled: bool = False
    """Happens where the acting state rules, whatever places the sentence names ("the US
    designated the group's branch in Afghanistan": the United States)."""
    fallback: CountryFallback = CountryFallback.NEAR_STATE
    report_focus: bool = False
    """Takes the report's country focus (events that happen somewhere, not held abroad)."""
    carried: bool = False
    """Takes, and gives, the country of the event told in the sentence just before."""
    groups_home: bool = False
    """Left without a country after merging, takes the armed groups' home."""


@dataclass(frozen=True)
class ReportPolicy:
    """What the report-wide steps do with a finding of the type."""

    news_lead: bool = False
    """Dateless in a present-perfect lead, it is dated by the report."""
    claimable: bool = False
    """A later claim of responsibility ("IS claimed the attack") names its perpetrators."""
    infobox: bool = False
    """An infobox's "Perpetrators" row names its perpetrators."""
    reciprocal: bool = False
    """Two states acting on "each other" make two events."""
    role_fillers: bool = False
    """The role-span tagger's attackers, targets and weapons join it."""
    own_roles: bool = False
    """Its sentence's role spans are its own, not an incident's told nearby."""
    gathering: bool = False
    """An attack's venue or target ("a bombing at a rally"), not an event of its own."""
    place_object: bool = False
    """Its trigger's object is a place ("invasion of X"): a location, not a party."""
    ends_relations: bool = False
    """Its date ends the relations of the people it names as targets (a killing)."""
    at_the_scene: bool = False
    """Told after an event "at the scene" of it, with no time or place of its own, it took
    place then and there (`scene_acts`: "officers arrested two men at the scene")."""


@dataclass(frozen=True)
class EventRule:
    """Everything type-specific about one event type: its trigger words and how its
    findings are filled, placed and treated across the report."""

    type: EventType
    triggers: Mapping[str, Entry]
    slots: Slots
    country: CountryPolicy = field(default_factory=CountryPolicy)
    report: ReportPolicy = field(default_factory=ReportPolicy)
    veto: Callable[[Token], bool] | None = None
    """Turns down a trigger word of the type in context ("a news conference")."""
    more_triggers: MoreTriggers | None = None
    """Finds triggers beyond the trigger words, given the sentence's others ("he was shot
    dead": a killing; "killing seven" where no attack is named: an attack)."""
    retype: Retype | None = None
    """Gives a finding of the type the type its perpetrators show (an attack by state
    forces alone is a military operation)."""
    settle: Settle | None = None
    """Settles the sentence's findings once all are made (a killing absorbs the strike
    that did it)."""

    def __post_init__(self) -> None:
        strangers = sorted(word for word, e in self.triggers.items() if e.type != self.type)
        if strangers:
            raise ValueError(f"event rule {self.type}: triggers of another type: {strangers}")

    @property
    def name(self) -> str:
        return self.type.value
