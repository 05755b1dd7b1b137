"""Export from a store, import into an empty one, export again: the same facts and sources."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mosaic.api.sample import REPORTS, claim_statement
from mosaic.exchange.formats import EXPORT_FORMATS
from mosaic.exchange.importing import write_batch
from mosaic.exchange.imports import IMPORT_FORMATS
from mosaic.exchange.snapshot import ExportFilter, Snapshot, take_snapshot
from mosaic.model import EventType, Marking, SubjectKind, Tlp
from mosaic.store.ports import Repository

from .conftest import StoreFactory

WITH_RELATIONS = ["stix", "misp", "ftm"]
EVENTS_ONLY = ["csv-gtd", "csv-acled", "geojson"]
NETWORKS = ["graphml", "gexf"]


def _events(snapshot: Snapshot) -> set[tuple[Any, ...]]:
    found = set()
    for e in snapshot.events:
        place = snapshot.entity(e.place_id)
        where = (place.name, place.country, place.latitude, place.longitude) if place else None
        found.add(
            (e.type, e.attack_type, e.date, e.date_end, e.country, where,
             tuple(sorted(snapshot.names(e.perpetrators))), e.perpetrator_status,
             e.targets, e.killed, e.wounded, e.marking.tlp)
        )  # fmt: skip
    return found


def _relations(snapshot: Snapshot) -> set[tuple[Any, ...]]:
    return {
        (r.type, *snapshot.names((r.subject_id, r.object_id)), r.start, r.end, r.marking.tlp)
        for r in snapshot.relations
    }


def _sources(snapshot: Snapshot) -> set[tuple[Any, ...]]:
    return {(r.title, r.publisher, r.published, r.url) for r in snapshot.reports()}


def _statements(snapshot: Snapshot) -> set[tuple[Any, ...]]:
    """Each statement by the fact it is about, its value, sentence, quote and source."""
    facts = {e.id: ("event", e.date, e.type) for e in snapshot.events}
    facts |= {
        r.id: ("relation", *snapshot.names((r.subject_id, r.object_id))) for r in snapshot.relations
    }
    return {
        (facts[subject], c.statement.prop, c.statement.value, c.statement.sentence,
         c.statement.attributed_to, c.report.title if c.report else None)
        for subject, citations in snapshot.citations.items()
        for c in citations
    }  # fmt: skip


def _quote_police(repo: Repository) -> None:
    """A statement the report attributes to someone: who is quoted must survive too."""
    claim = (3, SubjectKind.EVENT, "ev-wagah", "killed", 60, "Police said")
    quoted = replace(claim_statement(REPORTS[3], claim), attributed_to="Police")
    with repo.transaction():
        repo.add_statements([quoted])


def _mark(repo: Repository) -> None:
    """An AMBER event and a RED relation: their labels must survive the trip."""
    event, relation = repo.get_event("ev-wagah"), repo.get_relation("rel-leader")
    assert event is not None and relation is not None
    with repo.transaction():
        repo.save_event(replace(event, marking=Marking(tlp=Tlp.AMBER)))
        repo.save_relation(replace(relation, marking=Marking(tlp=Tlp.RED)))


def _trip(repo: Repository, name: str, new_store: StoreFactory, tmp_path: Path) -> Repository:
    text = EXPORT_FORMATS[name].write(take_snapshot(repo, ExportFilter()))
    path = tmp_path / f"trip{len(list(tmp_path.iterdir()))}{EXPORT_FORMATS[name].suffix}"
    path.write_text(text, encoding="utf-8")
    other = new_store()
    write_batch(other, IMPORT_FORMATS[name](text, str(path)), path, text)
    return other


@pytest.mark.parametrize("name", WITH_RELATIONS)
def test_round_trip_keeps_events_relations_figures_sentences_and_sources(
    sample_repo: Repository, new_store: StoreFactory, tmp_path: Path, name: str
) -> None:
    _quote_police(sample_repo)
    _mark(sample_repo)
    before = take_snapshot(sample_repo, ExportFilter())
    imported = _trip(sample_repo, name, new_store, tmp_path)
    once = take_snapshot(imported, ExportFilter())
    assert ("Police", "Wagah toll rises") in {(s[4], s[5]) for s in _statements(once)}
    assert {(e.type, e.marking.tlp) for e in once.events} >= {(EventType.ATTACK, Tlp.AMBER)}
    file_report = max(imported.list_reports(), key=lambda r: len(r.text))
    assert file_report.marking.tlp is Tlp.RED  # the file holds the RED relation
    assert _events(once) == _events(before)
    assert _relations(once) == _relations(before)
    assert _sources(once) == _sources(before)
    assert _statements(once) == _statements(before)
    twice_repo = _trip(_trip(sample_repo, name, new_store, tmp_path), name, new_store, tmp_path)
    twice = take_snapshot(twice_repo, ExportFilter())
    assert (_events(twice), _relations(twice), _statements(twice)) == (
        _events(before),
        _relations(before),
        _statements(before),
    )


@pytest.mark.parametrize("name", EVENTS_ONLY)
def test_round_trip_of_tables_keeps_events_figures_and_sources(
    sample_repo: Repository, new_store: StoreFactory, tmp_path: Path, name: str
) -> None:
    before = take_snapshot(sample_repo, ExportFilter())
    once = take_snapshot(_trip(sample_repo, name, new_store, tmp_path), ExportFilter())
    assert _events(once) == _events(before)
    assert _sources(once) == {
        s for s in _sources(before) if s[0] != "New faction splits from the TTP"
    }
    twice = take_snapshot(
        _trip(_trip(sample_repo, name, new_store, tmp_path), name, new_store, tmp_path),
        ExportFilter(),
    )
    assert (_events(twice), _sources(twice)) == (_events(once), _sources(once))


def test_round_trip_of_geojson_keeps_sentences_and_quotes(
    sample_repo: Repository, new_store: StoreFactory, tmp_path: Path
) -> None:
    _quote_police(sample_repo)
    before = take_snapshot(sample_repo, ExportFilter(with_relations=False))
    once = take_snapshot(_trip(sample_repo, "geojson", new_store, tmp_path), ExportFilter())
    assert _statements(once) == _statements(before)


@pytest.mark.parametrize("name", NETWORKS)
def test_round_trip_of_networks_keeps_relations_and_their_dates(
    sample_repo: Repository, new_store: StoreFactory, tmp_path: Path, name: str
) -> None:
    before = take_snapshot(sample_repo, ExportFilter())
    once = take_snapshot(_trip(sample_repo, name, new_store, tmp_path), ExportFilter())
    assert _relations(once) == _relations(before)
    twice = take_snapshot(
        _trip(_trip(sample_repo, name, new_store, tmp_path), name, new_store, tmp_path),
        ExportFilter(),
    )
    assert _relations(twice) == _relations(before)
