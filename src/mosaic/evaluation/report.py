"""Plain-text and JSON reports of an evaluation: per-document detail, then the summary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from mosaic.evaluation.names import as_name, as_name_list
from mosaic.evaluation.perpetrators import ExtraPerpetrator, PerpetratorCounts
from mosaic.evaluation.places import PlaceError, PlaceScores
from mosaic.evaluation.scoring import (
    DocumentScore,
    EvaluationResult,
    EventScores,
    ItemNote,
    MatchCounts,
    RelationScores,
    SlotError,
    SlotScore,
)

_EVIDENCE_WIDTH = 100


def render_table(result: EvaluationResult) -> str:
    """The per-document table with misses, extras, wrong slots, extra perpetrators and wrong
    place mentions, then slot accuracy, perpetrator names and place-mention figures (where the
    output has mentions), then the summary; the last three lines are event P/R/F1, relation
    P/R/F1 and the headline.
    """
    lines = [_document_header()]
    for document in result.documents:
        lines.extend(_document_lines(document))
    lines.append("")
    lines.extend(_slot_lines(result))
    lines.extend(_place_lines(result.places))
    lines.append("")
    lines.append(_summary_line("events", result.events))
    lines.append(_summary_line("relations", result.relations))
    lines.append(f"headline   {result.headline:.3f}  (mean of event F1 and relation F1)")
    return "\n".join(lines)


def to_json(result: EvaluationResult) -> dict[str, Any]:
    """The whole result as plain JSON values: summary figures and per-document detail."""
    return {
        "headline": result.headline,
        "events": _event_json(result.events),
        "relations": _relation_json(result.relations),
        "places": _places_json(result.places),
        "documents": [_document_json(document) for document in result.documents],
    }


def describe(kind: str, item: Mapping[str, Any]) -> str:
    """One line naming an item's key fields, e.g. "attack/bombing 2015-08 PK Attock by IS"."""
    if kind == "relation":
        return _describe_relation(item)
    parts = [str(item.get("type", "?"))]
    if item.get("attack_type"):
        parts[0] += f"/{item['attack_type']}"
    parts.append(str(item.get("date") or "no-date"))
    parts.extend(str(item[key]) for key in ("country",) if item.get(key))
    parts.extend(as_name(item.get("place"))[:1])
    perpetrators = [name[0] for name in as_name_list(item.get("perpetrators"))]
    if perpetrators:
        parts.append("by " + ", ".join(perpetrators))
    parts.extend(f"{key}={item[key]}" for key in ("killed", "wounded") if key in item)
    return " ".join(parts)


def _describe_relation(item: Mapping[str, Any]) -> str:
    subject = (as_name(item.get("subject")) or ["?"])[0]
    obj = (as_name(item.get("object")) or ["?"])[0]
    dates = " ".join(str(item[key]) for key in ("date", "date_end") if item.get(key))
    return f"{item.get('type', '?')} {subject} -> {obj} {dates}".rstrip()


def _document_header() -> str:
    return f"{'document':<16} {'events P/R/F1':>20}   {'relations P/R/F1':>20}"


def _prf(counts: MatchCounts) -> str:
    return f"{counts.precision:.2f}/{counts.recall:.2f}/{counts.f1:.2f}"


def _document_lines(document: DocumentScore) -> list[str]:
    lines = [f"{document.doc_id:<16} {_prf(document.events):>20}   {_prf(document.relations):>20}"]
    lines.extend(_note_line("missed", note) for note in document.missed)
    lines.extend(_note_line("spurious", note) for note in document.spurious)
    lines.extend(_error_line(error) for error in document.slot_errors)
    lines.extend(_extra_line(extra) for extra in document.extra_perpetrators)
    lines.extend(_place_error_line(error) for error in document.places.errors)
    return lines


def _note_line(label: str, note: ItemNote) -> str:
    line = f"  {label:<9}{note.kind} #{note.index}: {describe(note.kind, note.item)}"
    return line + _quote(note.evidence)


def _error_line(error: SlotError) -> str:
    where = f"{error.kind} #{error.gold_index}~#{error.system_index}"
    line = f"  wrong    {where} {error.slot}: gold {error.gold!r}, system {error.system!r}"
    return line + _quote(error.evidence)


def _extra_line(extra: ExtraPerpetrator) -> str:
    where = f"event #{extra.gold_index}~#{extra.system_index}"
    return f"  extra    {where} perpetrator: {extra.name[0]!r} matches no gold perpetrator"


def _quote(evidence: str | None) -> str:
    if not evidence:
        return ""
    width = _EVIDENCE_WIDTH
    short = evidence if len(evidence) <= width else evidence[: width - 3] + "..."
    return f'\n             "{short}"'


def _slot_lines(result: EvaluationResult) -> list[str]:
    slots = {**result.events.slots, "relation date": result.relations.date}
    lines = ["slot accuracy over matched pairs where gold states the slot"]
    for name, score in slots.items():
        figure = f"{score.accuracy:.3f}" if score.total else "  n/a"
        lines.append(f"  {name:<14} {figure}  ({score.correct}/{score.total})")
    return [*lines, _perpetrator_line(result.events.perpetrators)]


def _perpetrator_line(counts: PerpetratorCounts) -> str:
    """Perpetrator names one by one: system names matching gold's, gold names found."""
    return (
        f"  perpetrator names  P {counts.precision:.3f} ({counts.matched}/{counts.system})"
        f"  R {counts.recall:.3f} ({counts.found}/{counts.gold})"
    )


def _place_error_line(error: PlaceError) -> str:
    gold = f"gold {error.gold_country} {error.gold_names[0]}"
    return (
        f"  place    {error.text!r} @{error.start} {error.problem}: {gold}, system {error.system}"
    )


_PLACE_LEVELS = (("as place", "as_place"), ("country", "country"), ("place", "place"))


def _place_lines(scores: PlaceScores) -> list[str]:
    if not scores.mentions:
        return []
    lines = ["", "place mentions: namings of gold event places whose country gold states"]
    for label, level in _PLACE_LEVELS:
        count = getattr(scores, level)
        lines.append(f"  {label:<14} {scores.share(level):.3f}  ({count}/{scores.mentions})")
    return lines


def _places_json(scores: PlaceScores) -> dict[str, Any]:
    shares = {f"{level}_share": scores.share(level) for _, level in _PLACE_LEVELS}
    return {**asdict(scores), **shares}


def _summary_line(label: str, counts: MatchCounts) -> str:
    figures = f"P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}"
    return f"{label:<10} {figures}  (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"


def _counts_json(counts: MatchCounts) -> dict[str, Any]:
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "system": counts.system,
        "gold_required": counts.gold_required,
        "gold_optional": counts.gold_optional,
        "matched_required": counts.matched_required,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


def _slot_json(score: SlotScore) -> dict[str, Any]:
    return {"correct": score.correct, "total": score.total, "accuracy": score.accuracy}


def _event_json(scores: EventScores) -> dict[str, Any]:
    slots = {name: _slot_json(score) for name, score in scores.slots.items()}
    perpetrators = {
        **asdict(scores.perpetrators),
        "precision": scores.perpetrators.precision,
        "recall": scores.perpetrators.recall,
    }
    return {**_counts_json(scores), "slots": slots, "perpetrator_names": perpetrators}


def _relation_json(scores: RelationScores) -> dict[str, Any]:
    return {**_counts_json(scores), "date": _slot_json(scores.date)}


def _note_json(note: ItemNote) -> dict[str, Any]:
    summary = describe(note.kind, note.item)
    return {"kind": note.kind, "index": note.index, "summary": summary, "evidence": note.evidence}


def _document_json(document: DocumentScore) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "events": _event_json(document.events),
        "relations": _relation_json(document.relations),
        "event_pairs": [list(pair) for pair in document.event_pairs],
        "relation_pairs": [list(pair) for pair in document.relation_pairs],
        "missed": [_note_json(note) for note in document.missed],
        "spurious": [_note_json(note) for note in document.spurious],
        "slot_errors": [asdict(error) for error in document.slot_errors],
        "extra_perpetrators": [asdict(extra) for extra in document.extra_perpetrators],
        "places": _places_json(document.places.scores),
        "place_errors": [asdict(error) for error in document.places.errors],
    }
