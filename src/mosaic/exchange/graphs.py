"""GraphML and GEXF of the network: groups and people, relations as dated edges.

Gephi reads both; GEXF's `start`/`end` edge attributes drive its timeline. Nodes carry
name, kind, country and TLP label; edges the relation (type), start and end as stated
(`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), the TLP label and the titles of their sources.
With `--as-of` the graph is the network standing on that day.
"""

from __future__ import annotations

import io

import networkx as nx

from mosaic.exchange.snapshot import Snapshot
from mosaic.model import FuzzyDate


def network_graph(snapshot: Snapshot) -> nx.MultiDiGraph:
    """The snapshot's relations as a directed multigraph keyed by relation id."""
    graph = nx.MultiDiGraph(as_of=snapshot.as_of.isoformat() if snapshot.as_of else "")
    for relation in snapshot.relations:
        for entity_id in (relation.subject_id, relation.object_id):
            if (entity := snapshot.entity(entity_id)) is not None:
                graph.add_node(
                    entity.id,
                    label=entity.name,
                    kind=entity.kind.value,
                    country=entity.country or "",
                    tlp=entity.marking.tlp.value,
                )
        titles = {c.report.title or c.report.id for c in snapshot.cited(relation.id) if c.report}
        graph.add_edge(
            relation.subject_id,
            relation.object_id,
            key=relation.id,
            id=relation.id,
            relation=relation.type.value,
            start=relation.start.iso() if relation.start else "",
            end=relation.end.iso() if relation.end else "",
            tlp=relation.marking.tlp.value,
            sources=" | ".join(sorted(titles)),
        )
    return graph


def export_graphml(snapshot: Snapshot) -> str:
    out = io.BytesIO()
    nx.write_graphml(network_graph(snapshot), out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def export_gexf(snapshot: Snapshot) -> str:
    """GEXF 1.2 with the relation's first and last day as the edge's lifetime."""
    graph = network_graph(snapshot)
    for _, _, data in graph.edges(data=True):
        start, end = data.pop("start"), data.pop("end")
        data.update(stated_start=start, stated_end=end, **_lifetime(start, end))
    out = io.BytesIO()
    nx.write_gexf(graph, out, encoding="utf-8", version="1.2draft")
    return out.getvalue().decode("utf-8")


def _lifetime(start: str, end: str) -> dict[str, str]:
    """GEXF's `start`/`end` must be full dates: a stated month or year widened to its days."""
    found = {}
    if start:
        found["start"] = FuzzyDate.parse(start).first_day().isoformat()
    if end:
        found["end"] = FuzzyDate.parse(end).last_day().isoformat()
    return found
