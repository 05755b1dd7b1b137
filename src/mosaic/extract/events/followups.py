"""Claims and blame told in a sentence of their own, after the event they are about.

Wire reports state an attack first and who is behind it next, often without
naming the attack again: "The Pakistani Taliban claimed responsibility in a
statement." or "Officials blamed the Baloch Liberation Army." Such a sentence
has no event word, so it yields no finding of its own; its claimants or the
blamed party join the event told just before it. A denial ("X denied any
involvement") or a negated claim ("no group has claimed responsibility") adds
no one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import Role
from mosaic.extract.entities.parties import party
from mosaic.extract.events.agents import spoken_for
from mosaic.extract.events.blame import PINNING_VERBS, RESPONSIBLE_WORDS
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.events.slots import (
    BLAME_VERBS,
    CLAIM_NOUNS,
    CLAIM_VERBS,
    actor_mentions,
    phrase,
)
from mosaic.extract.events.types import entry_for
from mosaic.extract.text.modality import (
    DEFINITE,
    PLURAL_DEMONSTRATIVES,
    is_negated,
    names_the_message,
)
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    PATIENT_DEPS,
    PREDICATIVE_DEPS,
    REFERRING_MODIFIER_DEPS,
    agents,
    children,
    is_passive,
    prep_objects,
    subject,
    with_conjuncts,
)
from mosaic.model import AttackType, EntityKind, EntityRef, EventFinding, PerpetratorStatus

FOLLOW_UP_REACH = 600
"""Characters from the end of an event's sentence within which a follow-up refers to it."""
REFERRING_REACH = 4000
"""The same for a claim that names the event again ("for the attack"): it may come late."""
_ACTING_ROLES = (Role.GROUP, Role.PERSON)
_CLAIM_OR_BLAME = CLAIM_VERBS | BLAME_VERBS
"""The verbs a follow-up turns on, tested before the costlier negation of each verb."""


REACTION_VERBS = lexicon.words("events.reaction_verbs")
"""Verbs of judging an event told before ("condemned the attack"), not of doing it."""
NO_ONE_WORDS = lexicon.words("events.no_one_words")
"""Subjects that say no one did it ("no group", "nobody", "none of them")."""
REFERRING_DETERMINERS = (
    DEFINITE | PLURAL_DEMONSTRATIVES | lexicon.words("events.referring_possessives")
)
"""Determiners of an event noun that points back to the event just told."""


@dataclass(frozen=True)
class FollowUp:
    """Who a sentence says claimed or is blamed for the event before it; `instead_of` holds
    the sentence's own findings where it names that event again ("for the attack")."""

    start: int
    parties: tuple[EntityRef, ...]
    status: PerpetratorStatus
    instead_of: tuple[EventFinding, ...] = ()
    reach: int = FOLLOW_UP_REACH
    blames_told: bool = False
    """Blame for the event just told, named again ("blamed X for that bombing")."""


def follow_up(context: SentenceContext) -> FollowUp | None:
    """The claim or blame the sentence states without naming an event, if any."""
    return _follow_up(context, referring=False)


def referring_claim(context: SentenceContext, findings: Sequence[EventFinding]) -> FollowUp | None:
    """A claim of the event just told, named again only by a referring noun ("X claimed
    responsibility for the attack"), or a reaction to it ("The minister condemned the
    bombing"), to stand for the sentence's own `findings`."""
    item = _follow_up(context, referring=True)
    if item is None or not (item.status is PerpetratorStatus.CLAIMED or item.blames_told):
        item = _blame_beside_retelling(context, findings) or _reaction(context)
    if item is None:
        return None
    return replace(item, instead_of=tuple(findings), reach=REFERRING_REACH)


def _blame_beside_retelling(
    context: SentenceContext, findings: Sequence[EventFinding]
) -> FollowUp | None:
    """A blame naming no event ("police suspected X") in a sentence whose only findings are
    the event just told, named again ("No group said it was behind the blast, but police
    suspected X"): the blame is for that event, as it would be in a sentence of its own."""
    if not findings or not all(f.retelling for f in findings):
        return None
    item = _follow_up(context, referring=False)
    if item is None or item.status is not PerpetratorStatus.SUSPECTED:
        return None
    return replace(item, blames_told=True)


def _reaction(context: SentenceContext) -> FollowUp | None:
    """A sentence that is a reaction to the event just told, named again only by a referring
    noun ("The minister condemned the bombing", "X denounced the strike as a massacre"): it
    tells who spoke, not who did it, so it adds no one. A reaction in a clause beside another
    ("X blamed Y for the attack, while Y condemned it") leaves the sentence to that clause."""
    for token in with_conjuncts([context.sent.root]):
        if token.pos_ != "VERB" or token.lemma_.lower() not in REACTION_VERBS:
            continue
        judged = children(token, "dobj")
        named = [t for t in (*judged, *prep_objects(token, "as")) if entry_for(t)]
        if named and any(_refers_back(o) for o in judged):
            return FollowUp(context.evidence.start, (), PerpetratorStatus.SUSPECTED)
    return None


def _follow_up(context: SentenceContext, referring: bool) -> FollowUp | None:
    for token in context.sent:
        held = _held_responsible(token)
        if held:
            refs = _refs(held, context)
            if refs:
                return FollowUp(context.evidence.start, refs, PerpetratorStatus.SUSPECTED)
            continue
        lemma = token.lemma_.lower() if token.pos_ == "VERB" else ""
        if lemma not in _CLAIM_OR_BLAME or is_negated(token) or _negative_subject(token):
            continue
        if lemma in CLAIM_VERBS and _claims_responsibility(token, referring):
            heads, status = _actors(token), PerpetratorStatus.CLAIMED
        elif lemma in BLAME_VERBS and not is_passive(token) and _blames_told(token, referring):
            heads, status = with_conjuncts(children(token, "dobj")), PerpetratorStatus.SUSPECTED
        elif referring and lemma in PINNING_VERBS and not is_passive(token):
            heads, status = _pinned_on_told(token), PerpetratorStatus.SUSPECTED
        else:
            continue
        refs = _refs(heads, context)
        if refs:
            told = referring and status is PerpetratorStatus.SUSPECTED
            return FollowUp(context.evidence.start, refs, status, blames_told=told)
    return None


def _held_responsible(word: Token) -> list[Token]:
    """ "X was responsible", "officials held X responsible", "they suspect X was behind it":
    the party a sentence naming no event holds to account for the one told before it."""
    if word.lemma_.lower() in RESPONSIBLE_WORDS and not _for_something(word):
        if word.dep_ == "oprd" and children(word.head, "dobj"):
            return _unless_denied(word.head, with_conjuncts(children(word.head, "dobj")))
        if word.dep_ in PREDICATIVE_DEPS:
            return _unless_denied(word.head, subject(word.head))
    behind = word.lower_ == "behind" and word.head.lemma_ == "be"
    if behind and any(o.pos_ == "PRON" for o in children(word, "pobj")):  # "behind it"
        return _unless_denied(word.head, subject(word.head))
    return []


def _unless_denied(verb: Token, heads: list[Token]) -> list[Token]:
    """The heads, unless the verb is negated or its subject is no one ("no group was ...")."""
    return [] if is_negated(verb) or _negative_subject(verb) else heads


def _claims_responsibility(verb: Token, referring: bool = False) -> bool:
    """ "claimed responsibility", "took credit", with no "for" naming what was claimed, or
    (`referring`) with a "for" naming it only as the event just told, or with that event
    as what is claimed ("X claimed the attack", "the bombing was claimed by X")."""
    objects = [o for o in children(verb, *PATIENT_DEPS) if o.lemma_.lower() in CLAIM_NOUNS]
    if referring:
        told = any(_refers_back(o) for o in children(verb, *PATIENT_DEPS) if entry_for(o))
        return told or (bool(objects) and any(_for_referring(o) for o in (*objects, verb)))
    return bool(objects) and not any(_for_something(o) for o in objects)


def _blames_told(verb: Token, referring: bool) -> bool:
    """ "Officials blamed X", "police suspect X" with no "for" naming what is blamed, or
    (`referring`) with a "for" naming it only as the event just told ("blamed X for that
    bombing"); the parser hangs the "for" on the verb or on the one blamed."""
    holders = [verb, *children(verb, "dobj")]
    if referring:
        return any(_for_referring(t) for t in holders)
    return not any(_for_something(t) for t in holders)


def _pinned_on_told(verb: Token) -> list[Token]:
    """ "Officials blamed that attack on X", "pinned the bombing on X": whoever the event just
    told, named again only by a referring noun, is pinned on (the "on" hung on the verb or
    on the event noun)."""
    for event in children(verb, "dobj"):
        pinned = prep_objects(verb, "on") or prep_objects(event, "on")
        rest = [w for w in event.children if not (w.dep_ == "prep" and w.lower_ == "on")]
        if pinned and entry_for(event) and _refers_back(event, rest):
            return with_conjuncts(pinned)
    return []


def _for_referring(token: Token) -> bool:
    """A "for" phrase naming the event just told: a determiner or possessive and no more
    ("for the attack", "for Wednesday's bombing"), not "for an attack on a bank"."""
    objects = [o for p in children(token, "prep") if p.lower_ == "for" for o in p.children]
    nouns = [o for o in objects if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    return len(nouns) == 1 and _refers_back(nouns[0])


def _refers_back(noun: Token, words: Sequence[Token] | None = None) -> bool:
    """Whether the event noun points back to the event just told: a determiner or possessive
    and no word that names another event; `words` are its modifiers to judge, if not all."""
    words = [w for w in (noun.children if words is None else words) if not names_the_message(w)]
    determined = any(w.lower_ in REFERRING_DETERMINERS or w.dep_ == "poss" for w in words)
    return determined and all(w.dep_ in REFERRING_MODIFIER_DEPS for w in words)


def _for_something(token: Token) -> bool:
    """A "for" phrase naming what is claimed or blamed; "for it" points back and counts not."""
    objects = [o for p in children(token, "prep") if p.lower_ == "for" for o in p.children]
    return any(o.pos_ != "PRON" for o in objects if o.dep_ == "pobj")


def _negative_subject(verb: Token) -> bool:
    """ "No group has claimed responsibility", "nobody claimed it"."""
    words = {w.lower_ for s in subject(verb) for w in s.subtree}
    return bool(words & NO_ONE_WORDS)


def _actors(verb: Token) -> list[Token]:
    return agents(verb) if is_passive(verb) else subject(verb)


def _refs(heads: Sequence[Token], context: SentenceContext) -> tuple[EntityRef, ...]:
    tokens = [t for head in heads for t in phrase(head)]
    named = [spoken_for(m, context) for m in actor_mentions(tokens, context, _ACTING_ROLES)]
    standing = [m for h in heads if (m := party(h, context)) is not None]
    found = [m.ref for m in (*named, *standing) if m.role in _ACTING_ROLES and m.ref is not None]
    return tuple(dict.fromkeys(found))


def attach_follow_ups(
    events: Sequence[EventFinding], follow_ups: Iterable[FollowUp], threshold: float = 0.0
) -> list[EventFinding]:
    """The events with each follow-up's parties added to the attack or killing told last
    before it (within FOLLOW_UP_REACH characters); a claim outranks other statuses.
    Events below `threshold` are not written out, so they take no one."""
    updated = list(events)
    for item in follow_ups:
        index = _event_before(updated, item, threshold)
        if index is None:
            index = _unclaimed_act_before(updated, item, threshold)
            if index is None:
                updated += item.instead_of
                continue
            updated[index] = _as_claimed(updated[index], item)
        event = updated[index]
        known = {ref.key or ref.name for ref in event.perpetrators}
        added = tuple(
            ref for ref in item.parties
            if (ref.key or ref.name) not in known and not _named_within(ref, event.perpetrators)
        )  # fmt: skip
        claimed = item.status is PerpetratorStatus.CLAIMED
        if not added and not claimed:
            continue
        status = item.status if claimed or event.perpetrator_status is None else None
        updated[index] = replace(
            event,
            perpetrators=event.perpetrators + added,
            perpetrator_status=status or event.perpetrator_status,
        )
    return updated


def _named_within(ref: EntityRef, perpetrators: Sequence[EntityRef]) -> bool:
    """A person named by part of a perpetrator's name ("Dar" of "Adil Ahmad Dar"): the same
    person named again."""
    words = set(ref.name.split())
    return ref.kind is EntityKind.PERSON and any(
        p.kind is EntityKind.PERSON and words <= set(p.name.split()) for p in perpetrators
    )


def _unclaimed_act_before(
    events: Sequence[EventFinding], item: FollowUp, threshold: float
) -> int | None:
    """For a claim of an event it names again ("X claimed the drone attack") with no event
    that may be claimed before it: the event told just before (within FOLLOW_UP_REACH), if no
    one is named behind it ("Drones struck a base"), which the claim shows to be of the kind
    it names."""
    if item.status is not PerpetratorStatus.CLAIMED or not _claimed_kind(item):
        return None
    candidates = [
        (event.evidence.end, i)
        for i, event in enumerate(events)
        if not event.perpetrators
        and event.confidence >= threshold
        and 0 <= item.start - event.evidence.end <= FOLLOW_UP_REACH
    ]
    return max(candidates)[1] if candidates else None


def _claimed_kind(item: FollowUp) -> EventFinding | None:
    """The claim's own finding of a kind that may be claimed, if any."""
    return next((f for f in item.instead_of if rule_for(f.type).report.claimable), None)


def _as_claimed(event: EventFinding, item: FollowUp) -> EventFinding:
    """The event as of the kind the claim names it."""
    named = _claimed_kind(item)
    if named is None:
        return event
    return replace(event, type=named.type, attack_type=event.attack_type or named.attack_type)


def _event_before(events: Sequence[EventFinding], item: FollowUp, threshold: float) -> int | None:
    """The event told last before the follow-up; of those, the last of the kind it names
    again ("blamed the bombing on X" after a bombing and then a shooting: the bombing)."""
    candidates = [
        (event.evidence.end, i)
        for i, event in enumerate(events)
        if (rule_for(event.type).report.claimable or not item.parties)
        and event.confidence >= threshold
        and 0 <= item.start - event.evidence.end <= item.reach
    ]
    named = {f.attack_type for f in item.instead_of if f.attack_type is not None}
    of_kind = [c for c in candidates if _kin(events[c[1]].attack_type, named)]
    return max(of_kind or candidates)[1] if candidates else None


def _kin(kind: AttackType | None, named: set[AttackType]) -> bool:
    """Whether an event's attack type is one a follow-up names ("the bombing" names a
    suicide bombing too)."""
    if kind is None:
        return False
    return kind in named or (kind is AttackType.SUICIDE_BOMBING and AttackType.BOMBING in named)
