from __future__ import annotations

import io

import networkx as nx

from mosaic.exchange.graphs_import import read_gexf, read_graphml
from mosaic.model import EntityKind, RelationType


def _written(write: object) -> str:
    graph = nx.DiGraph()
    graph.add_node("a", label="Jundallah", kind="organization")
    graph.add_node("b", label="Abdolmalek Rigi", kind="person")
    graph.add_edge("b", "a", relation="leader_of", start="2003")
    graph.add_edge("a", "b", label="knows")
    out = io.BytesIO()
    write(graph, out)  # type: ignore[operator]
    return out.getvalue().decode("utf-8")


def test_graphs_import_reads_a_networkx_graphml() -> None:
    batch = read_graphml(_written(nx.write_graphml), "g.graphml")
    assert batch.entities["b"].kind is EntityKind.PERSON
    relations = sorted(batch.relations.values(), key=lambda r: r.type)
    assert [r.type for r in relations] == [RelationType.AFFILIATE_OF, RelationType.LEADER_OF]
    assert relations[1].start is not None and relations[1].start.iso() == "2003"


def test_graphs_import_reads_a_networkx_gexf() -> None:
    batch = read_gexf(_written(nx.write_gexf), "g.gexf")
    assert {e.name for e in batch.entities.values()} == {"Jundallah", "Abdolmalek Rigi"}
    assert len(batch.relations) == 2
