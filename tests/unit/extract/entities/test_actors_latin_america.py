"""The Latin American actors file: loaded with the default gazetteer, names as texts write them."""

from __future__ import annotations

import pytest

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.model import EntityKind


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("FMLN", "org:fmln"),
        ("Farabundo Marti National Liberation Front", "org:fmln"),
        ("Sendero Luminoso", "org:shining-path"),
        ("UC-ELN", "org:eln-colombia"),
        ("the Extraditables", "org:extraditables"),
        ("Manuel Rodriguez Patriotic Front", "org:fpmr"),
        ("Pablo Escobar Gaviria", "person:pablo-escobar"),
    ],
)
def test_actors_latin_america_names_resolve(gazetteer: Gazetteer, name: str, key: str) -> None:
    assert [record.key for record in gazetteer.lookup(name)] == [key]


def test_actors_latin_america_state_forces_are_organisations(gazetteer: Gazetteer) -> None:
    record = gazetteer.get("org:salvadoran-armed-forces")
    assert record is not None and record.kind is EntityKind.ORGANIZATION
    assert record.category == "state_force" and record.country == "SV"
