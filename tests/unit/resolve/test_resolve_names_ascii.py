"""`normalise` (mosaic.resolve.names) skips the accent pass for ASCII text, with the same result."""

from __future__ import annotations

import re
import unicodedata

import pytest

from mosaic.resolve.names import match_key, normalise


def _reference(name: str) -> str:
    """FORMAT.md's normal form, spelled out step by step with no shortcut."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    spaced = re.sub(r"[-‐-―'’`]", " ", plain.casefold())
    words = re.sub(r"[^\w\s]", "", spaced).split()
    return " ".join(w for w in words if w not in {"the", "a", "an"})


@pytest.mark.parametrize(
    "name",
    ["Tehrik-e-Taliban", "The  Haqqani\tNetwork", "al-Qa'ida`s", "A.Q.I.", "An Nasiriyah",
     "Şanlıurfa", "Mazār-i-Sharīf", "Kunduz’s", "ﬁre ﬂy", "Ⅻ Corps", "", "---", "S_P 2"],
)  # fmt: skip
def test_resolve_names_ascii_normalise_matches_reference(name: str) -> None:
    assert normalise(name) == _reference(name)
    assert match_key(name) == _reference(name).replace(" ", "")
