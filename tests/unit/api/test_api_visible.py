"""The VisibleRepository hides what the policy forbids, everywhere it could leak."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mosaic.analysis.network import network_as_of
from mosaic.api.sample import build_sample
from mosaic.api.visible import VisibleRepository
from mosaic.model import Marking, SubjectKind, Tlp
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import EventQuery, Visibility
from support.memory import MemoryRepository

SECRET = Marking("partner", Tlp.RED)


def _repo_with_secret_group() -> MemoryRepository:
    repo = MemoryRepository()
    build_sample(repo)
    jua = repo.get_entity("jua")
    assert jua is not None
    jua.marking = SECRET
    repo.save_entity(jua)
    wagah = repo.get_event("ev-wagah")
    assert wagah is not None
    wagah.marking = SECRET
    repo.save_event(wagah)
    return repo


def test_visible_hides_records_above_clearance() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy("ours", Tlp.AMBER))
    assert visible.get_entity("jua") is None
    assert visible.get_event("ev-wagah") is None
    assert "jua" not in {e.id for e in visible.search_entities("a", limit=50)}
    assert "ev-wagah" not in {e.id for e in visible.find_events(EventQuery())}


def test_visible_drops_relations_to_hidden_entities() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy("ours", Tlp.AMBER))
    network = network_as_of(visible, dt.date(2014, 9, 1))
    assert {r.id for r in network.edges} == {"rel-alliance"}
    assert {e.id for e in network.nodes} == {"imu", "ttp"}


def test_visible_unlinks_mentions_of_hidden_entities() -> None:
    repo = _repo_with_secret_group()
    visible = VisibleRepository(repo, AccessPolicy("ours", Tlp.AMBER))
    report_id = next(r.id for r in repo.list_reports() if r.title == "Bombing at Wagah border")
    linked = {m.text: m.entity_id for m in visible.mentions_in_report(report_id)}
    assert linked == {"Jamaat-ul-Ahrar": None, "Wagah": "wagah"}


def test_visible_local_reader_sees_the_secret() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy.local())
    assert visible.get_entity("jua") is not None
    assert visible.statements_about(SubjectKind.EVENT, "ev-wagah")


def test_visible_bulk_reads_apply_the_readers_visibility() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy("ours", Tlp.AMBER))
    assert visible.visibility == Visibility("ours", ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER"))
    groups = {b.keys[0] for b in visible.event_counts(("group",), EventQuery())}
    assert "jua" not in groups and "ttp" in groups
    points = visible.map_points(EventQuery(), 100)
    assert "ev-wagah" not in {p["properties"]["id"] for p in points}
    nodes = visible.network_json(dt.date(2014, 9, 1))["nodes"]
    assert {n["id"] for n in nodes} == {"imu", "ttp"}


def test_visible_bulk_reads_refuse_a_wider_visibility() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy("ours", Tlp.AMBER))
    with pytest.raises(ValueError, match="not the reader's visibility"):
        visible.relation_years(Visibility("partner", ("TLP:RED",)))


def test_visible_local_reader_may_narrow_a_bulk_read() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy.local())
    assert visible.visibility is None
    narrowed = visible.event_counts(("group",), EventQuery(), Visibility("ours", ("TLP:CLEAR",)))
    assert "jua" not in {b.keys[0] for b in narrowed}
    assert "jua" in {b.keys[0] for b in visible.event_counts(("group",), EventQuery())}


def test_visible_reads_by_ids_hide_what_the_policy_hides() -> None:
    repo = _repo_with_secret_group()
    hidden_claim = repo.statements_about(SubjectKind.EVENT, "ev-karachi")[0]
    repo.add_statements([replace(hidden_claim, marking=SECRET)])
    first, second = repo.list_reports(limit=2)
    repo.add_report(replace(first, marking=SECRET), [])
    visible = VisibleRepository(repo, AccessPolicy("ours", Tlp.AMBER))
    assert list(visible.get_entities(["jua", "ttp", "missing"])) == ["ttp"]
    assert list(visible.get_reports([first.id, second.id])) == [second.id]
    about = visible.statements_about_each(SubjectKind.EVENT, ["ev-karachi", "ev-wagah"])
    assert hidden_claim.id not in {s.id for s in about["ev-karachi"]}
    assert about == {i: visible.statements_about(SubjectKind.EVENT, i) for i in about}
    everything = VisibleRepository(repo, AccessPolicy.local())
    assert list(everything.get_entities(["jua", "ttp"])) == ["jua", "ttp"]
