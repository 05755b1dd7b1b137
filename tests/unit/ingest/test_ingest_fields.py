import pytest

from mosaic.errors import InputError
from mosaic.ingest.fields import fields_from_mapping, parse_tlp
from mosaic.model import Tlp


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("TLP:GREEN", Tlp.GREEN),
        ("amber+strict", Tlp.AMBER_STRICT),
        ("TLP: AMBER", Tlp.AMBER),
        ("white", Tlp.CLEAR),
        ("TLP:WHITE", Tlp.CLEAR),
    ],
)
def test_fields_tlp_reads_tlp_2_and_tlp_1_labels(written: str, label: Tlp) -> None:
    assert parse_tlp(written, "a.md") is label


def test_fields_unknown_tlp_names_the_file_and_line() -> None:
    with pytest.raises(InputError, match=r"a\.jsonl:3: unknown TLP marking 'blue'"):
        fields_from_mapping({"tlp": "blue"}, "a.jsonl", 3)
