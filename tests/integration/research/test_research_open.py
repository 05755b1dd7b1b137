"""`mosaic.open` on a SQLite file holding the sample knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

import mosaic
from mosaic.api.sample import build_sample
from mosaic.errors import InputError
from mosaic.store.sql import open_repository


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "kb.db"
    repo = open_repository(str(path))
    build_sample(repo)
    repo.close()
    return str(path)


def test_research_events_are_a_dataframe_filtered_like_the_cli(db: str) -> None:
    kb = mosaic.open(db)
    events = kb.events(group="TTP", since="2014-07")
    assert list(events.id) == ["ev-peshawar"]
    assert events.killed_min.sum() == 141
    assert kb.events().groupby("attack_type").killed_min.sum().to_dict() == {
        "armed_assault": 169,
        "suicide_bombing": 55,
    }
    assert kb.events().loc[1, "sources"] == ["Wagah toll rises", "Bombing at Wagah border"]


def test_research_relations_and_network_as_of_a_day(db: str) -> None:
    kb = mosaic.open(db)
    standing = kb.relations(as_of="2014-12-01")
    assert set(standing.type) == {"split_from", "leader_of"}
    assert kb.relations().shape[0] == 3
    graph = kb.network(as_of="2014-09-01")
    assert graph.number_of_edges() == 3
    assert graph.nodes["jua"]["label"] == "Jamaat-ul-Ahrar"


def test_research_bad_date_names_the_parameter(db: str) -> None:
    with pytest.raises(InputError, match="since"):
        mosaic.open(db).events(since="June")
