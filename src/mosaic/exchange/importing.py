"""What an importer reads from a file, and how it becomes records and statements.

Importers parse a file into an `ImportBatch` of drafts keyed by the file's own ids;
`write_batch` gives them Mosaic ids, matches entities to known ones by name, and writes
everything through the repository port. The file itself becomes a report (its text,
its path), so every imported fact has a source; a source the file cites (a STIX report,
a MISP report object, an FtM Article, a GTD citation) becomes a report of its own with
the cited sentences as its text, its title, URL and date, so that provenance survives.
Every statement's extractor is `imported.<format>.v1`. Nothing known is overwritten:
a known entity gains aliases and ids it lacked, a known relation keeps its dates, and
each value the file gives is a statement beside the others. Markings travel: a statement
takes its own (or its fact's) TLP label, a cited source the strictest of what it states,
and the file's report the strictest in the file, since its text holds everything.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from mosaic.ingest.minhash import minhash_signature
from mosaic.model import (
    Entity,
    Event,
    Marking,
    Relation,
    Report,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.model.ids import digest, slugify
from mosaic.store.ports import Repository


@dataclass(frozen=True)
class SourceDraft:
    """A source the file cites: an article, a report, a list."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class ClaimDraft:
    """One value of one fact, from `source` (a key of the batch's sources) or the file."""

    kind: SubjectKind
    subject: str
    prop: str
    value: object
    source: str | None = None
    sentence: str = ""
    quoted: str | None = None
    confidence: float = 1.0
    marking: Marking | None = None
    """None: the marking of the fact it is about."""


@dataclass
class ImportBatch:
    """Drafts keyed by the file's ids: entity, event and relation fields refer to those keys."""

    format: str
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    sources: dict[str, SourceDraft] = field(default_factory=dict)
    claims: list[ClaimDraft] = field(default_factory=list)
    marking: Marking = field(default_factory=Marking)

    def strictest_marking(self) -> Marking:
        """The most restrictive label in the batch: the file's own, since it holds them all."""
        found = [
            self.marking,
            *(e.marking for e in self.entities.values()),
            *(e.marking for e in self.events.values()),
            *(r.marking for r in self.relations.values()),
            *(c.marking for c in self.claims if c.marking is not None),
        ]
        return max(found, key=lambda marking: marking.tlp.rank)


@dataclass
class ImportResult:
    report_id: str
    entities_new: int = 0
    entities_known: int = 0
    events: int = 0
    relations: int = 0
    statements: int = 0
    already: bool = False


def extractor_of(batch: ImportBatch) -> str:
    return f"imported.{batch.format}.v1"


def write_batch(repo: Repository, batch: ImportBatch, path: Path, text: str) -> ImportResult:
    """Write the batch with the file as its report; a file imported before is skipped."""
    file_report = Report(
        text,
        title=f"Imported {batch.format} file {path.name}",
        source_path=str(path),
        media_type="text/plain",
        marking=batch.strictest_marking(),
    )
    result = ImportResult(file_report.id)
    if repo.has_report(file_report.content_hash):
        result.already = True
        return result
    with repo.transaction():
        repo.add_report(file_report, minhash_signature(text))
        writer = _Writer(repo, batch, file_report, result)
        writer.write()
    return result


class _Writer:
    def __init__(
        self, repo: Repository, batch: ImportBatch, file_report: Report, result: ImportResult
    ) -> None:
        self.repo, self.batch, self.file_report, self.result = repo, batch, file_report, result
        self.entity_ids: dict[str, str] = {}
        self.fact_ids: dict[str, str] = {}
        self.entity_claims: list[ClaimDraft] = []

    def write(self) -> None:
        for key, entity in self.batch.entities.items():
            self.entity_ids[key] = self._entity(key, entity)
        for key, event in self.batch.events.items():
            self.fact_ids[key] = self._event(key, event)
        for key, relation in self.batch.relations.items():
            if (relation_id := self._relation(key, relation)) is not None:
                self.fact_ids[key] = relation_id
        self._statements([*self.entity_claims, *self._claims()])

    def _new_id(self, kind: str, key: str) -> str:
        return digest("imported", kind, self.file_report.id, key)

    def _entity(self, key: str, draft: Entity) -> str:
        found = self.repo.find_entities_by_names(draft.names)
        known = [e for n in draft.names for e in found.get(n, []) if e.kind == draft.kind]
        if not known:
            free = slugify(draft.name)
            new_id = free if self.repo.get_entity(free) is None else self._new_id("entity", key)
            self.repo.save_entity(replace(draft, id=new_id))
            self.result.entities_new += 1
            self.entity_claims.append(ClaimDraft(SubjectKind.ENTITY, key, "name", draft.name))
            return new_id
        entity = sorted(known, key=lambda e: (-len(e.names), e.id))[0]
        self.result.entities_known += 1
        self.entity_claims += merge_claims(key, entity, draft)
        merged = merged_entity(entity, draft)
        if merged != entity:
            self.repo.save_entity(merged)
        return entity.id

    def _event(self, key: str, draft: Event) -> str:
        event_id = self._new_id("event", key)
        perpetrators = tuple(self.entity_ids[p] for p in draft.perpetrators if p in self.entity_ids)
        place = self.entity_ids.get(draft.place_id) if draft.place_id else None
        self.repo.save_event(replace(draft, id=event_id, perpetrators=perpetrators, place_id=place))
        self.result.events += 1
        return event_id

    def _relation(self, key: str, draft: Relation) -> str | None:
        subject = self.entity_ids.get(draft.subject_id)
        target = self.entity_ids.get(draft.object_id)
        if subject is None or target is None or subject == target:
            return None
        known = self.repo.find_relation(draft.type, subject, target)
        if known is None:
            known = replace(
                draft, id=self._new_id("relation", key), subject_id=subject, object_id=target
            )
            self.repo.save_relation(known)
        self.result.relations += 1
        return known.id

    def _claims(self) -> list[ClaimDraft]:
        """The file's claims, and an `exists` one from the file for a fact that has none."""
        claimed = {c.subject for c in self.batch.claims}
        missing = [
            ClaimDraft(kind, key, "exists", fact.type.value)
            for kind, facts in (
                (SubjectKind.EVENT, self.batch.events),
                (SubjectKind.RELATION, self.batch.relations),
            )
            for key, fact in facts.items()
            if key not in claimed
        ]
        return [*self.batch.claims, *missing]

    def _statements(self, claims: list[ClaimDraft]) -> None:
        reports = self._source_reports(claims)
        statements = []
        for claim in claims:
            ids = self.entity_ids if claim.kind is SubjectKind.ENTITY else self.fact_ids
            if claim.subject not in ids:
                continue
            statements.append(self._statement(claim, ids[claim.subject], reports))
        self.repo.add_statements(statements)
        self.result.statements += len(statements)

    def _statement(
        self, claim: ClaimDraft, subject_id: str, reports: dict[str, Report]
    ) -> Statement:
        """The claim from its report; its sentence is found in the report's text, and whom it
        quotes is part of its id (one sentence may be stated and quoted)."""
        report = reports.get(claim.source or "", self.file_report)
        start = max(report.text.find(claim.sentence), 0) if claim.sentence else 0
        end = start + len(claim.sentence) if claim.sentence in report.text else start
        value = json.dumps(claim.value, sort_keys=True)
        return Statement(
            claim.kind,
            subject_id,
            claim.prop,
            value,
            report.id,
            start,
            end,
            claim.sentence,
            extractor_of(self.batch),
            attributed_to=claim.quoted,
            confidence=claim.confidence,
            marking=claim.marking or self._marking_of(claim),
            id=digest(claim.kind, subject_id, claim.prop, value, report.id, start, claim.quoted),
        )

    def _marking_of(self, claim: ClaimDraft) -> Marking:
        draft: Entity | Event | Relation | None
        if claim.kind is SubjectKind.ENTITY:
            draft = self.batch.entities.get(claim.subject)
        elif claim.kind is SubjectKind.EVENT:
            draft = self.batch.events.get(claim.subject)
        else:
            draft = self.batch.relations.get(claim.subject)
        return draft.marking if draft is not None else self.batch.marking

    def _source_reports(self, claims: list[ClaimDraft]) -> dict[str, Report]:
        """A report for each cited source: its heading and sentences as text, its title, URL
        and date (two sources citing the same sentence stay two reports)."""
        sentences: dict[str, dict[str, None]] = {}
        for claim in claims:
            if claim.source is not None and claim.source in self.batch.sources:
                sentences.setdefault(claim.source, {})[claim.sentence] = None
        made = {}
        strictest: dict[str, Marking] = {}
        for claim in claims:
            if claim.source in sentences:
                marking = claim.marking or self._marking_of(claim)
                known = strictest.get(claim.source, marking)
                strictest[claim.source] = max(known, marking, key=lambda m: m.tlp.rank)
        for key, found in sentences.items():
            draft = self.batch.sources[key]
            heading = draft.title or draft.url or key
            text = "\n".join([heading, *(s for s in found if s and s != heading)])
            report = Report(
                text,
                title=draft.title,
                url=draft.url,
                publisher=draft.publisher,
                published=draft.published,
                source_path=self.file_report.source_path,
                marking=strictest.get(key, self.batch.marking),
            )
            self.repo.add_report(report, minhash_signature(report.text))
            made[key] = report
        return made


def merge_claims(key: str, known: Entity, draft: Entity) -> list[ClaimDraft]:
    """Statements of what the file says about a known entity: each alias and id it gives."""
    claims = [ClaimDraft(SubjectKind.ENTITY, key, "alias", a) for a in draft.names]
    claims += [
        ClaimDraft(SubjectKind.ENTITY, key, f"id:{scheme}", value)
        for scheme, value in sorted(draft.external_ids.items())
    ]
    return claims


def merged_entity(known: Entity, draft: Entity) -> Entity:
    """The known entity with the draft's new names and ids; nothing it has is replaced."""
    aliases = tuple(dict.fromkeys((*known.aliases, *(n for n in draft.names if n != known.name))))
    ids = {**draft.external_ids, **known.external_ids}
    return replace(
        known,
        aliases=aliases,
        external_ids=ids,
        country=known.country or draft.country,
        latitude=known.latitude if known.latitude is not None else draft.latitude,
        longitude=known.longitude if known.longitude is not None else draft.longitude,
    )


def tlp_named(label: str | None, default: Tlp = Tlp.CLEAR) -> Tlp:
    """A TLP label as formats write it ("TLP:AMBER", "tlp:amber", "amber"); TLP 1.0's
    WHITE is CLEAR."""
    if not label:
        return default
    name = label.strip().upper().removeprefix("TLP:").replace("WHITE", "CLEAR")
    return next((t for t in Tlp if t.value == f"TLP:{name}"), default)
