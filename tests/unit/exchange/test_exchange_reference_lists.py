from __future__ import annotations

import pytest

from mosaic.exchange.reference_lists import is_acronym


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("TTP", "TEHRIK-E TALIBAN PAKISTAN", True),
        ("JuA", "JAMAAT-UL-AHRAR", True),
        ("PAKISTAN", "AL-HARAMAIN FOUNDATION", False),
        ("HQN", "HAQQANI NETWORK", False),
    ],
)
def test_reference_lists_acronym_is_made_of_initials(short: str, name: str, expected: bool) -> None:
    assert is_acronym(short, name) is expected
