"""Turn one report's findings into entities, events, relations and statements."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from mosaic.model import (
    LOCAL_ORGANISATION,
    Entity,
    EntityKind,
    EntityRef,
    Event,
    EventFinding,
    Marking,
    Mention,
    Relation,
    RelationFinding,
    Report,
    ReportExtraction,
    Statement,
    StrengthFinding,
    SubjectKind,
    Visibility,
)
from mosaic.model.ids import digest
from mosaic.model.marking import DEFAULT_MARKING
from mosaic.resolve.entities import link
from mosaic.resolve.events import lie_near, merge_events, same_event
from mosaic.resolve.names import match_key
from mosaic.services.report_writes import ReportWrites
from mosaic.store.ports import Repository

NEW_ACTOR_PROP = "new"
"""The property of the statement that says an entity was first seen in a report."""
NEW_ACTOR_KINDS = frozenset({EntityKind.ORGANIZATION})
"""Groups only: every report names people the knowledge base need not hold (officials,
reporters), and a queue full of them would hide the new groups."""
NEW_ACTOR_CONFIDENCE = 0.5


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
    """Links refs to entities within one transaction, saving each entity once per report.

    Name look-ups are answered from what `prefetch` read in one query; the look-ups
    an entity saved since could change are read again.

    A report of an organisation other than the local one (`marking.owner`) links
    a name no gazetteer knows only to entities that organisation may see, and a
    new one becomes its own copy (its id names the owner, its marking is the
    report's); it adds no names to another's entity. So nothing a hidden report
    says reaches another organisation through the entities.
    """

    def __init__(
        self,
        repo: Repository,
        marking: Marking = DEFAULT_MARKING,
        writes: ReportWrites | None = None,
    ) -> None:
        self._repo = repo
        self.writes = writes or ReportWrites(repo)
        """Where the entities it saves are held until the report's end."""
        self._marking = marking
        self._reader = None if marking.owner == LOCAL_ORGANISATION else Visibility(marking.owner)
        self._by_ref: dict[EntityRef, Entity] = {}
        self.created: dict[str, EntityRef] = {}
        """Entities this report brought first, by id: names no gazetteer record or stored
        entity had."""
        self._named: dict[str, list[Entity]] = {}  # by match key
        self._keys_holding: dict[str, set[str]] = {}
        """Entity id -> the match keys in `_named` whose entities include it."""

    def prefetch(self, refs: Iterable[EntityRef]) -> None:
        """Read the stored entities named like any of `refs` at once."""
        names = {match_key(name): name for ref in refs for name in ref.names}
        wanted = [name for key, name in names.items() if key and key not in self._named]
        if wanted:
            self.writes.write_entities()
            found = self._repo.find_entities_by_names(wanted)
            for name in wanted:
                self._note(match_key(name), found[name])

    def entity_for(self, ref: EntityRef) -> Entity:
        if ref not in self._by_ref:
            stored: dict[str, Entity] = {}
            entity = link(ref, lambda name: self._remember(stored, name, ref))
            entity = self._owned(ref, entity, stored)
            if ref.key is None and entity.id not in stored:
                self.created.setdefault(entity.id, ref)
            if stored.get(entity.id) != entity:  # an entity that gained nothing is not rewritten
                self.writes.save_entity(entity)
                self._forget(entity)
            self._by_ref[ref] = entity
        return self._by_ref[ref]

    def _owned(self, ref: EntityRef, entity: Entity, stored: dict[str, Entity]) -> Entity:
        """A new entity as the report's owner's copy; another's entity without new names."""
        if self._reader is None:
            return entity
        known = stored.get(entity.id)
        if known is None:
            if ref.key is not None:
                return entity
            return replace(entity, id=f"{entity.id}@{self._marking.owner}", marking=self._marking)
        return entity if known.marking.owner == self._marking.owner else known

    def _remember(self, stored: dict[str, Entity], name: str, ref: EntityRef) -> list[Entity]:
        """The stored entities named `name` that `ref` may link to, noted in `stored` by id."""
        key = match_key(name)
        if key not in self._named:
            self.writes.write_entities()
            self._note(key, self._repo.find_entities_by_name(name))
        found = [e for e in self._named[key] if self._may_link(ref, e)]
        stored.update((entity.id, entity) for entity in found)
        return found

    def _may_link(self, ref: EntityRef, entity: Entity) -> bool:
        """A gazetteer name links to its record whoever holds it; another name to what the
        report's owner may see."""
        return self._reader is None or ref.key is not None or self._reader.admits(entity.marking)

    def _note(self, key: str, found: list[Entity]) -> None:
        """Keep the stored entities named by `key`."""
        self._named[key] = found
        for entity in found:
            self._keys_holding.setdefault(entity.id, set()).add(key)

    def _forget(self, saved: Entity) -> None:
        """Drop the look-ups whose answer saving `saved` may have changed: its names' and
        those that found it (looked up by id, not by going through every look-up)."""
        stale = {match_key(name) for name in saved.names}
        stale.update(self._keys_holding.get(saved.id, ()))
        for key in stale:
            for entity in self._named.pop(key, ()):
                self._keys_holding[entity.id].discard(key)

    def linked_ids(self) -> set[str]:
        return {entity.id for entity in self._by_ref.values()}

    def ids_for(self, refs: Iterable[EntityRef]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.entity_for(ref).id for ref in refs))


def store_findings(repo: Repository, report: Report, extraction: ReportExtraction) -> StoredFacts:
    """Write mentions, events, relations and their statements; the caller holds the transaction.

    Entities, events and relations are held while the findings are read (`ReportWrites`)
    and written together, before the statements about them.
    """
    writes = ReportWrites(repo)
    linker = EntityLinker(repo, report.marking, writes)
    linker.prefetch(_refs(extraction))
    stored = StoredFacts()
    mentions = [_linked_mention(m, ref, linker) for m, ref in extraction.mentions]
    repo.add_mentions(mentions)
    stored.mentions = len(mentions)
    statements: list[Statement] = []
    for event_finding in extraction.events:
        statements += _store_event(writes, report, event_finding, linker, stored)
    if extraction.relations:
        writes.read_relations_among(_relation_sides(extraction.relations, linker))
    for relation_finding in extraction.relations:
        statements += _store_relation(writes, report, relation_finding, linker, stored)
    statements += [strength_statement(report, f, linker) for f in extraction.strengths]
    statements += new_actor_statements(report, extraction, mentions, linker)
    writes.write(statements)  # nothing above reads statements: they are written together
    stored.statements = len(statements)
    stored.entities = linker.linked_ids()
    return stored


def _refs(extraction: ReportExtraction) -> Iterator[EntityRef]:
    """Every entity reference of the extraction, for the linker to look up at once."""
    yield from (ref for _, ref in extraction.mentions if ref is not None)
    for event in extraction.events:
        yield from (event.place,) if event.place else ()
        yield from event.perpetrators
    for relation in extraction.relations:
        yield from (relation.subject, relation.object)
    yield from (strength.group for strength in extraction.strengths)


def _relation_sides(findings: Sequence[RelationFinding], linker: EntityLinker) -> list[str]:
    """The entities on either side of the findings, linked in the order storing them links
    them (subject, then object, of each in turn)."""
    return [linker.entity_for(ref).id for f in findings for ref in (f.subject, f.object)]


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
    """The event a finding states; a country named as its place is its country only, so that
    another report's town can still be its place (`same_event` compares places)."""
    place = linker.entity_for(finding.place) if finding.place else None
    country = finding.country or (place.country if place else None)
    if finding.place is not None and _is_country(finding.place):
        place = None
    return Event(
        id=digest("event", report.id, finding.evidence.start, finding.type),
        type=finding.type,
        attack_type=finding.attack_type,
        date=finding.date,
        date_end=finding.date_end,
        country=country,
        place_id=place.id if place else None,
        perpetrators=linker.ids_for(finding.perpetrators),
        perpetrator_status=finding.perpetrator_status,
        targets=tuple(ref.name for ref in finding.targets),
        killed=finding.killed,
        wounded=finding.wounded,
        marking=report.marking,
    )


def _is_country(ref: EntityRef) -> bool:
    return ref.key is not None and ref.key.count(":") == 1


def _store_event(
    writes: ReportWrites,
    report: Report,
    finding: EventFinding,
    linker: EntityLinker,
    stored: StoredFacts,
) -> list[Statement]:
    event = event_from_finding(report, finding, linker)
    known = _same_stored_event(writes, event)
    if known is not None and known.id != event.id:
        event = merge_events(known, event)
        event.marking = labelled(event.marking, report.marking)
        stored.merged_events.add(event.id)
    if event != known:  # an event the report adds nothing to is not rewritten
        writes.save_event(event)
    stored.events.add(event.id)
    return event_statements(event.id, report, finding, linker)


def _same_stored_event(writes: ReportWrites, event: Event) -> Event | None:
    """The stored event `event` describes too, if any; an undated event never merges
    (`same_event`), so it is spared reading every stored event of its type."""
    if event.date is None:
        return None
    candidates = writes.event_merge_candidates(event.type, event.date.year)
    places: dict[str, Entity | None] = {}

    def place(entity_id: str) -> Entity | None:
        if entity_id not in places:
            places[entity_id] = writes.get_entity(entity_id)
        return places[entity_id]

    def near(a: str, b: str) -> bool:
        return lie_near(place(a), place(b))

    return next((known for known in candidates if same_event(known, event, near)), None)


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
    figures = {(f.slot, json.dumps(f.count.to_format())) for f in finding.other_figures}
    stated = [
        _statement(SubjectKind.EVENT, event_id, prop, value, report, finding)
        for prop, value in values.items()
        if value is not None and (prop, json.dumps(value)) not in figures
    ]
    return stated + [
        _statement(SubjectKind.EVENT, event_id, figure.slot, figure.count.to_format(), report,
                   replace(finding, evidence=figure.evidence, attributed_to=figure.attributed_to))
        for figure in finding.other_figures
    ]  # fmt: skip


def _store_relation(
    writes: ReportWrites,
    report: Report,
    finding: RelationFinding,
    linker: EntityLinker,
    stored: StoredFacts,
) -> list[Statement]:
    subject_id = linker.entity_for(finding.subject).id
    object_id = linker.entity_for(finding.object).id
    if subject_id == object_id:
        return []
    known = writes.find_relation(finding.type, subject_id, object_id)  # either way if symmetric
    relation = known or _new_relation(finding, subject_id, object_id, report.marking)
    widened = widen(relation, finding)
    widened.marking = labelled(relation.marking, report.marking)
    if widened != known:  # a relation the report adds nothing to is not rewritten
        writes.save_relation(widened)
    stored.relations.add(relation.id)
    values: dict[str, object] = {
        "exists": finding.type.value,
        "start": finding.start.iso() if finding.start else None,
        "end": finding.end.iso() if finding.end else None,
    }
    return [
        _statement(SubjectKind.RELATION, relation.id, prop, value, report, finding)
        for prop, value in values.items()
        if value is not None
    ]


def labelled(fact: Marking, source: Marking) -> Marking:
    """A fact's marking with the label of a new source behind it, if that one is higher: a
    fact is labelled as its most restrictive source. Who sees it is decided by its
    statements (`mosaic.resolve.seen`); the label is what it is shown and exported with."""
    return replace(fact, tlp=source.tlp) if source.tlp.rank > fact.tlp.rank else fact


def _new_relation(
    finding: RelationFinding, subject_id: str, object_id: str, marking: Marking
) -> Relation:
    pair = sorted((subject_id, object_id)) if finding.type.symmetric else [subject_id, object_id]
    return Relation(
        id=digest("relation", finding.type, *pair),
        type=finding.type,
        subject_id=subject_id,
        object_id=object_id,
        marking=marking,
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


def strength_statement(report: Report, finding: StrengthFinding, linker: EntityLinker) -> Statement:
    """A group's number of fighters as one source estimates it: a statement about the group,
    so that every source's estimate stands beside the others'."""
    group_id = linker.entity_for(finding.group).id
    fighters = finding.fighters.to_format()
    return _statement(SubjectKind.ENTITY, group_id, "fighters", fighters, report, finding)


def new_actor_statements(
    report: Report, extraction: ReportExtraction, mentions: Sequence[Mention], linker: EntityLinker
) -> list[Statement]:
    """A "new" statement for each group this report brought first, at its first
    mention (else the first finding naming it), so the review queue shows it as new."""
    evidence = {
        m.entity_id: (m.start, m.end, report.text[m.sentence_start : m.sentence_end])
        for m in reversed(mentions)
        if m.entity_id
    }
    statements = []
    for entity_id, ref in linker.created.items():
        if ref.kind not in NEW_ACTOR_KINDS:
            continue
        where = evidence.get(entity_id) or _finding_evidence(extraction, ref)
        if where is None:
            continue
        start, end, sentence = where
        statements.append(
            Statement(
                subject_kind=SubjectKind.ENTITY,
                subject_id=entity_id,
                prop=NEW_ACTOR_PROP,
                value=json.dumps({"name": ref.name, "kind": ref.kind.value}, sort_keys=True),
                report_id=report.id,
                start=start,
                end=end,
                sentence=sentence,
                extractor=extraction.extractor,
                confidence=NEW_ACTOR_CONFIDENCE,
                marking=report.marking,
            )
        )
    return statements


def _finding_evidence(extraction: ReportExtraction, ref: EntityRef) -> tuple[int, int, str] | None:
    findings: list[EventFinding | RelationFinding] = [
        *(e for e in extraction.events if ref in e.perpetrators),
        *(r for r in extraction.relations if ref in (r.subject, r.object)),
    ]
    if not findings:
        return None
    evidence = findings[0].evidence
    return evidence.start, evidence.end, evidence.sentence


def _statement(
    kind: SubjectKind,
    subject_id: str,
    prop: str,
    value: object,
    report: Report,
    finding: EventFinding | RelationFinding | StrengthFinding,
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
