"""Turn one report's findings into entities, events, relations and statements."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from mosaic.model import (
    Entity,
    EntityRef,
    Event,
    EventFinding,
    Mention,
    Relation,
    RelationFinding,
    Report,
    ReportExtraction,
    Statement,
    SubjectKind,
)
from mosaic.model.ids import digest
from mosaic.resolve.entities import link
from mosaic.resolve.events import merge_events, same_event
from mosaic.store.ports import Repository


@dataclass
class StoredFacts:
    """What one report added: counts for the progress display and the summary."""

    mentions: int = 0
    entities: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    merged_events: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)
    statements: int = 0


class EntityLinker:
    """Links refs to entities within one transaction, saving each entity once per report."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._by_ref: dict[EntityRef, Entity] = {}

    def entity_for(self, ref: EntityRef) -> Entity:
        if ref not in self._by_ref:
            stored: dict[str, Entity] = {}
            entity = link(ref, lambda name: self._remember(stored, name))
            if stored.get(entity.id) != entity:  # an entity that gained nothing is not rewritten
                self._repo.save_entity(entity)
            self._by_ref[ref] = entity
        return self._by_ref[ref]

    def _remember(self, stored: dict[str, Entity], name: str) -> list[Entity]:
        """The stored entities named `name`, noted in `stored` by id."""
        found = self._repo.find_entities_by_name(name)
        stored.update((entity.id, entity) for entity in found)
        return found

    def linked_ids(self) -> set[str]:
        return {entity.id for entity in self._by_ref.values()}

    def ids_for(self, refs: Iterable[EntityRef]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.entity_for(ref).id for ref in refs))


def store_findings(repo: Repository, report: Report, extraction: ReportExtraction) -> StoredFacts:
    """Write mentions, events, relations and their statements; the caller holds the transaction."""
    linker = EntityLinker(repo)
    stored = StoredFacts()
    mentions = [_linked_mention(m, ref, linker) for m, ref in extraction.mentions]
    repo.add_mentions(mentions)
    stored.mentions = len(mentions)
    for event_finding in extraction.events:
        _store_event(repo, report, event_finding, linker, stored)
    for relation_finding in extraction.relations:
        _store_relation(repo, report, relation_finding, linker, stored)
    stored.entities = linker.linked_ids()
    return stored


def _linked_mention(mention: Mention, ref: EntityRef | None, linker: EntityLinker) -> Mention:
    if ref is None:
        return mention
    entity_id = linker.entity_for(ref).id
    return Mention(
        report_id=mention.report_id,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        label=mention.label,
        sentence_start=mention.sentence_start,
        sentence_end=mention.sentence_end,
        entity_id=entity_id,
    )


def event_from_finding(report: Report, finding: EventFinding, linker: EntityLinker) -> Event:
    place = linker.entity_for(finding.place) if finding.place else None
    return Event(
        id=digest("event", report.id, finding.evidence.start, finding.type),
        type=finding.type,
        attack_type=finding.attack_type,
        date=finding.date,
        date_end=finding.date_end,
        country=finding.country or (place.country if place else None),
        place_id=place.id if place else None,
        perpetrators=linker.ids_for(finding.perpetrators),
        perpetrator_status=finding.perpetrator_status,
        targets=tuple(ref.name for ref in finding.targets),
        killed=finding.killed,
        wounded=finding.wounded,
        marking=report.marking,
    )


def _store_event(
    repo: Repository,
    report: Report,
    finding: EventFinding,
    linker: EntityLinker,
    stored: StoredFacts,
) -> None:
    event = event_from_finding(report, finding, linker)
    known = _same_stored_event(repo, event)
    if known is not None and known.id != event.id:
        event = merge_events(known, event)
        stored.merged_events.add(event.id)
    repo.save_event(event)
    stored.events.add(event.id)
    statements = event_statements(event.id, report, finding, linker)
    repo.add_statements(statements)
    stored.statements += len(statements)


def _same_stored_event(repo: Repository, event: Event) -> Event | None:
    """The stored event `event` describes too, if any; an undated event never merges
    (`same_event`), so it is spared reading every stored event of its type."""
    if event.date is None:
        return None
    candidates = repo.event_merge_candidates(event.type, event.date.year)
    return next((known for known in candidates if same_event(known, event)), None)


def event_statements(
    event_id: str, report: Report, finding: EventFinding, linker: EntityLinker
) -> list[Statement]:
    """One statement per property the finding states, each with the finding's evidence."""
    values: dict[str, object] = {
        "exists": finding.type.value,
        "attack_type": finding.attack_type.value if finding.attack_type else None,
        "date": finding.date.iso() if finding.date else None,
        "date_end": finding.date_end.iso() if finding.date_end else None,
        "country": finding.country,
        "place": linker.entity_for(finding.place).id if finding.place else None,
        "perpetrators": list(linker.ids_for(finding.perpetrators)) or None,
        "perpetrator_status": finding.perpetrator_status,
        "targets": [ref.name for ref in finding.targets] or None,
        "weapons": list(finding.weapons) or None,
        "killed": finding.killed.to_format() if finding.killed else None,
        "wounded": finding.wounded.to_format() if finding.wounded else None,
    }
    return [
        _statement(SubjectKind.EVENT, event_id, prop, value, report, finding)
        for prop, value in values.items()
        if value is not None
    ]


def _store_relation(
    repo: Repository,
    report: Report,
    finding: RelationFinding,
    linker: EntityLinker,
    stored: StoredFacts,
) -> None:
    subject_id = linker.entity_for(finding.subject).id
    object_id = linker.entity_for(finding.object).id
    if subject_id == object_id:
        return
    relation = _find_relation(repo, finding, subject_id, object_id)
    repo.save_relation(widen(relation, finding))
    stored.relations.add(relation.id)
    values: dict[str, object] = {
        "exists": finding.type.value,
        "start": finding.start.iso() if finding.start else None,
        "end": finding.end.iso() if finding.end else None,
    }
    statements = [
        _statement(SubjectKind.RELATION, relation.id, prop, value, report, finding)
        for prop, value in values.items()
        if value is not None
    ]
    repo.add_statements(statements)
    stored.statements += len(statements)


def _find_relation(
    repo: Repository, finding: RelationFinding, subject_id: str, object_id: str
) -> Relation:
    known = repo.find_relation(finding.type, subject_id, object_id)
    if known is None and finding.type.symmetric:
        known = repo.find_relation(finding.type, object_id, subject_id)
    if known is not None:
        return known
    pair = sorted((subject_id, object_id)) if finding.type.symmetric else [subject_id, object_id]
    return Relation(
        id=digest("relation", finding.type, *pair),
        type=finding.type,
        subject_id=subject_id,
        object_id=object_id,
    )


def widen(relation: Relation, finding: RelationFinding) -> Relation:
    """The relation's period stretched to cover what the finding states."""
    start = relation.start
    if finding.start is not None and (
        start is None or finding.start.first_day() < start.first_day()
    ):
        start = finding.start
    end = relation.end
    if finding.end is not None and (end is None or finding.end.last_day() > end.last_day()):
        end = finding.end
    return Relation(
        id=relation.id,
        type=relation.type,
        subject_id=relation.subject_id,
        object_id=relation.object_id,
        start=start,
        end=end,
        marking=relation.marking,
    )


def _statement(
    kind: SubjectKind,
    subject_id: str,
    prop: str,
    value: object,
    report: Report,
    finding: EventFinding | RelationFinding,
) -> Statement:
    return Statement(
        subject_kind=kind,
        subject_id=subject_id,
        prop=prop,
        value=json.dumps(value, sort_keys=True),
        report_id=report.id,
        start=finding.evidence.start,
        end=finding.evidence.end,
        sentence=finding.evidence.sentence,
        extractor=finding.extractor,
        attributed_to=finding.attributed_to,
        confidence=finding.confidence,
        marking=report.marking,
    )
