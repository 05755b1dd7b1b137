"""Tolls told in a sentence of their own, after the event they belong to.

A report tells an event first and its dead or wounded next, often without naming
the event again, or only as "the operation", "the gunfight": "Two other men were
killed in the hour-long gunfight." "Four other people were wounded." Such a
sentence states no event of its own, or only the bare casualty the finder reads
as an attack with no one behind it, no date and no place; its figures are those
of the event told just before (of the type the sentence names again, if it does),
unless it names its event as another ("other attacks").
A count of "other" people adds to that event's count of the same kind; any other
count is a later statement, which wins as it does when findings merge. A day carried from
the sentence just before, itself a toll of the same event ("By Saturday the toll had risen to
41. At least 60 others were wounded."), is that update's day, not another event's. A toll update
("the death toll rose to 290") in a paragraph of its own goes on with the report's lead
event, not with whatever the paragraph before recapped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import Role
from mosaic.extract.events.dates import states_a_time
from mosaic.extract.events.followups import FOLLOW_UP_REACH
from mosaic.extract.events.rules.base import EventRule, TargetSlot
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.numbers.casualties import (
    CASUALTY_NOUNS,
    KILLED_WORDS,
    WOUNDED_WORDS,
    CountMention,
    combine,
    count_mentions,
    ends_person_name,
)
from mosaic.extract.numbers.counts import add_counts
from mosaic.extract.text.modality import DEFINITE
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import CLAUSE_HEAD_DEPS, NOUN_POS
from mosaic.model import Count, EventFinding, Evidence

_WHERE = (Role.PLACE, Role.COUNTRY)
_CASUALTY_LEMMAS = KILLED_WORDS | WOUNDED_WORDS | CASUALTY_NOUNS
OPERATION_NOUNS = lexicon.words("events.operation_nouns")
"""Nouns that point back to an act of forces of any kind ("killed in the operation")."""
OTHER_EVENT_WORDS = lexicon.words("events.other_event_words")
TOLL_NOUNS = lexicon.words("numbers.toll_nouns")
"""Nouns of a toll that a verb raises or that rises ("the death toll rose to 23")."""


def join_toll_sentences(
    findings: Sequence[EventFinding], contexts: Sequence[SentenceContext], threshold: float
) -> list[EventFinding]:
    """The findings with the figures of each undated toll sentence given to the event told
    before it (within FOLLOW_UP_REACH characters, at or above `threshold`), and the bare
    casualty findings of that sentence dropped."""
    kept = list(findings)
    targets = _targets(kept, threshold)
    joined: tuple[int, Evidence] | None = None  # the sentence last joined, and its event's telling
    for number, context in enumerate(contexts):
        own = [f for f in kept if f.evidence == context.evidence]
        if not all(_bare(f) for f in own):
            continue
        if not _tells_casualties(context):
            continue
        mentions = [m for m in count_mentions(context.sent) if not _told_before(m, context)]
        index = _event_before(kept, targets, context)
        index = _lead_updated(kept, threshold, context, mentions, index)
        if index is None:
            continue
        if not mentions or (states_a_time(context) and not _updates(mentions, context)):
            continue
        mentions = _totals(mentions, context)
        goes_on = joined == (number - 1, kept[index].evidence)
        if _elsewhere(context, kept[index]) or (
            _other_day(own, kept[index]) and not _updates(mentions, context) and not goes_on
        ):
            continue
        if _names_another(context, own):
            continue
        # A lower count the event keeps is a part of its toll ("two soldiers were also
        # killed" after "killed 11"), so the sentence's bare casualty is no event either.
        kept[index] = _with_tolls(kept[index], mentions)
        joined = (number, kept[index].evidence)
        kept = [f for f in kept if f not in own]
        targets = _targets(kept, threshold)
    return kept


def _targets(findings: Sequence[EventFinding], threshold: float) -> list[int]:
    """The findings a toll may go to: events with casualties, written out, not bare."""
    return [
        i for i, f in enumerate(findings)
        if rule_for(f.type).slots.casualties and not _bare(f) and f.confidence >= threshold
    ]  # fmt: skip


def _tells_casualties(context: SentenceContext) -> bool:
    """Whether the sentence has a word of the dead or wounded (a cheap test before the parse
    is read)."""
    return any(t.lemma_.lower() in _CASUALTY_LEMMAS for t in context.sent)


def _told_before(mention: CountMention, context: SentenceContext) -> bool:
    """ "where the five contractors were killed": people counted with a definite article were
    counted before, maybe in another event; "X was killed": a named person's killing is an
    event of its own (`killings`), not a toll of the event before."""
    noun = context.doc[mention.noun] if mention.noun is not None else None
    if noun is not None and ends_person_name(noun):
        return True
    return noun is not None and any(c.lower_ in DEFINITE for c in noun.children)


def _updates(mentions: Sequence[CountMention], context: SentenceContext) -> bool:
    """Whether the sentence's last figure of the dead updates a toll told before: "the death
    toll rose to 23", "bringing the toll to eight", "three more died", "two of the wounded
    later died"; a day it names is when the toll grew, not of another event."""
    killed = [m for m in mentions if m.role == "killed"]
    last = [m for m in killed if killed and m.trigger == killed[-1].trigger]
    return any(m.others for m in last) or any(_of_toll(m, context) for m in killed)


def _of_toll(mention: CountMention, context: SentenceContext) -> bool:
    """Whether a toll noun states the figure: "the number of dead rose to 41", "the death
    toll rose to 23", "raised the toll to 84 dead": a toll noun on the casualty word, on
    one of its next two heads, or on their verbs; not "four more died" beside it."""
    heads = [context.doc[mention.trigger]]
    while len(heads) < 3 and heads[-1].head != heads[-1] and heads[-1].dep_ not in CLAUSE_HEAD_DEPS:
        heads.append(heads[-1].head)  # not out of its clause: "as three of the wounded died"
    near = [t for h in heads for t in (h, *h.children)]
    toll = any(t.lemma_.lower() in TOLL_NOUNS for t in near)
    return toll and mention.role == "killed" and not mention.others


def _totals(mentions: Sequence[CountMention], context: SentenceContext) -> list[CountMention]:
    """The sentence's figures less the dead it counts besides a toll it states: "the toll
    reached 74, as four of the wounded died" tells why the toll rose; the toll is the total."""
    if not any(_of_toll(m, context) for m in mentions):
        return list(mentions)
    return [m for m in mentions if m.role != "killed" or _of_toll(m, context)]


def _lead_updated(
    findings: Sequence[EventFinding],
    threshold: float,
    context: SentenceContext,
    mentions: Sequence[CountMention],
    before: int | None,
) -> int | None:
    """The event a toll update goes to: the event told before it in its paragraph, else the
    report's first event with a toll (its lead) where the update raises that toll. A
    paragraph that only says "the death toll rose to 290" goes on with the story's main
    event, not with an incident or earlier attack the paragraph before recapped."""
    if before is not None and _same_paragraph(findings[before], context):
        return before
    totals = [m for m in mentions if _of_toll(m, context) and not m.count.claimed]
    tolled = [
        i for i, f in enumerate(findings)
        if f.killed is not None and (f.confidence >= threshold or _opens(f, context))
        and f.evidence.start < context.evidence.start and f.evidence != context.evidence
    ]  # fmt: skip
    lead = min(tolled, key=lambda i: findings[i].evidence.start, default=None)
    if not totals or lead is None:
        return before
    known = findings[lead].killed
    return lead if known is not None and totals[-1].count.low > known.low else before


def _opens(event: EventFinding, context: SentenceContext) -> bool:
    """Whether the event is told in the report's first paragraph (its lead, which a weak
    trigger such as "blasts struck" may tell below the threshold until later sentences back
    it)."""
    return "\n" not in context.doc_text[: event.evidence.start].strip()


def _same_paragraph(event: EventFinding, context: SentenceContext) -> bool:
    """Whether no line break falls between the start of the event's telling and the
    sentence (a sentence's span may end with the break after it)."""
    return "\n" not in context.doc_text[event.evidence.start : context.evidence.start]


def _elsewhere(context: SentenceContext, event: EventFinding) -> bool:
    """Whether the sentence names a country other than the event's ("violence in Burma")."""
    countries = {m.country for m in context.mentions if m.role in _WHERE and m.country}
    return event.country is not None and bool(countries - {event.country})


def _names_another(context: SentenceContext, own: Sequence[EventFinding]) -> bool:
    """Whether the sentence names its own event as a different one: "there were other
    attacks, in which two men were killed", "another bombing killed four"."""
    triggers = {word for f in own for word in rule_for(f.type).triggers}
    return any(
        t.lemma_.lower() in triggers and any(c.lower_ in OTHER_EVENT_WORDS for c in t.children)
        for t in context.sent
    )


def _other_day(own: Sequence[EventFinding], event: EventFinding) -> bool:
    """Whether the sentence's findings go on in another day than the event's: a date carried
    over from the paragraph ("October 28: ... . Two tourists were killed.") is a timeline's
    next entry, not a toll of the event before."""
    return any(f.date is not None and f.date != event.date for f in own)


def _bare(finding: EventFinding) -> bool:
    """A casualty with nothing else: no kind of attack, no one behind it, no place (a date
    of its own the caller tests on the sentence)."""
    place = finding.place
    return (
        rule_for(finding.type).slots.casualties
        and finding.attack_type is None
        and not finding.perpetrators
        and (place is None or (place.key is not None and place.key.count(":") == 1))
    )


def _event_before(
    findings: Sequence[EventFinding], targets: Sequence[int], context: SentenceContext
) -> int | None:
    """The target event told last before the sentence, of the type the sentence names again
    with a definite noun ("in the raid") where one of those is near."""
    start = context.evidence.start
    near = [i for i in targets if 0 <= start - findings[i].evidence.end <= FOLLOW_UP_REACH]
    if not near:
        return None
    named = _named_again(context)
    referred = [i for i in near if _names(named, rule_for(findings[i].type))]
    chosen = referred or near
    if not chosen:
        return None
    return max(chosen, key=lambda i: (findings[i].evidence.end, findings[i].confidence))


def _names(nouns: set[str], rule: EventRule) -> bool:
    """Whether one of the nouns names an event of the rule's type: one of its trigger words,
    or "the operation" for a type whose forces tell of their own acts."""
    return bool(nouns & set(rule.triggers)) or bool(
        nouns & OPERATION_NOUNS and rule.slots.reporter_acts
    )


def _named_again(context: SentenceContext) -> set[str]:
    """Nouns of the sentence that point back with a definite determiner ("the raid")."""
    return {
        t.lemma_.lower()
        for t in context.sent
        if t.pos_ in NOUN_POS and any(c.lower_ in DEFINITE for c in t.children)
    }


def _with_tolls(event: EventFinding, mentions: Sequence[CountMention]) -> EventFinding:
    """The event with the sentence's dead and wounded; where attackers are not the event's
    victims (an attack), a count of attackers alone does not stand for the victims."""
    mentions = [m for m in mentions if not m.earlier]  # "officials had given a toll of 40"
    killed = [m for m in mentions if m.role == "killed"]
    victims = [m for m in killed if not m.attacker]
    fighters = [m for m in killed if m.attacker]
    apart = rule_for(event.type).slots.targets is TargetSlot.HIT
    dead = _toll(event.killed, victims or fighters)
    if apart and not victims and event.killed not in (None, event.attackers_killed):
        dead = event.killed  # "four militants were killed" after the attack's victims
    return replace(
        event,
        killed=dead,
        attackers_killed=_toll(event.attackers_killed, fighters),
        wounded=_toll(event.wounded, [m for m in mentions if m.role == "wounded"]),
    )


def _toll(known: Count | None, mentions: Sequence[CountMention]) -> Count | None:
    """The count after the sentence: `known` plus the sentence's where it counts others,
    otherwise the sentence's where it is higher (a revised toll; a lower one is a part,
    "two of them were children", or another event's)."""
    stated = combine(mentions)
    if stated is None or known is None:
        return known or stated
    if stated.claimed != known.claimed:  # the killers' claim and another source's figure
        return known if stated.claimed else stated
    if any(m.others for m in mentions if m.trigger == mentions[-1].trigger):
        return add_counts(known, stated)
    return stated if stated.low > known.low else known  # tolls are revised upwards
