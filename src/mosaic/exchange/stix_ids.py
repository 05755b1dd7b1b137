"""STIX identifiers, TLP marking definitions and the Mosaic property extension."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import stix2

from mosaic.model import Tlp

EXTENSION_ID = "extension-definition--3f3c8e6a-6f7a-4b8e-9c61-5d3e2a1b7c40"
"""Mosaic's property extension: the fields STIX has no property for (see EXTENSION_SCHEMA)."""

EXTENSION_SCHEMA = (
    "Mosaic property extension, version 1. On incident: event_type, attack_type, date and "
    "date_end (ISO dates cut to their precision: YYYY, YYYY-MM or YYYY-MM-DD), country "
    "(ISO 3166 alpha-2), perpetrator_status (claimed, suspected, attributed), targets (names "
    "as stated), killed_min, killed_max, wounded_min, wounded_max (people; a missing max "
    "means 'at least min'). On relationship: relation_type, start and end (ISO dates cut to "
    "their precision). On note: prop, value (JSON), quoted (whom the report quotes), "
    "extractor, confidence. On any object: mosaic_id and tlp (the TLP 2.0 label)."
)

PRODUCER_ID = "identity--8a1f0c52-7d4e-4c8b-a0f3-2b6d9e1c5f77"

AMBER_STRICT = stix2.StatementMarking(statement="TLP:AMBER+STRICT")
AMBER_STRICT_ID = "marking-definition--9b5e7a21-4c3d-4f60-8e12-7a6b5c4d3e2f"


def stix_id(kind: str, *parts: str) -> str:
    """A stable id of the UUIDv4 form, so the same record exports under the same id."""
    digest = hashlib.sha256("\x1f".join(("mosaic", kind, *parts)).encode("utf-8")).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def marking_definitions() -> list[Any]:
    """TLP 1.0's four standard definitions, and a statement for TLP 2.0's AMBER+STRICT."""
    strict = stix2.MarkingDefinition(
        id=AMBER_STRICT_ID,
        created="2022-08-01T00:00:00.000Z",
        definition_type="statement",
        definition=AMBER_STRICT,
        name="TLP:AMBER+STRICT",
    )
    return [stix2.TLP_WHITE, stix2.TLP_GREEN, stix2.TLP_AMBER, stix2.TLP_RED, strict]


def marking_refs(tlp: Tlp) -> list[str]:
    """The marking definitions of a TLP 2.0 label (CLEAR is TLP 1.0's WHITE)."""
    standard = {
        Tlp.CLEAR: stix2.TLP_WHITE,
        Tlp.GREEN: stix2.TLP_GREEN,
        Tlp.AMBER: stix2.TLP_AMBER,
        Tlp.AMBER_STRICT: stix2.TLP_AMBER,
        Tlp.RED: stix2.TLP_RED,
    }
    refs = [str(standard[tlp].id)]
    return [*refs, AMBER_STRICT_ID] if tlp is Tlp.AMBER_STRICT else refs


def tlp_from_refs(refs: list[str]) -> Tlp:
    """The TLP 2.0 label of an object's marking references; CLEAR where none is given."""
    if AMBER_STRICT_ID in refs:
        return Tlp.AMBER_STRICT
    labels = {
        str(stix2.TLP_WHITE.id): Tlp.CLEAR,
        str(stix2.TLP_GREEN.id): Tlp.GREEN,
        str(stix2.TLP_AMBER.id): Tlp.AMBER,
        str(stix2.TLP_RED.id): Tlp.RED,
    }
    found = [labels[ref] for ref in refs if ref in labels]
    return max(found, key=lambda tlp: tlp.rank, default=Tlp.CLEAR)


def extension(**properties: Any) -> dict[str, Any]:
    """The `extensions` value of an object carrying Mosaic's properties (None left out)."""
    kept = {key: value for key, value in properties.items() if value is not None}
    return {EXTENSION_ID: {"extension_type": "property-extension", **kept}}
