from __future__ import annotations

import io

import networkx as nx

from mosaic.exchange.graphs import export_gexf, export_graphml
from mosaic.exchange.snapshot import Snapshot


def test_graphs_graphml_reads_back_with_dated_edges(snapshot: Snapshot) -> None:
    graph = nx.read_graphml(io.BytesIO(export_graphml(snapshot).encode()))
    assert graph.nodes["jua"]["label"] == "Jamaat-ul-Ahrar"
    edges = {d["relation"]: d for _, _, d in graph.edges(data=True)}
    assert (edges["alliance"]["start"], edges["alliance"]["end"]) == ("2009", "2014-10")


def test_graphs_gexf_reads_back_with_full_day_lifetimes(snapshot: Snapshot) -> None:
    graph = nx.read_gexf(io.BytesIO(export_gexf(snapshot).encode()))
    edges = {d["relation"]: d for _, _, d in graph.edges(data=True)}
    assert (edges["alliance"]["start"], edges["alliance"]["end"]) == ("2009-01-01", "2014-10-31")
    assert edges["alliance"]["stated_end"] == "2014-10"
    assert "end" not in edges["split_from"]
