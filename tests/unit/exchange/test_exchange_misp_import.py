"""A MISP event built with PyMISP, as another MISP instance would share it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pymisp import MISPEvent

from mosaic.exchange.importing import write_batch
from mosaic.exchange.misp_import import read_misp
from mosaic.model import AttackType, Count, EntityKind, SubjectKind, Tlp
from mosaic.store.ports import EventQuery
from support.memory import MemoryRepository


def _shared_event() -> str:
    event = MISPEvent()
    event.info = "Suicide attack on police in Quetta"
    event.date = dt.date(2016, 8, 8)
    event.add_tag("tlp:green")
    event.add_tag('misp-galaxy:threat-actor="Jamaat-ul-Ahrar"')
    event.add_attribute("counter", 70, comment="killed")
    place = event.add_object(name="geolocation")
    place.add_attribute("city", value="Quetta")
    place.add_attribute("countrycode", value="PK")
    report = event.add_object(name="report")
    report.add_attribute("title", value="Quetta hospital bombing")
    report.add_attribute("link", value="https://example.org/quetta")
    note = event.add_object(name="annotation")
    note.add_attribute("text", value="Jamaat-ul-Ahrar claimed the attack.")
    note.add_reference(report.uuid, "cites")
    return json.dumps({"Event": json.loads(event.to_json())})


def test_misp_import_reads_a_pymisp_event() -> None:
    batch = read_misp(_shared_event(), "event.json")
    [event] = batch.events.values()
    assert event.killed == Count.exactly(70)
    assert event.marking.tlp is Tlp.GREEN
    assert event.attack_type is None
    assert [batch.entities[p].name for p in event.perpetrators] == ["Jamaat-ul-Ahrar"]
    place = batch.entities[event.place_id or ""]
    assert (place.name, place.kind, place.country) == ("Quetta", EntityKind.PLACE, "PK")
    [claim] = batch.claims
    assert claim.sentence == "Jamaat-ul-Ahrar claimed the attack."
    assert batch.sources[claim.source or ""].title == "Quetta hospital bombing"


def test_misp_import_writes_the_event_with_its_source(tmp_path: Path) -> None:
    repo = MemoryRepository()
    text = _shared_event()
    write_batch(repo, read_misp(text, "x"), tmp_path / "event.json", text)
    [event] = repo.find_events(EventQuery())
    assert event.date is not None and event.date.iso() == "2016-08-08"
    [statement] = repo.statements_about(SubjectKind.EVENT, event.id)
    report = repo.get_report(statement.report_id)
    assert report is not None and report.url == "https://example.org/quetta"
    assert statement.sentence in report.text
    assert event.attack_type is not AttackType.SUICIDE_BOMBING  # MISP did not say which kind
