import pytest

from mosaic.resolve.names import match_key, normalise


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Isis-K", "ISIS K"),
        ("al-Qaida", "Al Qaida"),
        ("The Islamic State", "islamic state"),
        ("Tehrīk-e-Taliban", "tehrik e taliban"),
    ],
)
def test_resolve_names_variants_share_a_key(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_resolve_names_normalise_drops_articles_and_punctuation() -> None:
    assert normalise("The  Haqqani Network, Inc.") == "haqqani network inc"
    assert match_key("Jaish al-Adl") != match_key("Jaish-e-Mohammed")
