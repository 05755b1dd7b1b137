"""Tests for initials read as a group only where they stand in a group's place
(mosaic.extract.models.initials_context) and for a describing word that is no group's name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.models.actor_spans import NEW_GROUP

pytestmark = pytest.mark.slow
Parse = Callable[..., Doc]


def _new_groups(doc: Doc) -> set[str]:
    return {ent.text for ent in doc.ents if ent.kb_id_ == NEW_GROUP}


@pytest.mark.parametrize(
    "text",
    [
        "Militants fired an RPG at a police checkpoint in Kunar on Monday.",
        "A Taliban commander told the BBC that the militants would keep fighting.",
        "Militants armed with rocket-propelled grenades (RPG) attacked a checkpoint.",
        "The truck the militants drove was packed with TNT, officials said.",
    ],
)
def test_initials_context_weapons_and_broadcasters_are_no_groups(parse: Parse, text: str) -> None:
    assert not any(name.isupper() for name in _new_groups(parse(text)))


def test_initials_context_initials_claiming_are_a_group(parse: Parse) -> None:
    doc = parse("The ZLF claimed responsibility for the attack on a police station in Kunar.")
    assert "ZLF" in _new_groups(doc)


def test_initials_context_a_use_elsewhere_in_the_report_counts(parse: Parse) -> None:
    text = (
        "Militants of the ZLF stormed a police post in Kunar on Monday. "
        "The ZLF claimed responsibility for the attack."
    )
    assert "ZLF" in _new_groups(parse(text))


def test_initials_context_an_adjective_before_a_noun_is_no_group(parse: Parse) -> None:
    text = "Police said militants from another Islamic group had joined the Zulu Front."
    assert "Islamic" not in _new_groups(parse(text))
