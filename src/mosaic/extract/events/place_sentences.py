"""Where an event happened, told in a sentence of its own after it.

A report tells an event with no place finer than its country ("three drone strikes
killed 18 militants in Pakistan's northwest") and where it happened next, naming the
event again with a definite noun: "All the strikes took place in South Waziristan."
That sentence states no event of its own; the place nearest the noun naming the event
again is the event's, when it lies in the event's country (if known) and the event had
no finer place. The noun names the event when its word is one of the event words of the event's
own sentence ("strikes" after "drone strikes").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from mosaic.extract.events.dates import states_a_time
from mosaic.extract.events.followups import FOLLOW_UP_REACH
from mosaic.extract.events.places import event_place
from mosaic.extract.events.types import entry_for
from mosaic.extract.text.modality import DEFINITE
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import NOUN_POS
from mosaic.model import EntityRef, EventFinding


def join_place_sentences(
    findings: Sequence[EventFinding], contexts: Sequence[SentenceContext], threshold: float
) -> list[EventFinding]:
    """The findings with each event placed by an undated sentence after it (within
    FOLLOW_UP_REACH characters) that names it again and says where it happened."""
    kept = list(findings)
    told = {f.evidence for f in kept}
    words: dict[tuple[int, int], set[str]] = {}
    for context in contexts:
        if context.evidence in told:
            continue
        unplaced = [i for i in _events_before(kept, context, threshold) if is_unplaced(kept[i])]
        nouns = _definite_nouns(context.sent) if unplaced else []
        if not nouns or states_a_time(context):
            continue
        for index in unplaced:
            event = kept[index]
            key = (event.evidence.start, event.evidence.end)
            if key not in words:
                words[key] = _event_words(event, context.doc)
            place = _place_told(event, context, nouns, words[key])
            if place is not None:
                country = kept[index].country or place.country
                kept[index] = replace(kept[index], place=place, country=country)
                break
    return kept


def is_unplaced(event: EventFinding) -> bool:
    """Whether the event has no place finer than its country."""
    return event.place is None or _is_country(event.place)


def _events_before(
    findings: Sequence[EventFinding], context: SentenceContext, threshold: float
) -> list[int]:
    """The events told within reach before the sentence, the last told first."""
    start = context.evidence.start
    near = [
        i for i, f in enumerate(findings)
        if f.confidence >= threshold and 0 <= start - f.evidence.end <= FOLLOW_UP_REACH
    ]  # fmt: skip
    return sorted(near, key=lambda i: (findings[i].evidence.end, findings[i].confidence))[::-1]


def _place_told(
    event: EventFinding, context: SentenceContext, nouns: Sequence[Token], words: set[str]
) -> EntityRef | None:
    """The place the sentence gives the event, if one of its definite `nouns` is one of the
    event's `words` (naming it again)."""
    for noun in nouns:
        if noun.lemma_.lower() not in words:
            continue
        found = event_place(noun, context, ())
        ref = found.ref if found is not None else None
        if ref is not None and not _is_country(ref) and event.country in (None, ref.country):
            return ref
    return None


def _event_words(event: EventFinding, doc: Doc) -> set[str]:
    """The lemmas of the event words of the event's own sentence."""
    sent: Span | None = doc.char_span(
        event.evidence.start, event.evidence.end, alignment_mode="expand"
    )
    return {t.lemma_.lower() for t in sent or () if entry_for(t) is not None}


def _definite_nouns(sent: Span) -> list[Token]:
    return [
        t for t in sent
        if t.pos_ in NOUN_POS and any(c.lower_ in DEFINITE for c in t.children)
    ]  # fmt: skip


def _is_country(place: EntityRef) -> bool:
    return place.key is not None and place.key.count(":") == 1
