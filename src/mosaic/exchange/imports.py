"""Import a file: pick its reader by the name given or by what the file holds, then write it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mosaic.errors import InputError
from mosaic.exchange.ftm_import import read_ftm
from mosaic.exchange.geo_import import read_geojson
from mosaic.exchange.graphs_import import read_gexf, read_graphml
from mosaic.exchange.importing import ImportBatch, ImportResult, write_batch
from mosaic.exchange.misp_import import read_misp
from mosaic.exchange.reference_lists import around_known, read_ucdp_actors, read_un_sanctions
from mosaic.exchange.stix_import import read_stix
from mosaic.exchange.tables_import import read_acled, read_gtd
from mosaic.store.ports import Repository

Reader = Callable[[str, str], ImportBatch]
IMPORT_FORMATS: dict[str, Reader] = {
    "stix": read_stix,
    "misp": read_misp,
    "ftm": read_ftm,
    "csv-gtd": read_gtd,
    "csv-acled": read_acled,
    "geojson": read_geojson,
    "graphml": read_graphml,
    "gexf": read_gexf,
    "un-sc": read_un_sanctions,
    "ucdp": read_ucdp_actors,
}
REFERENCE_LISTS = {"un-sc", "ucdp"}
"""Lists that add to known actors only (see `reference_lists.around_known`)."""


def import_file(repo: Repository, path: Path, format: str | None = None) -> ImportResult:
    """Read `path` in `format` (guessed from its content when None) and write what it holds."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read: {error}") from error
    name = format or guess_format(text, str(path))
    if name not in IMPORT_FORMATS:
        known = ", ".join(IMPORT_FORMATS)
        raise InputError("--format", f"unknown import format {name!r}; one of {known}")
    batch = IMPORT_FORMATS[name](text, str(path))
    if name in REFERENCE_LISTS:
        batch = around_known(repo, batch)
    return write_batch(repo, batch, path, text)


def guess_format(text: str, source: str) -> str:
    """The format a file's first characters show."""
    head = text[:4000].lstrip()
    first_line = head.splitlines()[0] if head else ""
    checks = (
        (head.startswith("<") and "CONSOLIDATED_LIST" in head, "un-sc"),
        (
            head.startswith("{") and '"type": "bundle"' in head.replace('"type":"', '"type": "'),
            "stix",
        ),
        (head.startswith("{") and '"schema"' in first_line, "ftm"),
        (head.startswith("{") and '"FeatureCollection"' in head, "geojson"),
        (head.startswith("<") and "<graphml" in head, "graphml"),
        (head.startswith("<") and "<gexf" in head, "gexf"),
        (head.startswith(("{", "[")) and '"Event"' in head, "misp"),
        (first_line.startswith("eventid,") or ",eventid," in first_line, "csv-gtd"),
        ("event_date" in first_line and "event_type" in first_line, "csv-acled"),
        (first_line.startswith("ActorId,"), "ucdp"),
    )
    for matched, name in checks:
        if matched:
            return name
    raise InputError(source, "cannot tell the format; give it with --format")
