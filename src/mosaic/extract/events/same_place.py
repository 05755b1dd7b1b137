"""An event told "in the same city" (or area, district, market ...) as an event before it:
the place of that event.

Reports recap an earlier attack by where it happened: "Last month, two strikes in the same
area killed 26 militants", "a bus bombing in the same city two months earlier". The phrase
names no place of its own, so the recapped event had no town; the nearest event told before
it with a place finer than a country gives it one, when their countries do not differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from mosaic.extract import lexicon
from mosaic.extract.events.place_sentences import is_unplaced
from mosaic.extract.places.locations import is_place_noun
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EntityRef, EventFinding

SAME_WORDS = lexicon.words("events.same_words")


def place_same_as_before(
    findings: Sequence[EventFinding], contexts: Sequence[SentenceContext]
) -> list[EventFinding]:
    """The findings, each unplaced one told "in the same <place>" placed where the nearest
    placed event told before it happened."""
    same_place = {c.evidence.start for c in contexts if _says_same_place(c.sent)}
    kept = list(findings)
    for index, finding in enumerate(findings):
        if finding.evidence.start not in same_place or not is_unplaced(finding):
            continue
        place = _place_before(findings, finding)
        if place is not None:
            kept[index] = replace(finding, place=place, country=finding.country or place.country)
    return kept


def _says_same_place(sent: Span) -> bool:
    """ "in the same city", "at the same market": "same" on a place noun."""
    return any(t.lower_ in SAME_WORDS and is_place_noun(t.head) for t in sent)


def _place_before(findings: Sequence[EventFinding], finding: EventFinding) -> EntityRef | None:
    before = [
        f for f in findings
        if f.evidence.end <= finding.evidence.start and f.place is not None
        and not is_unplaced(f) and finding.country in (None, f.place.country)
    ]  # fmt: skip
    return max(before, key=lambda f: f.evidence.end).place if before else None
