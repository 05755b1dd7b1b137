"""The network of groups and people as it stood on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

from mosaic.model import Entity, Relation
from mosaic.store.ports import Repository


@dataclass(frozen=True)
class Network:
    as_of: dt.date
    nodes: tuple[Entity, ...]
    edges: tuple[Relation, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat(),
            "nodes": [
                {"id": e.id, "name": e.name, "kind": e.kind.value, "country": e.country}
                for e in self.nodes
            ],
            "edges": [
                {
                    "id": r.id,
                    "type": r.type.value,
                    "source": r.subject_id,
                    "target": r.object_id,
                    "start": r.start.iso() if r.start else None,
                    "end": r.end.iso() if r.end else None,
                }
                for r in self.edges
            ],
        }


def network_as_of(repo: Repository, day: dt.date) -> Network:
    """Relations standing on `day` and the entities they join."""
    edges = repo.relations_as_of(day)
    node_ids = dict.fromkeys(i for r in edges for i in (r.subject_id, r.object_id))
    nodes = [entity for i in node_ids if (entity := repo.get_entity(i)) is not None]
    return Network(day, tuple(nodes), tuple(edges))


def to_graphml(network: Network) -> str:
    """GraphML that Gephi, yEd and networkx read: names, kinds, relation types and dates."""
    keys = [
        ("name", "node", "string"),
        ("kind", "node", "string"),
        ("country", "node", "string"),
        ("type", "edge", "string"),
        ("start", "edge", "string"),
        ("end", "edge", "string"),
    ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        *(f'  <key id="{k}" for="{f}" attr.name="{k}" attr.type="{t}"/>' for k, f, t in keys),
        f'  <graph id="as-of-{network.as_of.isoformat()}" edgedefault="directed">',
    ]
    for entity in network.nodes:
        lines.append(f'    <node id="{escape(entity.id)}">')
        lines.append(_data("name", entity.name))
        lines.append(_data("kind", entity.kind.value))
        if entity.country:
            lines.append(_data("country", entity.country))
        lines.append("    </node>")
    for r in network.edges:
        lines.append(
            f'    <edge id="{escape(r.id)}" source="{escape(r.subject_id)}" '
            f'target="{escape(r.object_id)}">'
        )
        lines.append(_data("type", r.type.value))
        if r.start:
            lines.append(_data("start", r.start.iso()))
        if r.end:
            lines.append(_data("end", r.end.iso()))
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def _data(key: str, value: str) -> str:
    return f'      <data key="{key}">{escape(value)}</data>'
