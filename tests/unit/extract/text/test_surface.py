"""Tests for same-length text preparation (mosaic.extract.text.surface)."""

from __future__ import annotations

import pytest

from mosaic.extract.text.surface import (
    Recaser,
    as_written,
    is_mostly_upper,
    prepare_text,
    stems,
    strip_markup,
)


def test_surface_strip_markup_keeps_offsets() -> None:
    text = "Attacks in [Kabul](https://x.org/kabul) and *Quetta* were reported.[3]"
    stripped = strip_markup(text)
    assert len(stripped) == len(text)
    assert " Kabul " in stripped and "Quetta" in stripped
    assert "[" not in stripped and "*" not in stripped and "(https" not in stripped


@pytest.mark.parametrize(
    ("text", "upper"),
    [("GUERRILLAS ATTACKED THE ARMY POST NEAR THE CAPITAL", True),
     ("Gunmen attacked a post.", False), ("IS AND", False)],
)  # fmt: skip
def test_surface_is_mostly_upper(text: str, upper: bool) -> None:
    assert is_mostly_upper(text) is upper


def test_surface_recaser_sentence_cases_and_keeps_names() -> None:
    recaser = Recaser({"the", "an", "army", "attack", "post", "near", "in"}, {"fmln": "FMLN"})
    text = "THE FMLN ATTACKED AN ARMY POST NEAR ZACAMIL. IN SOYAPANGO"
    out = recaser.recase(text)
    assert len(out) == len(text)
    assert out == "The FMLN attacked an army post near Zacamil. In Soyapango"


def test_surface_recaser_uses_name_test_for_common_words() -> None:
    recaser = Recaser({"kabul", "in", "bombs"}, {}, is_name=lambda word: word == "kabul")
    assert recaser.recase("BOMBS IN KABUL") == "Bombs in Kabul"


def test_surface_stems_cover_regular_inflection() -> None:
    assert (
        "kill" in stems("killed") and "soldier" in stems("soldiers") and "make" in stems("making")
    )


def test_surface_prepare_text_gives_is_a_stand_in() -> None:
    text = "Defections to IS grew; IS-K and ISIS too. This is it."
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert "to IZ grew; IZ-K and ISIS too. This is it." in prepared


def test_surface_as_written_puts_the_stand_ins_back() -> None:
    assert as_written("IZ-Khorasan") == "IS-Khorasan" and as_written("IZ") == "IS"
    assert as_written("IZZA Front") == "IZZA Front" and as_written("Zafar") == "Zafar"


def test_surface_prepare_text_recases_capitals_only_with_a_recaser() -> None:
    text = "GUERRILLAS ATTACKED THE ARMY POST NEAR THE CAPITAL"
    assert prepare_text(text) == text
    recased = prepare_text(
        text, Recaser({"the", "army", "post", "near", "capital", "attack", "guerrilla"}, {})
    )
    assert recased.startswith("Guerrillas attacked the army post")


def test_surface_recaser_keeps_dotted_abbreviations_and_reads_on_after_them() -> None:
    recaser = Recaser({"two", "u", "pilots", "were", "killed", "the", "condemned", "it"}, {})
    text = "TWO U.S. PILOTS WERE KILLED. THE U.N. CONDEMNED IT."
    assert recaser.recase(text) == "Two U.S. pilots were killed. The U.N. condemned it."
