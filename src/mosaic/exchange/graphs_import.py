"""Read a GraphML or GEXF network: nodes are groups and people, edges dated relations.

Nodes take their name from `label` (or `name`, or the id), their kind from `kind`
(organization otherwise) and `country`; edges their type from `relation` (or `type`,
`label`; `affiliate_of` when none is a Mosaic relation type) and their dates from the
stated `start`/`end` (GEXF: `stated_start`/`stated_end`, else the lifetime's days).
A graph names its sources by title only, so each relation is stated by the file.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from mosaic.errors import InputError
from mosaic.exchange.importing import ImportBatch, tlp_named
from mosaic.model import Entity, EntityKind, FuzzyDate, Marking, Relation, RelationType


def read_graphml(text: str, source: str) -> ImportBatch:
    return _read(text, source, "graphml", nx.read_graphml)


def read_gexf(text: str, source: str) -> ImportBatch:
    return _read(text, source, "gexf", nx.read_gexf)


def _read(text: str, source: str, name: str, reader: Any) -> ImportBatch:
    try:
        graph = reader(io.BytesIO(text.encode("utf-8")))
    except Exception as error:  # networkx raises parser and its own errors alike
        raise InputError(source, f"not a {name} graph: {error}") from error
    batch = ImportBatch(name)
    for node, data in graph.nodes(data=True):
        batch.entities[str(node)] = _entity(str(node), data)
    for index, (subject, target, data) in enumerate(graph.edges(data=True)):
        key = str(data.get("id") or f"edge{index}")
        batch.relations[key] = _relation(key, str(subject), str(target), data)
    return batch


def _entity(key: str, data: dict[str, Any]) -> Entity:
    kind = data.get("kind")
    return Entity(
        key,
        EntityKind(kind) if kind in set(EntityKind) else EntityKind.ORGANIZATION,
        str(data.get("label") or data.get("name") or key),
        country=data.get("country") or None,
        marking=Marking(tlp=tlp_named(data.get("tlp"))),
    )


def _relation(key: str, subject: str, target: str, data: dict[str, Any]) -> Relation:
    stated = next(
        (data[k] for k in ("relation", "type", "label") if data.get(k) in set(RelationType)),
        RelationType.AFFILIATE_OF,
    )
    return Relation(
        key,
        RelationType(stated),
        subject,
        target,
        _date(data.get("stated_start", data.get("start"))),
        _date(data.get("stated_end", data.get("end"))),
        Marking(tlp=tlp_named(data.get("tlp"))),
    )


def _date(value: object) -> FuzzyDate | None:
    return FuzzyDate.parse(str(value)[:10]) if value else None
