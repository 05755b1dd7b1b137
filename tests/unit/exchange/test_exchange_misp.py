from __future__ import annotations

import json

from pymisp import MISPEvent

from mosaic.exchange.misp import export_misp
from mosaic.exchange.snapshot import Snapshot


def _events(snapshot: Snapshot) -> list[MISPEvent]:
    loaded = []
    for item in json.loads(export_misp(snapshot))["response"]:
        event = MISPEvent()
        event.load(item)
        loaded.append(event)
    return loaded


def test_misp_events_load_in_pymisp_one_per_event_and_one_for_relations(
    snapshot: Snapshot,
) -> None:
    events = _events(snapshot)
    assert len(events) == 4
    assert events[-1].info == "Mosaic relations"


def test_misp_event_has_tlp_galaxy_tags_and_distribution(snapshot: Snapshot) -> None:
    karachi = _events(snapshot)[0]
    tags = {tag.name for tag in karachi.tags}
    assert "tlp:clear" in tags
    assert 'misp-galaxy:threat-actor="Tehrik-i-Taliban Pakistan"' in tags
    assert karachi.distribution == 3
    assert [(a.type, a.value, a.comment) for a in karachi.attributes] == [
        ("counter", "28", "killed")
    ]


def test_misp_annotation_refers_to_its_report(snapshot: Snapshot) -> None:
    wagah = _events(snapshot)[1]
    reports = {o.uuid: o for o in wagah.objects if o.name == "report"}
    notes = [o for o in wagah.objects if o.name == "annotation"]
    died = next(
        n for n in notes if "60 people died" in n.get_attributes_by_relation("text")[0].value
    )
    title = reports[died.references[0].referenced_uuid].get_attributes_by_relation("title")[0]
    assert title.value == "Wagah toll rises"


def test_misp_relation_is_a_reference_with_its_dates(snapshot: Snapshot) -> None:
    relations = _events(snapshot)[-1]
    references = [r for o in relations.objects for r in o.references]
    alliance = next(r for r in references if r.relationship_type == "alliance")
    assert json.loads(alliance.comment)["end"] == "2014-10"
