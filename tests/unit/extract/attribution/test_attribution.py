"""Tests for finding who a sentence quotes (mosaic.extract.attribution.speakers)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.text.sentences import SentenceContext

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Twelve people died in the blast, police said.", "police"),
        ("According to a UN report, the group has 3,000 fighters.", "UN report"),
        ("The Afghan Taliban claimed the attack.", None),
        ("The TTP claimed responsibility for the attack.", None),
        ("The figures were announced by the Pakistani Taliban.", "Tehreek-i-Taliban Pakistan"),
        ("It rained.", None),
    ],
)  # fmt: skip
def test_attribution_speaker(
    contexts: Callable[..., list[SentenceContext]], text: str, speaker: str | None
) -> None:
    assert contexts(text)[0].speaker == speaker


def test_attribution_pronoun_is_the_last_person(
    contexts: Callable[..., list[SentenceContext]],
) -> None:
    found = contexts("Mullah Omar spoke at length. The war is over, he said.")
    assert found[-1].speaker == "Mullah Omar"
