"""A known place in a settlement's slot ("the X district", "the port city of X") is the place:
one the NER took for a name wherever it lies, even in a report whose other names are of
another country; one it left unlabelled where the report names no country
(mosaic.extract.entities.linker)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker, whole_name
from mosaic.extract.entities.mentions import Role
from mosaic.extract.places.table import Place, PlaceTable
from support.places import make_place

TABLE = (
    make_place("place:pk", "Pakistan", "PK", "country"),
    make_place("place:af", "Afghanistan", "AF", "country"),
    make_place("place:pk:mashkel", "Mashkel", "PK", "district"),
    Place("place:pk:gurram", "Gurram", (), "PK", None, "town", 25.1, 62.3),
)
"""Made-up names the NER leaves unlabelled ("Mashkel") or takes for an organisation
("Gurram") in these sentences."""


@pytest.fixture(scope="module")
def linker() -> EntityLinker:
    return EntityLinker(Gazetteer.from_records(()), PlaceTable.from_places(TABLE, {}, ()))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "key"),
    [("A mine killed two soldiers in the Mashkel district on Monday, officials said.",
      "Mashkel", "place:pk:mashkel"),
     ("Gunmen from Afghanistan killed a trader in the port city of Gurram on Monday.",
      "Gurram", "place:pk:gurram")],
)  # fmt: skip
def test_entities_a_known_place_in_a_settlement_slot_is_the_place(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, name: str, key: str
) -> None:
    found = {m.text: m for m in linker.link(parse(text))}
    assert found[name].role is Role.PLACE
    assert found[name].ref is not None and found[name].ref.key == key


@pytest.mark.slow
def test_entities_the_end_of_a_hyphened_name_is_no_name_of_its_own(
    parse: Callable[..., Doc],
) -> None:
    doc = parse("A bomb went off in the Qala-e-Mashkel area of the capital.")
    end = next(t.i for t in doc if t.text == "Mashkel") + 1
    assert not whole_name(doc[end - 1 : end])
    assert whole_name(doc[end - 5 : end])  # "Qala-e-Mashkel"
