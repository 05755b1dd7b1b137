"""The Repository contract: every test runs against each store (see conftest's `repo`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mosaic.errors import NotFoundError, StoreError
from mosaic.model import (
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    Mention,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.store.ports import EventQuery, NearDuplicate, Repository

SECRET = Marking(owner="partner", tlp=Tlp.AMBER)


def report(text: str = "Gunmen attacked a police post.", **fields: Any) -> Report:
    return Report(text=text, **fields)


def entity(id: str, name: str, *aliases: str, **fields: Any) -> Entity:
    fields.setdefault("kind", EntityKind.ORGANIZATION)
    return Entity(id=id, name=name, aliases=aliases, **fields)


def event(id: str, date: str | None = None, **fields: Any) -> Event:
    fields.setdefault("type", EventType.ATTACK)
    return Event(id=id, date=FuzzyDate.parse(date) if date else None, **fields)


def relation(id: str, start: str | None, end: str | None, **fields: Any) -> Relation:
    fields.setdefault("type", RelationType.ALLEGIANCE)
    fields.setdefault("subject_id", "grp-a")
    fields.setdefault("object_id", "grp-b")
    return Relation(
        id=id,
        start=FuzzyDate.parse(start) if start else None,
        end=FuzzyDate.parse(end) if end else None,
        **fields,
    )


def statement(value: str = "5", start: int = 0, **fields: Any) -> Statement:
    defaults: dict[str, Any] = {
        "subject_kind": SubjectKind.EVENT,
        "subject_id": "ev-1",
        "prop": "killed",
        "report_id": "r-1",
        "end": start + 10,
        "sentence": "Five people were killed.",
        "extractor": "mosaic.events.v1",
    }
    return Statement(value=value, start=start, **(defaults | fields))


# reports, near duplicates, mentions


def test_store_report_round_trip(repo: Repository) -> None:
    original = report(
        title="Attack",
        url="https://example.org/a",
        publisher="Example News",
        published=dt.date(2016, 1, 13),
        source_path="reports/a.html",
        media_type="text/html",
        original=b"<p>\x00\xff</p>",
        marking=SECRET,
    )
    repo.add_report(original, [3, 1, 2])
    assert repo.get_report(original.id) == original
    assert repo.has_report(original.content_hash)
    assert not repo.has_report("0" * 64)
    assert repo.get_report("missing") is None


def test_store_add_report_twice_keeps_one_and_updates(repo: Repository) -> None:
    repo.add_report(report(title="First"), [1])
    repo.add_report(report(title="Second"), [2])
    stored = repo.list_reports()
    assert [r.title for r in stored] == ["Second"]
    assert list(repo.iter_minhashes()) == [(stored[0].id, (2,))]
    assert repo.counts()["reports"] == 1


def test_store_list_reports_newest_first_and_paged(repo: Repository) -> None:
    texts = [f"Report number {n}." for n in range(5)]
    for text in texts:
        repo.add_report(report(text), [len(text)])
    listed = [r.text for r in repo.list_reports(limit=2, offset=1)]
    assert listed == [texts[3], texts[2]]
    assert dict(repo.iter_minhashes()) == {report(t).id: (len(t),) for t in texts}


def test_store_near_duplicates_are_undirected_and_idempotent(repo: Repository) -> None:
    first, second, third = (report(f"Text {n}.") for n in range(3))
    for item in (first, second, third):
        repo.add_report(item, [])
    repo.link_near_duplicate(NearDuplicate(first.id, second.id, 0.8))
    repo.link_near_duplicate(NearDuplicate(second.id, first.id, 0.9))
    repo.link_near_duplicate(NearDuplicate(third.id, first.id, 0.95))
    assert repo.near_duplicates_of(first.id) == [
        NearDuplicate(first.id, third.id, 0.95),
        NearDuplicate(first.id, second.id, 0.9),
    ]
    assert repo.near_duplicates_of(second.id) == [NearDuplicate(second.id, first.id, 0.9)]


def test_store_mentions_by_position_and_replaced_by_span(repo: Repository) -> None:
    item = report()
    repo.add_report(item, [])
    later = Mention(item.id, 20, 26, "police", "NORP", 0, 30)
    first = Mention(item.id, 0, 6, "Gunmen", "NORP", 0, 30)
    repo.add_mentions([later, first])
    repo.add_mentions([Mention(item.id, 0, 6, "Gunmen", "ORG", 0, 30, entity_id="grp-a")])
    found = repo.mentions_in_report(item.id)
    assert [(m.start, m.label, m.entity_id) for m in found] == [
        (0, "ORG", "grp-a"),
        (20, "NORP", None),
    ]
    assert found[1] == later
    assert repo.counts()["mentions"] == 2


def test_store_mention_of_unknown_report_fails(repo: Repository) -> None:
    with pytest.raises(StoreError):
        repo.add_mentions([Mention("nope", 0, 1, "x", "ORG", 0, 1)])
    assert repo.counts()["mentions"] == 0


# entities


def test_store_entity_round_trip(repo: Repository) -> None:
    place = entity(
        "place:pk:peshawar",
        "Peshawar",
        "Pekhawar",
        kind=EntityKind.PLACE,
        external_ids={"geonames": "1168197", "wikidata": "Q1113311"},
        country="PK",
        latitude=34.008,
        longitude=71.578,
        description="Capital of Khyber Pakhtunkhwa.",
        marking=SECRET,
    )
    repo.save_entity(place)
    assert repo.get_entity(place.id) == place
    assert repo.get_entity("missing") is None


def test_store_save_entity_twice_updates_and_rewrites_names(repo: Repository) -> None:
    repo.save_entity(entity("org:iskp", "Islamic State Khorasan", "ISIS-K"))
    repo.save_entity(entity("org:iskp", "Islamic State Khorasan Province", "ISKP"))
    assert repo.counts()["entities"] == 1
    assert repo.get_entity("org:iskp") == entity(
        "org:iskp", "Islamic State Khorasan Province", "ISKP"
    )
    assert repo.find_entities_by_name("ISIS K") == []
    assert [e.id for e in repo.find_entities_by_name("iskp")] == ["org:iskp"]


def test_store_find_entities_by_name_uses_match_key(repo: Repository) -> None:
    repo.save_entity(entity("org:aq", "al-Qaida", "Al Qaeda"))
    repo.save_entity(entity("person:aq", "Al Qaida", kind=EntityKind.PERSON))
    repo.save_entity(entity("org:ttp", "Tehreek-i-Taliban Pakistan", "TTP"))
    assert {e.id for e in repo.find_entities_by_name("AL-QAIDA")} == {"org:aq", "person:aq"}
    assert [e.id for e in repo.find_entities_by_name("alqaeda")] == ["org:aq"]
    assert repo.find_entities_by_name("The") == []
    assert repo.find_entities_by_name("Lashkar") == []


def test_store_find_entities_by_names_answers_each_name_as_one_lookup_would(
    repo: Repository,
) -> None:
    repo.save_entity(entity("org:aq", "al-Qaida", "Al Qaeda", "Al-Qaeda"))
    repo.save_entity(entity("person:aq", "Al Qaida", kind=EntityKind.PERSON))
    repo.save_entity(entity("org:ttp", "Tehreek-i-Taliban Pakistan", "TTP"))
    names = ["AL-QAIDA", "alqaeda", "ttp", "Lashkar", "...", "Al Qaida"]
    found = repo.find_entities_by_names(names)
    assert found == {name: repo.find_entities_by_name(name) for name in names}
    assert [e.id for e in found["alqaeda"]] == ["org:aq"]
    assert [e.id for e in found["AL-QAIDA"]] == ["person:aq", "org:aq"]
    assert found["Lashkar"] == [] and found["..."] == []
    assert repo.find_entities_by_names([]) == {}


def test_store_search_entities_substring_kind_and_limit(repo: Repository) -> None:
    repo.save_entity(entity("org:ttp", "Tehreek-i-Taliban Pakistan", "TTP"))
    repo.save_entity(entity("org:afg", "Taliban", "Islamic Emirate"))
    repo.save_entity(entity("person:x", "Omar Taliban-Khan", kind=EntityKind.PERSON))
    repo.save_entity(entity("org:pct", "100% Group", "Under_score"))
    assert [e.id for e in repo.search_entities("TALIBAN")] == ["person:x", "org:afg", "org:ttp"]
    assert [e.id for e in repo.search_entities("taliban", EntityKind.ORGANIZATION, 1)] == [
        "org:afg"
    ]
    assert [e.id for e in repo.search_entities("emirate")] == ["org:afg"]
    assert [e.id for e in repo.search_entities("0%")] == ["org:pct"]
    assert [e.id for e in repo.search_entities("r_s")] == ["org:pct"]
    assert repo.search_entities("x%y") == []


def test_store_list_entities_by_name_kind_and_page(repo: Repository) -> None:
    for id, name, kind in [
        ("b", "Bravo", EntityKind.ORGANIZATION),
        ("a", "Alpha", EntityKind.ORGANIZATION),
        ("c", "Charlie", EntityKind.PERSON),
        ("d", "Delta", EntityKind.PLACE),
    ]:
        repo.save_entity(entity(id, name, kind=kind))
    assert [e.id for e in repo.list_entities()] == ["a", "b", "c", "d"]
    assert [e.id for e in repo.list_entities(EntityKind.ORGANIZATION, offset=1)] == ["b"]
    assert [e.id for e in repo.list_entities(limit=2, offset=1)] == ["b", "c"]


# statements


def test_store_statement_round_trip_and_idempotent(repo: Repository) -> None:
    claim = statement(attributed_to="police", confidence=0.7, marking=SECRET)
    repo.add_statements([claim, claim])
    repo.add_statements([claim])
    assert repo.get_statement(claim.id) == claim
    assert repo.get_statement("missing") is None
    assert repo.counts()["statements"] == 1


def test_store_statements_about_and_in_report_are_ordered(repo: Repository) -> None:
    toll = statement("7", start=40, report_id="r-2")
    other_toll = statement("5", start=90)
    date = statement('"2016-01-13"', start=5, prop="date")
    elsewhere = statement("1", subject_id="ev-2")
    repo.add_statements([toll, other_toll, date, elsewhere])
    about = repo.statements_about(SubjectKind.EVENT, "ev-1")
    assert [s.id for s in about] == [date.id, other_toll.id, toll.id]
    assert [s.id for s in repo.statements_in_report("r-1")] == [
        elsewhere.id,
        date.id,
        other_toll.id,
    ]
    assert repo.statements_about(SubjectKind.RELATION, "ev-1") == []


def test_store_review_decision_survives_re_adding(repo: Repository) -> None:
    claim = statement()
    repo.add_statements([claim])
    repo.set_statement_status(claim.id, ReviewStatus.CONFIRMED)
    repo.add_statements([statement(confidence=0.5)])
    stored = repo.get_statement(claim.id)
    assert stored is not None
    assert (stored.status, stored.confidence) == (ReviewStatus.CONFIRMED, 0.5)
    fresh = statement("9")
    repo.add_statements([fresh, statement("9", status=ReviewStatus.REJECTED), fresh])
    stored_fresh = repo.get_statement(fresh.id)
    assert stored_fresh is not None and stored_fresh.status is ReviewStatus.REJECTED


def test_store_set_status_of_unknown_statement_fails(repo: Repository) -> None:
    with pytest.raises(NotFoundError):
        repo.set_statement_status("missing", ReviewStatus.REJECTED)


# transactions and figures


def test_store_exception_in_transaction_leaves_nothing(repo: Repository) -> None:
    repo.save_entity(entity("org:kept", "Kept"))
    with pytest.raises(RuntimeError), repo.transaction():
        item = report()
        repo.add_report(item, [1])
        repo.add_mentions([Mention(item.id, 0, 6, "Gunmen", "ORG", 0, 10)])
        repo.save_entity(entity("org:kept", "Renamed"))
        repo.save_entity(entity("org:new", "New"))
        repo.save_event(event("ev-1", "2016", perpetrators=("org:new",)))
        repo.save_relation(relation("rel-1", None, None))
        repo.add_statements([statement()])
        raise RuntimeError("abort")
    assert set(repo.counts().values()) == {0, 1}
    assert repo.counts()["entities"] == 1
    assert repo.find_entities_by_name("Kept")[0].name == "Kept"
    assert repo.find_events(EventQuery(participant_ids=("org:new",))) == []


def test_store_nested_transaction_joins_the_outer(repo: Repository) -> None:
    with pytest.raises(RuntimeError), repo.transaction():
        with repo.transaction():
            repo.save_entity(entity("org:inner", "Inner"))
        assert repo.get_entity("org:inner") is not None
        raise RuntimeError("abort after the inner block ended")
    assert repo.get_entity("org:inner") is None
    with repo.transaction(), repo.transaction():
        repo.save_entity(entity("org:kept", "Kept"))
    assert repo.get_entity("org:kept") is not None


def test_store_counts_every_kind_of_record(repo: Repository) -> None:
    item = report()
    repo.add_report(item, [])
    repo.add_mentions([Mention(item.id, 0, 6, "Gunmen", "ORG", 0, 10)])
    for id, kind in [("o1", EntityKind.ORGANIZATION), ("o2", EntityKind.ORGANIZATION)]:
        repo.save_entity(entity(id, id, kind=kind))
    repo.save_entity(entity("p", "P", kind=EntityKind.PERSON))
    repo.save_entity(entity("x", "X", kind=EntityKind.OTHER))
    repo.save_event(event("ev-1"))
    repo.save_relation(relation("rel-1", None, None))
    repo.add_statements([statement(), statement("6")])
    assert repo.counts() == {
        "reports": 1,
        "mentions": 1,
        "entities": 4,
        "organizations": 2,
        "people": 1,
        "places": 0,
        "events": 1,
        "relations": 1,
        "statements": 2,
    }
