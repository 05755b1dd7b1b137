"""Precision, recall, F1 and slot accuracy of system output against gold (FORMAT.md, Scoring).

Precision = matched system items / system items; recall = matched non-optional gold items /
non-optional gold items; an optional gold item that is matched counts for precision, and
one that is not is ignored. A ratio with nothing to count (no system items, no required
gold items, no gold values for a slot) is 1.0: nothing was claimed wrongly or missed.
Corpus figures are micro-averaged: counts are summed over documents before dividing.
Beside the slot, perpetrator names are counted one by one over matched event pairs
(`mosaic.evaluation.perpetrators`), so that extra names show as lost precision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mosaic.evaluation.documents import GoldDocument, check_shape
from mosaic.evaluation.matching import match_events, match_relations
from mosaic.evaluation.perpetrators import (
    ExtraPerpetrator,
    PerpetratorCounts,
    count_perpetrators,
)
from mosaic.evaluation.places import PlaceResult, PlaceScores, score_places
from mosaic.evaluation.slots import EVENT_SLOTS, slot_agrees, states

Item = Mapping[str, Any]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _empty_slots(names: Sequence[str]) -> dict[str, SlotScore]:
    return {name: SlotScore() for name in names}


@dataclass
class SlotScore:
    """Matched pairs where gold states a slot (`total`) and the system agrees (`correct`)."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)

    def add(self, other: SlotScore) -> None:
        self.correct += other.correct
        self.total += other.total


@dataclass
class MatchCounts:
    """Counts behind precision and recall; `matched` is the number of matched system items."""

    system: int = 0
    matched: int = 0
    gold_required: int = 0
    matched_required: int = 0
    gold_optional: int = 0

    @property
    def tp(self) -> int:
        return self.matched

    @property
    def fp(self) -> int:
        return self.system - self.matched

    @property
    def fn(self) -> int:
        return self.gold_required - self.matched_required

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.system)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_required, self.gold_required)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add_counts(self, other: MatchCounts) -> None:
        self.system += other.system
        self.matched += other.matched
        self.gold_required += other.gold_required
        self.matched_required += other.matched_required
        self.gold_optional += other.gold_optional


@dataclass
class EventScores(MatchCounts):
    """Event matching counts plus per-slot accuracy and perpetrator names over matched pairs."""

    slots: dict[str, SlotScore] = field(default_factory=lambda: _empty_slots(EVENT_SLOTS))
    perpetrators: PerpetratorCounts = field(default_factory=PerpetratorCounts)

    def add(self, other: EventScores) -> None:
        self.add_counts(other)
        self.perpetrators.add(other.perpetrators)
        for slot, score in other.slots.items():
            self.slots.setdefault(slot, SlotScore()).add(score)


@dataclass
class RelationScores(MatchCounts):
    """Relation matching counts plus date accuracy over matched pairs."""

    date: SlotScore = field(default_factory=SlotScore)

    def add(self, other: RelationScores) -> None:
        self.add_counts(other)
        self.date.add(other.date)


@dataclass
class ItemNote:
    """A gold item nobody found (missed) or a system item matching no gold (spurious)."""

    kind: str  # "event" or "relation"
    index: int  # position in the gold or system list
    item: dict[str, Any]

    @property
    def evidence(self) -> str | None:
        value = self.item.get("evidence")
        return value if isinstance(value, str) else None


@dataclass
class SlotError:
    """A matched pair that disagrees on a slot gold states."""

    kind: str
    gold_index: int
    system_index: int
    slot: str
    gold: Any
    system: Any
    evidence: str | None


@dataclass
class DocumentScore:
    """The scores of one document, with the pairs made and every miss, extra and wrong slot."""

    doc_id: str
    events: EventScores
    relations: RelationScores
    event_pairs: list[tuple[int, int]] = field(default_factory=list)
    relation_pairs: list[tuple[int, int]] = field(default_factory=list)
    missed: list[ItemNote] = field(default_factory=list)
    spurious: list[ItemNote] = field(default_factory=list)
    slot_errors: list[SlotError] = field(default_factory=list)
    extra_perpetrators: list[ExtraPerpetrator] = field(default_factory=list)
    places: PlaceResult = field(default_factory=PlaceResult)


@dataclass
class EvaluationResult:
    """Micro-averaged scores over a corpus, and the per-document detail; `places` counts
    nothing unless the system output carries its "mentions"."""

    events: EventScores
    relations: RelationScores
    documents: list[DocumentScore]
    places: PlaceScores = field(default_factory=PlaceScores)

    @property
    def headline(self) -> float:
        """The mean of event F1 and relation F1."""
        return (self.events.f1 + self.relations.f1) / 2


def score_document(gold: dict[str, Any], system: dict[str, Any]) -> DocumentScore:
    """Match one document's system output to its gold and count (FORMAT.md, Scoring)."""
    doc_id = str(gold.get("doc_id") or system.get("doc_id") or "?")
    check_shape(f"gold {doc_id}", gold)
    check_shape(f"system output {doc_id}", system)
    g_events, s_events = gold.get("events", []), system.get("events", [])
    g_relations, s_relations = gold.get("relations", []), system.get("relations", [])
    result = DocumentScore(doc_id, EventScores(), RelationScores())
    result.event_pairs = match_events(g_events, s_events)
    result.relation_pairs = match_relations(g_relations, s_relations)
    _count(result.events, result.event_pairs, g_events, s_events)
    _count(result.relations, result.relation_pairs, g_relations, s_relations)
    _note_unmatched(result, "event", result.event_pairs, g_events, s_events)
    _note_unmatched(result, "relation", result.relation_pairs, g_relations, s_relations)
    for pair in result.event_pairs:
        for slot in EVENT_SLOTS:
            score = result.events.slots[slot]
            _check_slot(result, "event", score, slot, (g_events[pair[0]], s_events[pair[1]]), pair)
        _count_perpetrators(result, (g_events[pair[0]], s_events[pair[1]]), pair)
    for pair in result.relation_pairs:
        items = (g_relations[pair[0]], s_relations[pair[1]])
        _check_slot(result, "relation", result.relations.date, "date", items, pair)
    return result


def score_corpus(pairs: Sequence[tuple[GoldDocument, dict[str, Any]]]) -> EvaluationResult:
    """Score every (gold, system output) pair and sum the counts over documents."""
    result = EvaluationResult(EventScores(), RelationScores(), [])
    for gold, system in pairs:
        document = score_document(gold.data, system)
        document.doc_id = gold.doc_id
        if "mentions" in system:
            events, source = gold.data.get("events", []), f"system output {gold.doc_id}"
            document.places = score_places(gold.text, events, system["mentions"], source)
            result.places.add(document.places.scores)
        result.events.add(document.events)
        result.relations.add(document.relations)
        result.documents.append(document)
    return result


def _count(
    counts: MatchCounts, pairs: list[tuple[int, int]], gold: list[Item], system: list[Item]
) -> None:
    optional = [bool(item.get("optional")) for item in gold]
    counts.system = len(system)
    counts.matched = len(pairs)
    counts.gold_required = optional.count(False)
    counts.gold_optional = optional.count(True)
    counts.matched_required = sum(not optional[gi] for gi, _ in pairs)


def _note_unmatched(
    result: DocumentScore,
    kind: str,
    pairs: list[tuple[int, int]],
    gold: list[dict[str, Any]],
    system: list[dict[str, Any]],
) -> None:
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    for gi, item in enumerate(gold):
        if gi not in matched_gold and not item.get("optional"):
            result.missed.append(ItemNote(kind, gi, item))
    for si, item in enumerate(system):
        if si not in matched_system:
            result.spurious.append(ItemNote(kind, si, item))


def _check_slot(
    result: DocumentScore,
    kind: str,
    score: SlotScore,
    slot: str,
    items: tuple[Item, Item],
    pair: tuple[int, int],
) -> None:
    expected, got = items
    if not states(expected, slot):
        return
    score.total += 1
    if slot_agrees(slot, expected, got):
        score.correct += 1
        return
    evidence = expected.get("evidence")
    quoted = evidence if isinstance(evidence, str) else None
    error = SlotError(kind, *pair, slot, expected.get(slot), got.get(slot), quoted)
    result.slot_errors.append(error)


def _count_perpetrators(
    result: DocumentScore, items: tuple[Item, Item], pair: tuple[int, int]
) -> None:
    counts, extra = count_perpetrators(*items)
    result.events.perpetrators.add(counts)
    result.extra_perpetrators.extend(ExtraPerpetrator(*pair, name) for name in extra)
