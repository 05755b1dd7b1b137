"""The export formats by name, with their media types and file suffixes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mosaic.errors import InputError
from mosaic.exchange.ftm import export_ftm
from mosaic.exchange.geo import export_geojson
from mosaic.exchange.graphs import export_gexf, export_graphml
from mosaic.exchange.misp import export_misp
from mosaic.exchange.snapshot import ExportFilter, Snapshot, take_snapshot
from mosaic.exchange.stix import export_stix
from mosaic.exchange.tables import export_acled, export_gtd
from mosaic.store.ports import Repository


@dataclass(frozen=True)
class ExportFormat:
    name: str
    write: Callable[[Snapshot], str]
    media_type: str
    suffix: str
    what: str


EXPORT_FORMATS = {
    f.name: f
    for f in (
        ExportFormat("stix", export_stix, "application/stix+json", ".json", "STIX 2.1 bundle"),
        ExportFormat("misp", export_misp, "application/json", ".misp.json", "MISP events"),
        ExportFormat("ftm", export_ftm, "application/x-ndjson", ".ftm.json", "FollowTheMoney"),
        ExportFormat("csv-gtd", export_gtd, "text/csv", ".gtd.csv", "GTD-shaped CSV"),
        ExportFormat("csv-acled", export_acled, "text/csv", ".acled.csv", "ACLED-shaped CSV"),
        ExportFormat("geojson", export_geojson, "application/geo+json", ".geojson", "GeoJSON"),
        ExportFormat("graphml", export_graphml, "application/graphml+xml", ".graphml", "GraphML"),
        ExportFormat("gexf", export_gexf, "application/gexf+xml", ".gexf", "GEXF"),
    )
}


def export_format(name: str) -> ExportFormat:
    """The format called `name`; an InputError naming the known ones otherwise."""
    try:
        return EXPORT_FORMATS[name]
    except KeyError as error:
        known = ", ".join(EXPORT_FORMATS)
        raise InputError("--format", f"unknown format {name!r}; one of {known}") from error


def export(repo: Repository, name: str, selection: ExportFilter) -> str:
    """The facts `selection` picks, written in format `name`."""
    return export_format(name).write(take_snapshot(repo, selection))
