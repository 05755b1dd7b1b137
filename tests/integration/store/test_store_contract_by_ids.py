"""The Repository contract for reads of many records at once, by id, on each store.

Each must answer as the one-record read would for every id, ids of no record
left out, however many ids are asked (the SQL store splits long id lists).
"""

from __future__ import annotations

import pytest

from mosaic.model import Entity, EntityKind, Relation, Report, Statement, SubjectKind
from mosaic.model import RelationType as R
from mosaic.store.ports import Repository
from mosaic.store.sql.base import IDS_PER_QUERY

MANY = [f"missing-{n}" for n in range(2 * IDS_PER_QUERY + 100)]


def claim(
    subject_id: str,
    prop: str,
    start: int,
    report_id: str = "r-1",
    kind: SubjectKind = SubjectKind.EVENT,
) -> Statement:
    return Statement(
        subject_kind=kind,
        subject_id=subject_id,
        prop=prop,
        value="5",
        report_id=report_id,
        start=start,
        end=start + 5,
        sentence="Five were killed.",
        extractor="mosaic.events.v1",
    )


def spread(first: str, second: str, third: str) -> list[str]:
    """`MANY` with the three ids at its start, past its first split and at its end."""
    return [first, *MANY[:IDS_PER_QUERY], second, *MANY[IDS_PER_QUERY:], third]


@pytest.mark.parametrize("many", [False, True], ids=["few", "many"])
def test_store_get_entities_answers_as_get_entity_does(repo: Repository, many: bool) -> None:
    saved = [
        Entity("grp-b", EntityKind.ORGANIZATION, "Beta Brigade", aliases=("BB",)),
        Entity("pl-q", EntityKind.PLACE, "Quetta", latitude=30.2, longitude=67.0),
        Entity("grp-a", EntityKind.ORGANIZATION, "Alpha Front"),
    ]
    for entity in saved:
        repo.save_entity(entity)
    ids = ["pl-q", "grp-a", "grp-b"]
    asked = spread(*ids) if many else ["pl-q", "nobody", "grp-a", "pl-q", "grp-b"]
    found = repo.get_entities(asked)
    assert list(found) == ids
    assert found == {i: repo.get_entity(i) for i in ids}
    assert repo.get_entities([]) == {}


@pytest.mark.parametrize("many", [False, True], ids=["few", "many"])
def test_store_get_reports_answers_as_get_report_does(repo: Repository, many: bool) -> None:
    saved = [Report(f"Report number {n}.", title=f"Report {n}") for n in range(3)]
    for report in saved:
        repo.add_report(report, list(range(8)))
    ids = [saved[2].id, saved[0].id, saved[1].id]
    found = repo.get_reports(spread(*ids) if many else [ids[0], "none", *ids])
    assert list(found) == ids
    assert found == {i: repo.get_report(i) for i in ids}
    assert repo.get_reports(MANY[:3]) == {}


@pytest.mark.parametrize("many", [False, True], ids=["few", "many"])
def test_store_statements_about_each_answers_as_statements_about_does(
    repo: Repository, many: bool
) -> None:
    repo.add_statements(
        [
            claim("ev-1", "killed", 40, report_id="r-2"),
            claim("ev-1", "date", 5),
            claim("ev-1", "killed", 90),
            claim("ev-2", "killed", 1),
            claim("ev-1", "exists", 0, kind=SubjectKind.RELATION),
        ]
    )
    subjects = ["ev-2", "ev-none", "ev-1"]
    asked = [*MANY, *subjects] if many else subjects
    found = repo.statements_about_each(SubjectKind.EVENT, asked)
    assert set(found) == set(asked)
    for subject in asked:
        assert found[subject] == repo.statements_about(SubjectKind.EVENT, subject)
    assert [s.prop for s in found["ev-1"]] == ["date", "killed", "killed"]
    assert found["ev-none"] == []


@pytest.mark.parametrize("many", [False, True], ids=["few", "many"])
def test_store_relations_among_answers_as_find_relation_does(repo: Repository, many: bool) -> None:
    pledged = [("grp-a", "grp-b"), ("grp-b", "grp-a"), ("grp-a", "grp-c"), ("grp-c", "grp-d")]
    for subject, object_ in pledged:
        repo.save_relation(Relation(f"r-{subject}-{object_}", R.ALLEGIANCE, subject, object_))
    repo.save_relation(Relation("r-rivals", R.RIVALRY, "grp-b", "grp-c"))
    ids = ["grp-a", "grp-b", "grp-c"]
    found = repo.relations_among(spread(*ids) if many else ids)
    assert [r.id for r in found] == sorted(
        ["r-grp-a-grp-b", "r-grp-b-grp-a", "r-grp-a-grp-c", "r-rivals"]
    )
    for relation in found:
        assert relation == repo.find_relation(
            relation.type, relation.subject_id, relation.object_id
        )
    assert repo.relations_among(["grp-d"]) == [] and repo.relations_among([]) == []
