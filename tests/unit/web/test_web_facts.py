"""The event and relation pages' facts: values by property, with the entities they name."""

from __future__ import annotations

from mosaic.analysis.evidence import EvidenceItem
from mosaic.model import Entity, EntityKind, Statement, SubjectKind
from mosaic.web.facts import facts
from support.memory import MemoryRepository


def claim(prop: str, value: str, report_id: str) -> EvidenceItem:
    statement = Statement(
        SubjectKind.EVENT, "ev-1", prop, value, report_id, 0, 5, "Gunmen attacked.", "test"
    )
    return EvidenceItem(statement, None)


def test_facts_link_the_entities_each_value_names() -> None:
    repo = MemoryRepository()
    repo.save_entity(Entity("grp-a", EntityKind.ORGANIZATION, "Alpha Front"))
    repo.save_entity(Entity("pl-q", EntityKind.PLACE, "Quetta"))
    items = [
        claim("perpetrators", '["grp-a", "grp-gone"]', "r-1"),
        claim("perpetrators", '["grp-a"]', "r-2"),
        claim("perpetrators", '["grp-a"]', "r-3"),
        claim("place", '"pl-q"', "r-1"),
        claim("place", "null", "r-2"),
        claim("killed", "5", "r-1"),
    ]
    found = {fact["prop"]: fact for fact in facts(repo, items)}
    perpetrators = found["perpetrators"]
    assert perpetrators["conflict"]
    assert [v["entities"] for v in perpetrators["values"]] == [
        [{"id": "grp-a", "name": "Alpha Front"}],
        [{"id": "grp-a", "name": "Alpha Front"}, {"id": "grp-gone", "name": "grp-gone"}],
    ]
    assert [v["entities"] for v in found["place"]["values"]] == [
        [{"id": "pl-q", "name": "Quetta"}],
        [],
    ]
    assert found["killed"]["values"][0]["entities"] == []
