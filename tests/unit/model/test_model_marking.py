import pytest

from mosaic.model import Distribution, Marking, Tlp


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("TLP:WHITE", Tlp.CLEAR),
        ("white", Tlp.CLEAR),
        ("clear", Tlp.CLEAR),
        ("amber", Tlp.AMBER),
        ("TLP:AMBER", Tlp.AMBER),
        ("amber+strict", Tlp.AMBER_STRICT),
        ("TLP:AMBER-STRICT", Tlp.AMBER_STRICT),
        ("Red", Tlp.RED),
    ],
)
def test_marking_tlp_reads_tlp_1_and_loose_spellings(label: str, expected: Tlp) -> None:
    assert Tlp(label) is expected


@pytest.mark.parametrize("label", ["TLP:BLUE", "", "TLP:", 3])
def test_marking_tlp_refuses_unknown_labels(label: object) -> None:
    with pytest.raises(ValueError):
        Tlp(label)


def test_marking_default_is_local_clear_for_the_community() -> None:
    marking = Marking()
    assert (marking.owner, marking.tlp, marking.distribution) == (
        "local",
        Tlp.CLEAR,
        Distribution.COMMUNITY,
    )
    assert marking.sharing_group is None


def test_marking_names_a_group_exactly_when_distributed_to_one() -> None:
    shared = Marking("org-a", Tlp.AMBER, Distribution.GROUP, "partners")
    assert shared.sharing_group == "partners"
    with pytest.raises(ValueError):
        Marking("org-a", Tlp.AMBER, Distribution.GROUP)
    with pytest.raises(ValueError):
        Marking("org-a", Tlp.AMBER, Distribution.ALL, "partners")
