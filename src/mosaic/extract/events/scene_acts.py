"""An act told after an event "at the scene" of it: that event's day and place.

Reports tell what followed an event in a later sentence that names neither a time nor a
place of its own, only the scene by a definite noun: "officers arrested two suspects at the
scene", "two women found in the house were arrested" after a raid "on a house", "a third man
was detained at the hideout". The noun points back to where the event told before happened,
so the act (of a type whose rule says so, `ReportPolicy.at_the_scene`) took place there and
then. A noun points back when it is a word for a scene ("the scene", "the site") or a noun
the report used since that event began to be told ("a house" ... "the house"); one after
"after" or "since" ("detained after the blast") says only that the act came later.

An act goes on the event told just before it, too, where it names that event again by a word
of its telling ("two others were detained in that raid": its day and place; "police detained
three suspects after that killing": its place only, the day being later), or where the people
it is done to are more of those that event dealt with ("a fourth man was detained", "one other
militant was arrested": its day and place).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import Role
from mosaic.extract.events.finder import (
    DATE_CONFIDENCE,
    PLACE_CONFIDENCE,
    sentence_states_a_date,
)
from mosaic.extract.events.followups import FOLLOW_UP_REACH
from mosaic.extract.events.killings import KILL_WORDS
from mosaic.extract.events.place_sentences import is_unplaced
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.events.types import entry_for
from mosaic.extract.text.modality import DEFINITE
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import NOUN_POS, PATIENT_DEPS
from mosaic.model import EventFinding, Precision

SCENE_NOUNS = lexicon.words("events.scene_nouns")
SCENE_PREPS = lexicon.words("events.scene_preps")
MORE_OF_WORDS = lexicon.words("events.more_of_words")


def date_acts_at_the_scene(
    events: Sequence[EventFinding], contexts: Sequence[SentenceContext], threshold: float
) -> list[EventFinding]:
    """The events, each act told "at the scene" of the event before it given that event's
    day and place where it has none."""
    by_start = {c.evidence.start: c for c in contexts}
    kept = list(events)
    for index, event in enumerate(events):
        context = by_start.get(event.evidence.start)
        if context is None or not rule_for(event.type).report.at_the_scene:
            continue
        source = _event_before(events, event, threshold)
        if source is not None and _points_back(context, source):
            kept[index] = _at_the_scene(event, source, context)
            continue
        named = _event_named_again(events, event, context, threshold)
        if named is not None:
            kept[index] = _at_the_scene(event, named[0], context, dated=named[1])
            continue
        last = _told_before(events, event, threshold)
        if last and _more_of_those(context, event):
            kept[index] = _at_the_scene(event, last[-1], context)
    return kept


def _told_before(
    events: Sequence[EventFinding], event: EventFinding, threshold: float
) -> list[EventFinding]:
    """The written-out events told within reach before the act's sentence, the last last."""
    start = event.evidence.start
    before = [
        e for e in events
        if e.confidence >= threshold and 0 <= start - e.evidence.end <= FOLLOW_UP_REACH
    ]  # fmt: skip
    return sorted(before, key=lambda e: e.evidence.end)


def _event_named_again(
    events: Sequence[EventFinding], event: EventFinding, context: SentenceContext, threshold: float
) -> tuple[EventFinding, bool] | None:
    """The event told before that a definite noun of the act's sentence names again ("in that
    raid", "after the killing"), by a word of its telling or else as the last event told, and
    whether the act shares its day (set in it, not after it)."""
    nouns = [
        t for t in context.sent
        if t.pos_ in NOUN_POS and t.dep_ == "pobj" and _names_another_type(t, event)
        and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children)
    ]  # fmt: skip
    before = _told_before(events, event, threshold)
    if not nouns or not before:
        return None
    for source in reversed(before):
        words = _event_words(context.doc, source)
        for noun in nouns:
            if noun.lemma_.lower() in words:
                return source, noun.head.lower_ in SCENE_PREPS
    return before[-1], nouns[0].head.lower_ in SCENE_PREPS  # "shot dead ... after that killing"


def _names_another_type(token: Token, event: EventFinding) -> bool:
    """Whether the token is an event word of a type other than the act's ("raid" for an
    arrest), or a word of killing ("after that killing")."""
    entry = entry_for(token)
    if entry is None:
        return token.lemma_.lower() in KILL_WORDS
    return entry.type is not event.type


def _event_words(doc: Doc, event: EventFinding) -> set[str]:
    """The lemmas of the event words of the event's own sentence."""
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return {t.lemma_.lower() for t in span or () if entry_for(t) is not None}


def _more_of_those(context: SentenceContext, event: EventFinding) -> bool:
    """ "A fourth man was detained", "two other militants were arrested": the people the act
    is done to are more of those the event before dealt with."""
    for token in context.sent:
        entry = entry_for(token)
        if entry is None or entry.type is not event.type:
            continue
        for patient in token.children:
            if patient.dep_ in PATIENT_DEPS and (
                patient.lower_ in MORE_OF_WORDS
                or any(c.lower_ in MORE_OF_WORDS for c in patient.children)
            ):
                return True
    return False


def _event_before(
    events: Sequence[EventFinding], event: EventFinding, threshold: float
) -> EventFinding | None:
    """The last written-out event dated to a day told before the act's sentence, within
    reach (an undated one between may be the scene's own aftermath: "troops surrounded the
    hideout")."""
    start = event.evidence.start
    before = [
        e for e in events
        if e.confidence >= threshold and 0 <= start - e.evidence.end <= FOLLOW_UP_REACH
        and e.date is not None and e.date.precision is Precision.DAY
    ]  # fmt: skip
    return max(before, key=lambda e: e.evidence.end, default=None)


def _points_back(context: SentenceContext, source: EventFinding) -> bool:
    """Whether a definite noun of the sentence, set at a place ("at the scene", "in the
    house"), names the scene of the event told before."""
    told = _nouns_told(context.doc, source.evidence.start, context.evidence.start)
    return any(
        noun.lemma_.lower() in SCENE_NOUNS or noun.lemma_.lower() in told
        for noun in _scene_nouns(context.sent)
    )


def _scene_nouns(sent: Span) -> list[Token]:
    return [
        t for t in sent
        if t.pos_ in NOUN_POS and t.dep_ == "pobj" and t.head.lower_ in SCENE_PREPS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    ]  # fmt: skip


def _nouns_told(doc: Doc, start: int, end: int) -> set[str]:
    """The lemmas of the common nouns written between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return {t.lemma_.lower() for t in span or () if t.pos_ == "NOUN"}


def _at_the_scene(
    event: EventFinding, source: EventFinding, context: SentenceContext, dated: bool = True
) -> EventFinding:
    """The act with the source's day (where `dated`), unless its sentence tells a time, and
    place, unless it names a place of its own."""
    found = event
    day = source.date is not None and source.date.precision is Precision.DAY
    if dated and day and event.date is None and not sentence_states_a_date(context):
        confidence = min(found.confidence + DATE_CONFIDENCE, 0.95)
        found = replace(found, date=source.date, date_end=source.date_end, confidence=confidence)
    own_place = any(m.role is Role.PLACE for m in context.mentions)
    if is_unplaced(event) and not is_unplaced(source) and not own_place:
        confidence = min(found.confidence + PLACE_CONFIDENCE, 0.95)
        found = replace(
            found, place=source.place, country=event.country or source.country,
            confidence=confidence,
        )  # fmt: skip
    return found if found is event else replace(found, confidence=round(found.confidence, 3))
