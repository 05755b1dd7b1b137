"""FollowTheMoney entities built with the followthemoney model, as Aleph exports them."""

from __future__ import annotations

import json
from pathlib import Path

from followthemoney import model

from mosaic.exchange.ftm_import import read_ftm
from mosaic.exchange.importing import write_batch
from mosaic.model import Count, EntityKind, RelationType, SubjectKind
from mosaic.store.ports import EventQuery
from support.memory import MemoryRepository


def _entities() -> str:
    group = model.make_entity("Organization")
    group.id = "org-1"
    group.add("name", "Lashkar-e-Taiba")
    group.add("alias", "LeT")
    group.add("country", "pk")
    leader = model.make_entity("Person")
    leader.id = "person-1"
    leader.add("name", "Hafiz Saeed")
    membership = model.make_entity("Membership")
    membership.id = "member-1"
    membership.add("member", "person-1")
    membership.add("organization", "org-1")
    membership.add("role", "founder")
    membership.add("startDate", "1990")
    article = model.make_entity("Article")
    article.id = "article-1"
    article.add("title", "Mumbai attacks")
    article.add("publishedAt", "2008-11-30")
    event = model.make_entity("Event")
    event.id = "event-1"
    event.add("name", "Mumbai attacks")
    event.add("date", "2008-11-26")
    event.add("organizer", "org-1")
    event.add("notes", "killed: 166")
    doc = model.make_entity("Documentation")
    doc.id = "doc-1"
    doc.add("document", "article-1")
    doc.add("entity", "event-1")
    doc.add("summary", "Gunmen from Lashkar-e-Taiba attacked Mumbai.")
    made = (group, leader, membership, article, event, doc)
    return "".join(json.dumps(e.to_dict()) + "\n" for e in made)


def test_ftm_import_reads_model_entities() -> None:
    batch = read_ftm(_entities(), "aleph.ftm.json")
    assert batch.entities["org-1"].aliases == ("LeT",)
    assert batch.entities["person-1"].kind is EntityKind.PERSON
    membership = batch.relations["member-1"]
    assert membership.type is RelationType.MEMBER_OF
    assert membership.start is not None and membership.start.iso() == "1990"
    event = batch.events["event-1"]
    assert event.killed == Count.exactly(166)
    assert event.perpetrators == ("org-1",)


def test_ftm_import_sources_the_event_to_its_article(tmp_path: Path) -> None:
    repo = MemoryRepository()
    text = _entities()
    write_batch(repo, read_ftm(text, "x"), tmp_path / "aleph.ftm.json", text)
    [event] = repo.find_events(EventQuery())
    [statement] = repo.statements_about(SubjectKind.EVENT, event.id)
    report = repo.get_report(statement.report_id)
    assert report is not None and report.title == "Mumbai attacks"
    assert statement.sentence == "Gunmen from Lashkar-e-Taiba attacked Mumbai."
