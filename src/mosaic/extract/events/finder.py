"""Events in a sentence: trigger words turned into EventFindings with slots and a confidence.

A finding's confidence starts at its trigger's strength and grows with what
makes it one concrete event (a date, a place, casualty figures, named
perpetrators); negation, hypotheticals, bare plurals ("attacks on Shias") and
quotation scale it down. `MIN_CONFIDENCE` in `mosaic.extract.output` decides
what is written out, so the weak ones stay available for review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.dates.document import PUBLISHED_ATTR
from mosaic.extract.dates.phrases import MONTHS, DateValue
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import party
from mosaic.extract.entities.state_actors import STATE_NOUNS, modified_noun, state_actor
from mosaic.extract.events import slots
from mosaic.extract.events.affiliates import affiliate_index, named_affiliates
from mosaic.extract.events.agentless import (
    STATE_PERSONNEL,
    country_state,
    force_told_near,
    is_agentless,
    state_told_before,
)
from mosaic.extract.events.agents import led_coalition, led_words
from mosaic.extract.events.captives import captives_killed
from mosaic.extract.events.country import inferred_country, ruling_country
from mosaic.extract.events.dates import counted_since, elapsed_date, event_date
from mosaic.extract.events.denied_claims import claimant
from mosaic.extract.events.focus import country_focus, focus_country
from mosaic.extract.events.killings import lethal_count, victim_count, wounded_count
from mosaic.extract.events.places import event_place, spread_country
from mosaic.extract.events.reciprocal import reciprocal_parts
from mosaic.extract.events.reporting_forces import own_act_tellers, reporting_force
from mosaic.extract.events.rules.base import (
    EventRule,
    ObjectNeeded,
    PerpetratorSlot,
    TargetSlot,
    Trigger,
)
from mosaic.extract.events.rules.registry import event_rules, rule_for
from mosaic.extract.events.self_announced import self_announced
from mosaic.extract.events.sequels import is_sequel_subject
from mosaic.extract.events.state_bodies import (
    CIVIL_FORCES,
    MILITARY_FORCES,
    MILITARY_NOUNS,
    StateBodies,
)
from mosaic.extract.events.state_forces import only_unnamed_forces, telling_state, unnamed_forces
from mosaic.extract.events.types import find_triggers
from mosaic.extract.numbers.casualties import ATTACKER_WORDS, Casualties, casualties
from mosaic.extract.places.datelines import read_dateline
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text import modality
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import SUBJECT_DEPS, TIME_LABELS, children, is_passive, subject
from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    FuzzyDate,
    PerpetratorStatus,
    Precision,
)

GROUP_NOUNS = lexicon.words("events.organisation_heads")  # fmt: skip
QUOTED_FACTOR = 0.7


class EventFinder:
    """Finds the events one sentence states."""

    def __init__(
        self, places: PlaceTable, extractor: str, gazetteer: Gazetteer | None = None
    ) -> None:
        self.places = places
        self.extractor = extractor
        gazetteer = gazetteer or Gazetteer.default()
        self.affiliates = affiliate_index(gazetteer)
        self.bodies = StateBodies(places, gazetteer)

    def find(self, context: SentenceContext) -> list[EventFinding]:
        """Every event the sentence states, one finding per trigger before merging."""
        rules = event_rules().values()
        triggers = [
            t for t in find_triggers(context.sent)
            if self._fits(t, context) and not is_sequel_subject(context.doc[t.i])
        ]  # fmt: skip
        for rule in rules:
            triggers += rule.more_triggers(context, triggers) if rule.more_triggers else []
        triggers = [t for t in triggers if not _attacked_gathering(t, triggers, context)]
        tokens = [context.doc[t.i] for t in triggers]
        tolled = [tok for t, tok in zip(triggers, tokens, strict=True) if _takes_toll(t)]
        found = []
        for trigger, token in zip(triggers, tokens, strict=True):
            rivals = [other for other in tokens if other != token]
            toll_rivals = [other for other in tolled if other != token]
            found += [
                (token, f) for f in self._findings(trigger, token, context, rivals, toll_rivals)
            ]
        for rule in rules:
            found = rule.settle(found) if rule.settle else found
        return [finding for _, finding in found]

    def _fits(self, trigger: Trigger, context: SentenceContext) -> bool:
        """Whether the trigger has the object its entry needs ("formed" a group)."""
        needs = trigger.entry.needs
        if needs is None:
            return True
        token = context.doc[trigger.i]
        heads = slots.target_tokens(token) + (children(token, "nsubjpass") if is_passive(token)
                                              else [])  # fmt: skip
        if token.dep_ == "acl":
            heads.append(token.head)  # "a group formed in 1998"
        founding = rule_for(trigger.type).slots.perpetrators is PerpetratorSlot.FOUNDED_GROUP
        if needs is ObjectNeeded.GROUP and founding and self_announced(token, context):
            return True  # "X announced its formation"
        if needs is ObjectNeeded.GROUP:
            # "added it to its blacklist"; a founding's "its formation" is too often the
            # group founding something else, or a plan.
            pronouns = rule_for(trigger.type).slots.group_by_pronoun
            if pronouns:  # "its leader, X, was designated a terrorist"
                heads += [c for h in heads for c in h.children if c.dep_ == "appos"]
            return any(t.lemma_.lower() in GROUP_NOUNS for t in heads) or any(
                (m := context.mention_at(t) or (_pronoun_party(t, context) if pronouns else None))
                is not None
                and (m.role is Role.GROUP or (pronouns and _listed_person(m, token)))
                for t in heads
            )
        objects = [t for h in heads for t in h.subtree]
        if needs is ObjectNeeded.PLACE:
            return any(m.role in (Role.PLACE, Role.COUNTRY) for m in context.mentions_in(objects))
        return bool(objects) or bool(children(token, "nsubj", "prep"))

    def _findings(
        self,
        trigger: Trigger,
        token: Token,
        context: SentenceContext,
        rivals: Sequence[Token],
        toll_rivals: Sequence[Token],
    ) -> list[EventFinding]:
        """The trigger's event (two when two states act on each other), none if negated; the
        sentence's dead and wounded go to the nearest of the events that take a toll
        (`toll_rivals`), so "raided a camp, killing 16 fighters and arresting a commander"
        gives the 16 to the raid, not to the arrest beside "killing"."""
        factor = modality.factor(token) * (QUOTED_FACTOR if modality.in_quotation(token) else 1)
        if factor <= 0:
            return []
        rule = rule_for(trigger.type)
        who = self._perpetrators(rule, token, context)
        date = event_date(token, context, rivals)
        place = event_place(token, context, who.mentions, rivals)
        spread = spread_country(place, token, context, rivals)
        place = None if spread else place
        ruling = ruling_country(rule.type, who.mentions)
        if ruling is not None and place is not None and place.country != ruling:
            place = None  # "designated the group's branch in Afghanistan": not done there
        dead = (
            casualties(context.sent, token, toll_rivals) if rule.slots.casualties else Casualties()
        )
        targets = self._targets(rule, token, context)
        classify = rule.slots.attack_type
        kind = classify(token, trigger.entry) if classify is not None else None
        # A place the table lacks ("near Machh in Bolan district") leaves the country to context.
        country = (
            ruling
            or spread
            or (place.country if place else None)
            or self._country(rule, token, who, context, rivals)
        )
        finding = EventFinding(
            type=trigger.type, evidence=context.evidence, extractor=self.extractor,
            attack_type=kind, country=country, place=place.ref if place else None,
            date=date.value.start if date else None, date_end=date.value.end if date else None,
            perpetrators=self._refs(who.mentions, context),
            perpetrator_status=who.status, targets=tuple(targets),
            killed=self._killed(rule, trigger, token, dead, context),
            wounded=dead.wounded or wounded_count(token),
            attackers_killed=dead.attackers_killed,
            attributed_to=claimant(token, context) or context.speaker,
            retelling=modality.is_retelling(token),
        )  # fmt: skip
        finding = replace(finding, confidence=round(confidence(trigger, finding) * factor, 3))
        story = _narrative_day(context)
        if date is None and story is not None and not sentence_states_a_date(context):
            finding = replace(finding, date=story.start, date_end=story.end)
        elif (date is None or counted_since(token, date)) and (
            since := elapsed_date(token, _published(context))
        ) is not None:
            finding = replace(finding, date=since, date_end=None)
        if rule.slots.date is not None:
            finding = replace(finding, date=rule.slots.date(finding.date, who.mentions, context))
        finding = rule.retype(finding, token, who.mentions) if rule.retype else finding
        finding = self._told_by_forces(finding, token, context)
        finding = self._agentless(finding, token, context)
        finding = self._forces_at_home(rule, finding, token, context)
        return reciprocal_parts(
            finding, who.mentions, context.sent, partial(self._refs, context=context)
        )

    def _told_by_forces(
        self, finding: EventFinding, token: Token, context: SentenceContext
    ) -> EventFinding:
        """An act with no agent that forces tell of, of a type whose forces report their own
        acts ("the Pakistani military says 80 militants were killed"), as their state's."""
        if finding.perpetrators or not rule_for(finding.type).slots.reporter_acts:
            return finding
        state, bare = telling_state(token, context, self.places)
        found = (state,) if state is not None else self._home_force([bare] if bare else [], context)
        found = found or self._telling_country(finding, token, context)
        if not found:
            return finding
        return replace(
            finding,
            perpetrators=self._refs(found, context),
            perpetrator_status=PerpetratorStatus.ATTRIBUTED,
        )

    def _telling_country(
        self, finding: EventFinding, token: Token, context: SentenceContext
    ) -> tuple[EntityMention, ...]:
        """A country telling of an act as its own ("India said it had struck nine sites"): its
        state; for an act that kills (an operation), its listed armed force too."""
        verb = slots.perpetration_verb(token)  # "said it had carried out strikes"
        acts = [token] if verb is None else [token, verb]
        for teller in [t for act in acts for t in own_act_tellers(act)]:
            mention = context.mention_at(teller)
            if mention is None or mention.role is not Role.COUNTRY or mention.country is None:
                continue
            state = country_state(teller, mention.country, self.places)
            if state is None:
                return ()
            force = self.bodies.body(mention.country, MILITARY_NOUNS[0])
            if force is None or not rule_for(finding.type).slots.casualties:
                return (state,)
            return state, replace(state, ref=force, feature=None)
        return ()

    def _country(
        self,
        rule: EventRule,
        token: Token,
        who: slots.Perpetrators,
        context: SentenceContext,
        rivals: Sequence[Token],
    ) -> str | None:
        found = inferred_country(rule.type, who.mentions, token, context, rivals)
        dateline = read_dateline(context.doc_text, self.places)
        return found or focus_country(rule.type, who.mentions, context.doc_mentions, dateline)

    def _killed(
        self,
        rule: EventRule,
        trigger: Trigger,
        token: Token,
        dead: Casualties,
        context: SentenceContext,
    ) -> Count | None:
        """The dead: the counts stated, or the people a killing, an assassination or a
        beheading names ("the beheading of a captive" is one dead)."""
        if rule.slots.named_victims:
            return dead.total_killed() or victim_count(token, context)
        return (
            dead.total_killed()
            or lethal_count(token, trigger)
            or captives_killed(token, trigger.entry.attack_type)
        )

    def _perpetrators(
        self, rule: EventRule, token: Token, context: SentenceContext
    ) -> slots.Perpetrators:
        mode, roles = rule.slots.perpetrators, rule.slots.perpetrator_roles
        if mode is PerpetratorSlot.FOUNDED_GROUP:
            return self._founded(token, context)
        found = slots.perpetrators(token, context, roles, rule.slots.named_only)
        envoys = mode is PerpetratorSlot.PARTICIPANTS
        if envoys:
            met = slots.participants(token, context, roles)
            found = slots.Perpetrators(
                tuple(dict.fromkeys([*found.mentions, *met])),
                found.status or (PerpetratorStatus.ATTRIBUTED if met else None),
            )
        actors = [self._as_actor(m, context, token, envoys=envoys) for m in found.mentions]
        kept = tuple(m for m in actors if m is not None)
        if not kept and Role.STATE in roles:
            kept = self._capitals(token, context)
            found = replace(found, status=PerpetratorStatus.ATTRIBUTED) if kept else found
        if not kept and rule.slots.described:
            kept = tuple(led_coalition(token, context))
        status = found.status
        if rule.slots.described:
            described = slots.described_perpetrators(token, context, kept)
            kept += described.mentions
            status = status or described.status
        if rule.slots.home_force and only_unnamed_forces(kept):
            home = self._home_force(_own_forces(rule, token, context), context)
            kept = tuple(dict.fromkeys([*kept, *home]))
            status = status or (PerpetratorStatus.ATTRIBUTED if home else None)
        return slots.Perpetrators(kept, status if kept else None)

    def _agentless(
        self, finding: EventFinding, token: Token, context: SentenceContext
    ) -> EventFinding:
        """An act only states do, told with no agent ("were arrested"), as the state's that
        the report places it with (`agentless`). Names the perpetrator only: the finding's
        country and confidence stay what the sentence said."""
        rule = rule_for(finding.type)
        if finding.perpetrators or not rule.slots.agentless_state:
            return finding
        if not is_agentless(token, slots.agent_heads(token)):
            return finding
        before = state_told_before(context, self.places)
        if before is not None and finding.country in (None, before.country):
            found: tuple[EntityMention, ...] = (before,)
        elif finding.country is not None:
            found = self._state_and_force(token, finding.country, finding, context)
        else:
            found = self._home_force([token], context)
        if not found and finding.country is None and rule.country.domestic:
            # no focus: the one country the report names, else its dateline's
            home = self._report_country(context)
            found = self._state_and_force(token, home, finding, context) if home else ()
        if not found:
            return finding
        refs = self._refs(found, context)
        return replace(finding, perpetrators=refs, perpetrator_status=PerpetratorStatus.ATTRIBUTED)

    def _forces_at_home(
        self, rule: EventRule, finding: EventFinding, token: Token, context: SentenceContext
    ) -> EventFinding:
        """An act done at home (an arrest) by a bare force in a report with no country focus
        ("police arrested two men", "detained by police officers"): the state, and its
        force, of the country the act is placed in, else of the one country the report
        names, else of the report's dateline."""
        if finding.perpetrators or not (rule.slots.home_force and rule.country.domestic):
            return finding
        heads = [_force_of_personnel(h) for h in _own_forces(rule, token, context)]
        heads += [
            f for h in slots.agent_heads(token) if (f := _force_of_personnel(h)) is not h
        ]  # fmt: skip
        if not heads:
            return finding
        home = finding.country or self._report_country(context)
        found = self._home_force(heads, context, home) if home is not None else ()
        if not found:
            return finding
        return replace(
            finding,
            country=finding.country or home,
            perpetrators=self._refs(found, context),
            perpetrator_status=PerpetratorStatus.ATTRIBUTED,
        )

    def _report_country(self, context: SentenceContext) -> str | None:
        """The one country all the report's places and state actors lie in, else its
        dateline's."""
        countries = {m.country for m in context.doc_mentions if m.role in _COUNTRY_ROLES}
        countries.discard(None)
        if len(countries) == 1:
            return countries.pop()
        dateline = read_dateline(context.doc_text, self.places)
        return dateline.place.country if dateline is not None else None

    def _state_and_force(
        self, token: Token, country: str, finding: EventFinding, context: SentenceContext
    ) -> tuple[EntityMention, ...]:
        """The country's state, and its police where the report told of them near the act."""
        state = country_state(token, country, self.places)
        return tuple(m for m in [state, self._civil_force(state, finding, context)] if m)

    def _civil_force(
        self, state: EntityMention | None, finding: EventFinding, context: SentenceContext
    ) -> EntityMention | None:
        """The state's police that the report told of around an arrest with no agent, as
        itself beside its state ("Nepal police")."""
        noun = force_told_near(context) if finding.type is EventType.ARREST else None
        if state is None or state.country is None or noun is None:
            return None
        body = self.bodies.body(state.country, noun.lower_)
        if body is None:
            return None
        return replace(state, role=Role.GROUP, ref=body, country=None, feature=None)

    def _capitals(self, token: Token, context: SentenceContext) -> tuple[EntityMention, ...]:
        """A capital acting stands for its state's government ("Washington designated the
        group", "Tehran banned it"), as the country."""
        if not any(self._is_capital(m) for m in context.mentions):
            return ()  # most sentences name no capital: their agents need not be read
        found = []
        for head in slots.agent_heads(token):
            mention = context.mention_at(head)
            if head.dep_ not in SUBJECT_DEPS and head.head.dep_ != "agent":
                continue  # "the Kabul bombing" is where it went off
            if mention is not None and mention.country is not None and self._is_capital(mention):
                found.append(country_state(head, mention.country, self.places))
        return tuple(m for m in found if m is not None)

    def _is_capital(self, mention: EntityMention) -> bool:
        """Whether the mention is the place the table knows as its country's capital."""
        if mention.role is not Role.PLACE or mention.country is None or mention.ref is None:
            return False
        capital = self.places.capital(mention.country)
        return capital is not None and mention.ref.key == capital.key

    def _home_force(
        self, heads: Sequence[Token], context: SentenceContext, home: str | None = None
    ) -> tuple[EntityMention, ...]:
        """ "The army launched strikes" in a report about one country, or filed from it and
        naming it again (its dateline): that country's state; a bare police force or "the
        government" also as itself, with its country ("Pakistani police"), and "the army",
        "soldiers" or "military aircraft" also as the armed force the gazetteer lists for it
        ("Tatmadaw"), a state body as the state is."""
        if not heads:
            return ()
        dateline = read_dateline(context.doc_text, self.places)
        focus = country_focus(context.doc_mentions, dateline) or home
        head = heads[0]
        state = country_state(head, focus, self.places) if focus is not None else None
        if focus is None or state is None:
            return ()
        force = self.bodies.body(focus, head.lower_)
        if force is None:
            return (state,)
        if head.lower_ in MILITARY_FORCES:  # a listed force acts for its state, as the state
            return state, replace(state, ref=force, feature=None)
        return state, replace(state, role=Role.GROUP, ref=force, country=None, feature=None)

    def _as_actor(
        self, mention: EntityMention, context: SentenceContext, trigger: Token, envoys: bool = False
    ) -> EntityMention | None:
        """A country or demonym as the state that acted; at a meeting, also the state its
        envoys stand for ("Afghan counterparts")."""
        if mention.role in (Role.COUNTRY, Role.DEMONYM):
            acts = [trigger, *led_words(trigger)]
            head = modified_noun(context.doc[mention.end - 1])
            if envoys and head.lemma_.lower() in slots.ENVOY_NOUNS:
                acts.append(head)
            return state_actor(mention, context.doc, self.places, acts=acts)
        return mention

    def _founded(self, token: Token, context: SentenceContext) -> slots.Perpetrators:
        """The group a founding event founds: its object ("formed the IMU"), passive subject,
        the noun a participle describes ("a group formed in 1998"), or what "the group's"
        stands for; never the founder ("ISIL announced the group's formation")."""
        heads = slots.target_tokens(token) + children(token, "nsubjpass")
        if token.dep_ == "acl":
            heads.append(token.head)
        # "Founded in 2007, the TTP ...": the clause's subject is the group founded
        said_of = [] if slots.is_opening_participle(token) else subject(token)
        founders = [m.ref.name for m in context.mentions_in(said_of) if m.ref]
        found = [party(h, context, founders[0] if founders else None) for h in heads]
        found.append(self_announced(token, context))
        groups = [m for m in found if m is not None and m.role is Role.GROUP]
        return slots.Perpetrators(tuple(dict.fromkeys(groups)), None)

    def _refs(
        self, mentions: Sequence[EntityMention], context: SentenceContext
    ) -> tuple[EntityRef, ...]:
        """The perpetrators' refs; a listed state body ("US forces") also as its country
        ("United States"), the name reports and analysts use for a state's acts (a unit the
        gazetteer lacks, "the Border Security Force", by its own name only: its country is
        a guess where the name does not say it), and a state named by its country and a noun
        also as the body the noun names ("Sri Lanka's government", `state_bodies`); a parent
        group also as its affiliate where the report names one."""
        refs = self._state_refs(mentions, context)
        refs += named_affiliates(refs, context.doc_mentions, self.affiliates)
        return tuple(dict.fromkeys(refs))

    def _state_refs(
        self, mentions: Sequence[EntityMention], context: SentenceContext
    ) -> list[EntityRef]:
        refs: list[EntityRef] = []
        for mention in mentions:
            if mention.ref is None:
                continue
            refs.append(mention.ref)
            listed = mention.ref.key is not None
            if mention.role is not Role.STATE:
                continue
            if mention.ref.kind is EntityKind.PLACE:
                refs += self._body_refs(mention, context)
            elif listed:
                country = self.places.country(mention.ref.country or "")
                refs += [country.ref()] if country else []
        return refs

    def _body_refs(self, mention: EntityMention, context: SentenceContext) -> list[EntityRef]:
        """The body a state named by its country and a noun acted through ("Sri Lanka's
        government", "Malaysian police")."""
        if mention.country is None:
            return []
        last = context.doc[mention.end - 1]
        noun = last if last.lower_ in STATE_NOUNS else modified_noun(last)
        if any(m.role is Role.GROUP and m.start <= noun.i < m.end for m in context.mentions):
            return []  # "Colombian Army of National Liberation": a group's name, not the army
        found = self.bodies.body(mention.country, noun.lower_)
        found = found or self.bodies.body(mention.country, noun.lemma_.lower())
        return [found] if found is not None else []

    def _targets(self, rule: EventRule, token: Token, context: SentenceContext) -> list[EntityRef]:
        target = rule.slots.targets
        if target is TargetSlot.NONE:
            return []
        heads = slots.target_tokens(token)
        if target is TargetSlot.HIT:  # "the attackers were killed": not whom it hit
            heads = [h for h in heads if h.lemma_.lower() not in ATTACKER_WORDS]
        if target is TargetSlot.LISTED:  # "the group was banned": the group named
            named = [
                m.ref for h in heads
                if (h.pos_ == "PRON" or h.lemma_.lower() in GROUP_NOUNS)
                and (m := _group_party(h, context)) and m.ref
            ]  # fmt: skip
            return list(dict.fromkeys([*named, *slots.target_refs(heads, context)]))
        return slots.target_refs(heads, context)


def _own_forces(rule: EventRule, token: Token, context: SentenceContext) -> list[Token]:
    """The forces acting with nothing saying whose: bare ("the army launched strikes") or
    described ("security forces raided", "military helicopters pounded")."""
    return _bare_forces(rule, token) or unnamed_forces(slots.agent_heads(token), context)


_COUNTRY_ROLES = frozenset({Role.PLACE, Role.COUNTRY, Role.STATE})
"""Mentions that place a report in a country: places, countries, state actors."""


def _force_of_personnel(head: Token) -> Token:
    """ "police officers", "police agents": the force whose people they are, else the head."""
    if head.lower_ not in STATE_PERSONNEL:
        return head
    forces = [c for c in children(head, "compound") if c.lower_ in CIVIL_FORCES]
    return forces[0] if forces else head


def _bare_forces(rule: EventRule, token: Token) -> list[Token]:
    """The bare forces acting ("the army launched strikes"), or telling of an act with no
    agent where the type's forces report their own acts ("police said two men, detained
    at the weekend, ...")."""
    governments = Role.GROUP not in rule.slots.perpetrator_roles  # acts only states do
    heads = slots.bare_force_heads(token, governments)
    if not heads and rule.slots.reporter_acts:
        teller = reporting_force(token)
        heads = [teller] if teller is not None else []
    return heads


def _narrative_day(context: SentenceContext) -> DateValue | None:
    """The day the paragraph goes on in ("On 3 May, ... . Another bomb hit Kunduz."); a
    month or year named before says too little of what follows."""
    story = context.narrative
    return story.value if story is not None and story.value.start.day is not None else None


def _published(context: SentenceContext) -> FuzzyDate | None:
    iso = getattr(context.doc._, PUBLISHED_ATTR)
    return FuzzyDate.parse(iso) if iso else None


def sentence_states_a_date(context: SentenceContext) -> bool:
    """Whether the sentence states a date of its own, even one left unresolved."""
    return bool(context.dates) or any(
        t.ent_type_ in TIME_LABELS or _year_like(t.text) or t.lower_ in MONTHS for t in context.sent
    )


def _year_like(text: str) -> bool:
    """ "2015", not "four" (spaCy's like_num holds for both)."""
    return text.isdigit() and len(text) == 4


DATE_CONFIDENCE = 0.25
"""What a date finer than a year adds to a finding's confidence."""
PLACE_CONFIDENCE = 0.15
"""What a place finer than a country adds to a finding's confidence."""


def confidence(trigger: Trigger, finding: EventFinding) -> float:
    """The trigger's strength plus what makes the finding one concrete event."""
    score = trigger.entry.strength
    if finding.date is not None:
        score += 0.1 if finding.date.precision is Precision.YEAR else DATE_CONFIDENCE
    if finding.place is not None:
        country_only = finding.place.key and finding.place.key.count(":") == 1
        score += 0.05 if country_only else PLACE_CONFIDENCE
    if finding.killed is not None or finding.wounded is not None:
        score += 0.2
    if finding.perpetrators:
        score += 0.1
    return min(score, 0.95)


TERROR_WORDS = lexicon.words("events.terror_words")


def _listed_person(mention: EntityMention, trigger: Token) -> bool:
    """A person designated as a terrorist ("X was designated a global terrorist"), not one
    designated as a successor."""
    return mention.role is Role.PERSON and any(
        t.lemma_.lower() in TERROR_WORDS for t in trigger.subtree
    )


def _pronoun_party(token: Token, context: SentenceContext) -> EntityMention | None:
    return party(token, context) if token.pos_ == "PRON" else None


def _group_party(token: Token, context: SentenceContext) -> EntityMention | None:
    """The group "it" or "the group" stands for, when no name stands there."""
    if context.mention_at(token) is not None:
        return None
    found = party(token, context)
    return found if found is not None and found.role is Role.GROUP else None


_VENUE_PREPS = lexicon.words("events.venue_preps")


def _attacked_gathering(
    trigger: Trigger, found: Sequence[Trigger], context: SentenceContext
) -> bool:
    """A protest or meeting an attack struck ("a bombing at an election rally", "a bomber
    struck a protest"): the attack's target and venue, not an event of its own."""
    if not rule_for(trigger.type).report.gathering:
        return False
    token = context.doc[trigger.i]
    attacks = {t.i for t in found if t.type is EventType.ATTACK}
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _VENUE_PREPS:
        head = head.head
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            head = head.head.head  # "seized by militants at a rally": the parser's attachment
    elif token.dep_ != "dobj":
        return False
    if head.i in attacks:
        return True
    doers = children(head, "nsubj")
    return head.pos_ == "VERB" and any(d.lemma_.lower() in ATTACKER_WORDS for d in doers)


def _takes_toll(trigger: Trigger) -> bool:
    """Whether the trigger's event takes the sentence's dead and wounded (an arrest does not)."""
    return rule_for(trigger.type).slots.casualties
