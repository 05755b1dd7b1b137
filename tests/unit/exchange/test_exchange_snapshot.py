from __future__ import annotations

import datetime as dt

from mosaic.exchange.snapshot import ExportFilter, Snapshot, take_snapshot, tlp_of
from mosaic.model import EventType, Tlp
from support.memory import MemoryRepository


def test_snapshot_holds_events_relations_entities_and_sources(snapshot: Snapshot) -> None:
    assert [e.id for e in snapshot.events] == ["ev-karachi", "ev-wagah", "ev-peshawar"]
    assert {r.id for r in snapshot.relations} == {"rel-split", "rel-leader", "rel-alliance"}
    assert set(snapshot.entities) == {
        "ttp",
        "imu",
        "jua",
        "khorasani",
        "karachi",
        "wagah",
        "peshawar",
    }
    wagah = {c.report.title for c in snapshot.cited("ev-wagah") if c.report}
    assert wagah == {"Bombing at Wagah border", "Wagah toll rises"}
    assert len(snapshot.reports()) == 5


def test_snapshot_filters_like_mosaic_events(sample_repo: MemoryRepository) -> None:
    selection = ExportFilter(group_id="jua", since=dt.date(2014, 7, 1), type=EventType.ATTACK)
    found = take_snapshot(sample_repo, selection)
    assert [e.id for e in found.events] == ["ev-wagah"]
    assert {r.id for r in found.relations} == {"rel-split", "rel-leader"}


def test_snapshot_as_of_keeps_relations_standing_that_day(sample_repo: MemoryRepository) -> None:
    found = take_snapshot(sample_repo, ExportFilter(as_of=dt.date(2014, 12, 1)))
    assert {r.id for r in found.relations} == {"rel-split", "rel-leader"}


def test_snapshot_label_is_the_most_restrictive(snapshot: Snapshot) -> None:
    assert tlp_of(snapshot) is Tlp.CLEAR
    snapshot.events[0].marking = type(snapshot.events[0].marking)(tlp=Tlp.AMBER)
    assert tlp_of(snapshot) is Tlp.AMBER
