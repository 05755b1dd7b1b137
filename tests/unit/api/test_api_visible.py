"""The VisibleRepository hides what the policy forbids, everywhere it could leak."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mosaic.analysis.network import network_as_of
from mosaic.api.sample import build_sample
from mosaic.api.visible import VisibleRepository
from mosaic.model import Count, Marking, Report, SubjectKind, Tlp, Visibility
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import EventQuery
from support.memory import MemoryRepository

SECRET = Marking("partner", Tlp.RED)
OURS = AccessPolicy("ours")


def _mark_statements(repo: MemoryRepository, event_id: str, marking: Marking, text: str) -> None:
    """Give the statements about the event whose sentence contains `text` a new marking."""
    about = repo.statements_about(SubjectKind.EVENT, event_id)
    repo.add_statements([replace(s, marking=marking) for s in about if text in s.sentence])


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
    _mark_statements(repo, "ev-wagah", SECRET, "")
    return repo


def test_visible_hides_records_the_rule_hides() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), OURS)
    assert visible.get_entity("jua") is None
    assert visible.get_event("ev-wagah") is None
    assert "jua" not in {e.id for e in visible.search_entities("a", limit=50)}
    assert "ev-wagah" not in {e.id for e in visible.find_events(EventQuery())}
    assert visible.count_events(EventQuery()) == len(visible.find_events(EventQuery()))


def test_visible_drops_relations_to_hidden_entities() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), OURS)
    network = network_as_of(visible, dt.date(2014, 9, 1))
    assert {r.id for r in network.edges} == {"rel-alliance"}
    assert {e.id for e in network.nodes} == {"imu", "ttp"}


def test_visible_unlinks_mentions_of_hidden_entities() -> None:
    repo = _repo_with_secret_group()
    visible = VisibleRepository(repo, OURS)
    report_id = next(r.id for r in repo.list_reports() if r.title == "Bombing at Wagah border")
    linked = {m.text: m.entity_id for m in visible.mentions_in_report(report_id)}
    assert linked == {"Jamaat-ul-Ahrar": None, "Wagah": "wagah"}


def test_visible_local_reader_sees_the_secret() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy.local())
    assert visible.get_entity("jua") is not None
    assert visible.statements_about(SubjectKind.EVENT, "ev-wagah")


def test_visible_bulk_reads_apply_the_readers_visibility() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), OURS)
    assert visible.visibility == Visibility("ours")
    groups = {b.keys[0] for b in visible.event_counts(("group",), EventQuery())}
    assert "jua" not in groups and "ttp" in groups
    points = visible.map_points(EventQuery(), 100)
    assert "ev-wagah" not in {p["properties"]["id"] for p in points}
    nodes = visible.network_json(dt.date(2014, 9, 1))["nodes"]
    assert {n["id"] for n in nodes} == {"imu", "ttp"}
    assert visible.counts()["events"] == visible.count_events(EventQuery())


def test_visible_bulk_reads_refuse_a_wider_visibility() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), OURS)
    with pytest.raises(ValueError, match="not the reader's visibility"):
        visible.relation_years(Visibility("partner"))


def test_visible_local_reader_may_narrow_a_bulk_read() -> None:
    visible = VisibleRepository(_repo_with_secret_group(), AccessPolicy.local())
    assert visible.visibility is None
    narrowed = visible.event_counts(("group",), EventQuery(), Visibility("ours"))
    assert "jua" not in {b.keys[0] for b in narrowed}
    assert "jua" in {b.keys[0] for b in visible.event_counts(("group",), EventQuery())}


def test_visible_reads_by_ids_hide_what_the_policy_hides() -> None:
    repo = _repo_with_secret_group()
    hidden_claim = repo.statements_about(SubjectKind.EVENT, "ev-karachi")[0]
    repo.add_statements([replace(hidden_claim, marking=SECRET)])
    first, second = repo.list_reports(limit=2)
    assert repo.set_marking("report", first.id, SECRET)
    visible = VisibleRepository(repo, OURS)
    assert list(visible.get_entities(["jua", "ttp", "missing"])) == ["ttp"]
    assert list(visible.get_reports([first.id, second.id])) == [second.id]
    about = visible.statements_about_each(SubjectKind.EVENT, ["ev-karachi", "ev-wagah"])
    assert hidden_claim.id not in {s.id for s in about["ev-karachi"]}
    assert about == {i: visible.statements_about(SubjectKind.EVENT, i) for i in about}
    everything = VisibleRepository(repo, AccessPolicy.local())
    assert list(everything.get_entities(["jua", "ttp"])) == ["jua", "ttp"]


def _merged_event_repo() -> MemoryRepository:
    """ev-wagah told by the partner's hidden report (55 killed, by JuA, at Wagah) and by
    one the reader may see (60 killed, nothing else)."""
    repo = MemoryRepository()
    build_sample(repo)
    _mark_statements(repo, "ev-wagah", Marking("partner", Tlp.AMBER), "")
    _mark_statements(repo, "ev-wagah", Marking("ours", Tlp.AMBER), "60 people died")
    return repo


def test_visible_merged_event_shows_only_the_readers_statements() -> None:
    visible = VisibleRepository(_merged_event_repo(), OURS)
    event = visible.get_event("ev-wagah")
    assert event is not None
    assert (event.killed, event.perpetrators, event.place_id, event.date) == (
        Count.exactly(60),
        (),
        None,
        None,
    )
    assert event.marking == Marking("ours", Tlp.AMBER)
    listed = [e for e in visible.find_events(EventQuery()) if e.id == "ev-wagah"]
    assert listed == [event]


def test_visible_merged_event_figures_come_from_the_readers_statements() -> None:
    visible = VisibleRepository(_merged_event_repo(), OURS)
    groups = {b.keys[0]: b.count for b in visible.event_counts(("group",), EventQuery())}
    assert "jua" not in groups
    years = {b.keys[0]: b.count for b in visible.event_counts(("year",), EventQuery())}
    assert years.get(None) == 1  # ev-wagah is undated for this reader
    assert "ev-wagah" not in {p["properties"]["id"] for p in visible.map_points(EventQuery(), 50)}
    assert visible.count_events(EventQuery(participant_ids=("jua",))) == 0


def test_visible_merged_event_each_organisation_sees_its_own_part() -> None:
    visible = VisibleRepository(_merged_event_repo(), AccessPolicy("partner"))
    event = visible.get_event("ev-wagah")
    assert event is not None
    assert (event.killed, event.perpetrators) == (Count.exactly(55), ("jua",))


def test_visible_merged_event_is_whole_where_every_statement_is_visible() -> None:
    repo = _merged_event_repo()
    _mark_statements(repo, "ev-wagah", Marking("ours", Tlp.GREEN), "60 people died")
    whole = repo.get_event("ev-wagah")
    assert VisibleRepository(repo, AccessPolicy("partner")).get_event("ev-wagah") == whole


def test_visible_pages_skip_hidden_records_without_shortening() -> None:
    repo = MemoryRepository()
    hidden = Marking("partner", Tlp.RED)
    for i in range(7):
        repo.add_report(Report(f"report {i}", marking=hidden if i % 2 else Marking()), [])
    visible = VisibleRepository(repo, OURS)
    shown = [r.id for r in visible.list_reports(limit=100)]
    assert len(shown) == 4
    pages = [[r.id for r in visible.list_reports(limit=2, offset=at)] for at in (0, 2, 4)]
    assert pages == [shown[0:2], shown[2:4], []]
