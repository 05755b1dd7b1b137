"""Tests for hiding part of the gazetteer: which records go, determinism, relations kept valid."""

from __future__ import annotations

import pytest

from mosaic.errors import InputError
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.gazetteer_hiding import hide_actors

SMALL_YAML = """
- {key: org:alpha, name: Alpha Front, kind: organization, category: armed_group}
- {key: org:bravo, name: Bravo Brigade, kind: organization, category: armed_group}
- {key: org:charlie, name: Charlie Army, kind: organization, category: armed_group}
- {key: org:delta-army, name: Delta Army, kind: organization, category: state_force}
- {key: org:delta-government, name: Government of Delta, kind: organization, category: government}
- key: person:echo
  name: Echo Khan
  kind: person
  aliases: [Abu Echo]
  relations:
    - {type: leader_of, object: org:alpha}
    - {type: member_of, object: org:bravo}
"""
HIDEABLE = {"org:alpha", "org:bravo", "org:charlie", "person:echo"}


@pytest.fixture
def gazetteer() -> Gazetteer:
    return Gazetteer.from_yaml_text(SMALL_YAML, "small.yaml")


def test_gazetteer_hiding_takes_the_fraction_of_groups_and_people_only(
    gazetteer: Gazetteer,
) -> None:
    kept, hidden = hide_actors(gazetteer, 0.5, seed=3)
    hidden_keys = {record.key for record in hidden}
    assert len(hidden_keys) == 2 and hidden_keys <= HIDEABLE
    assert {record.key for record in kept.records} == {
        r.key for r in gazetteer.records
    } - hidden_keys
    assert kept.get("org:delta-army") is not None and kept.get("org:delta-government") is not None


def test_gazetteer_hiding_removes_every_name_of_a_hidden_record(gazetteer: Gazetteer) -> None:
    kept, hidden = hide_actors(gazetteer, 1.0)
    assert {record.key for record in hidden} == HIDEABLE
    assert kept.lookup("Abu Echo") == [] and kept.lookup("Echo Khan") == []
    assert not any(p["id"] in HIDEABLE for p in kept.ruler_patterns())


def test_gazetteer_hiding_is_the_same_for_the_same_seed(gazetteer: Gazetteer) -> None:
    runs = {seed: [hide_actors(gazetteer, 0.5, seed)[1] for _ in range(2)] for seed in range(6)}
    assert all(first == second for first, second in runs.values())
    assert len({hidden for hidden, _ in runs.values()}) > 1


def test_gazetteer_hiding_drops_relations_to_hidden_records(gazetteer: Gazetteer) -> None:
    for seed in range(8):
        kept, hidden = hide_actors(gazetteer, 0.5, seed)
        hidden_keys = {record.key for record in hidden}
        echo = kept.get("person:echo")
        if echo is not None:
            objects = {relation.object_key for relation in echo.relations}
            assert objects == {"org:alpha", "org:bravo"} - hidden_keys


def test_gazetteer_hiding_nothing_keeps_every_record(gazetteer: Gazetteer) -> None:
    kept, hidden = hide_actors(gazetteer, 0.0)
    assert hidden == () and kept.records == gazetteer.records


@pytest.mark.parametrize("fraction", [-0.1, 1.5])
def test_gazetteer_hiding_rejects_a_fraction_outside_zero_to_one(
    gazetteer: Gazetteer, fraction: float
) -> None:
    with pytest.raises(InputError, match="between 0 and 1"):
        hide_actors(gazetteer, fraction)
