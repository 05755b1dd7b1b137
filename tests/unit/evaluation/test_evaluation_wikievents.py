"""WikiEvents read as MUC-4 role fillers, from a tiny article of ours in its layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mosaic.errors import InputError
from mosaic.evaluation.muc4 import score_document
from mosaic.evaluation.wikievents import (
    document_text,
    head_word,
    heads,
    load_split,
    predicted_fillers,
    publication_date,
)
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType, Evidence, ReportExtraction

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "data" / "evaluation" / "wikievents"


def test_wikievents_gold_maps_kairos_arguments_to_muc4_roles() -> None:
    (article,) = load_split(FIXTURE, "dev")
    assert article.gold == {
        "PerpInd": [["gunmen", "They"]],
        "PerpOrg": [],
        "Target": [["cafe"]],
        "Victim": [["guests"], ["owner", "Sam Hale"]],
        "Weapon": [["rifles"]],
    }


def test_wikievents_gold_leaves_out_a_death_the_text_does_not_tie_to_violence() -> None:
    (article,) = load_split(FIXTURE, "dev")
    assert ["man"] not in article.gold["Victim"]


def test_wikievents_text_keeps_the_headline_a_line_of_its_own() -> None:
    (article,) = load_split(FIXTURE, "dev")
    assert article.text.startswith("Gunmen Storm Hilltop Cafe\n\nTwo gunmen")
    assert "with rifles. They killed" in article.text
    assert document_text([([], "One."), ([], "Two")]) == "One. Two"


def test_wikievents_dates_only_the_articles_whose_id_carries_a_date() -> None:
    assert publication_date("01_VOA_EN_NW_2019.03.04.1111") == dt.date(2019, 3, 4)
    assert publication_date("wiki_ied_bombings_9") is None


def test_wikievents_unknown_split_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown WikiEvents split"):
        load_split(FIXTURE, "train")


def test_wikievents_head_word_is_the_last_word_before_a_preposition() -> None:
    assert head_word("Camp Shorabak in Helmand Province") == "shorabak"
    assert head_word("a Russian major general") == "general"
    assert head_word("the owner, Sam Hale") == "owner"


def test_wikievents_predicted_fillers_tell_victims_from_targets() -> None:
    text = "Gunmen of the Valley Front attacked a cafe, killing three civilians and Sam Hale."
    attack = EventFinding(
        type=EventType.ATTACK,
        evidence=Evidence(0, len(text), text),
        extractor="test",
        perpetrators=(EntityRef("Valley Front", EntityKind.ORGANIZATION),),
        targets=(
            EntityRef("cafe", EntityKind.OTHER),
            EntityRef("three civilians", EntityKind.OTHER),
            EntityRef("Sam Hale", EntityKind.PERSON),
            EntityRef("Riverton", EntityKind.PLACE),
        ),
        weapons=("rifles",),
    )
    fillers = predicted_fillers(ReportExtraction("r1", "test", events=[attack]), text)
    assert fillers["PerpOrg"] == [["Valley Front"]]
    assert fillers["Target"] == [["cafe"]]
    assert fillers["Victim"] == [["three civilians"], ["Sam Hale"]]
    assert fillers["Weapon"] == [["rifles"]]


def test_wikievents_scoring_by_heads_matches_a_phrase_to_its_head() -> None:
    predicted = heads({"Victim": [["three guests"], ["the owner, Sam Hale"]]})
    gold = heads({"Victim": [["guests"], ["owner", "Sam Hale"]]})
    assert score_document(predicted, gold)["Victim"].matched == 2
