"""Pure helpers of the web pages: report segments, genealogy bars, value text."""

from __future__ import annotations

from mosaic.model import Mention
from mosaic.web.genealogy import genealogy
from mosaic.web.pages import segments
from mosaic.web.render import shown


def _mention(start: int, end: int, text: str) -> Mention:
    return Mention("r", start, end, text, "ORG", 0, 20, "e")


def test_segments_cut_text_at_mentions_and_skip_overlaps() -> None:
    text = "The TTP and JuA met."
    parts = segments(text, [_mention(12, 15, "JuA"), _mention(4, 7, "TTP"), _mention(5, 9, "TP a")])
    assert [(p.text, p.mention is not None) for p in parts] == [
        ("The ", False),
        ("TTP", True),
        (" and ", False),
        ("JuA", True),
        (" met.", False),
    ]
    assert "".join(p.text for p in parts) == text


def test_genealogy_places_bars_on_a_year_axis() -> None:
    relations = [
        {"id": "a", "type": "alliance", "start": "2010", "end": "2011-06"},
        {"id": "b", "type": "split_from", "start": None, "end": "2019"},
    ]
    laid = genealogy(relations, this_year=2019)
    bars = {b["id"]: b for b in laid["bars"]}
    assert bars["a"]["left"] == 0 and bars["a"]["width"] == 20.0
    assert bars["b"]["open_start"] and bars["b"]["left"] == 0 and bars["b"]["width"] == 100.0
    assert laid["ticks"][0] == {"year": 2010, "left": 0.0}
    assert genealogy([], 2020) == {"bars": [], "ticks": []}


def test_shown_writes_counts_lists_and_labels() -> None:
    assert shown([10, None]) == "10+"
    assert shown([10, 12]) == "10-12"
    assert shown(["ttp", "jua"]) == "ttp, jua"
    assert shown("suicide_bombing") == "suicide bombing"
    assert shown(None) == ""
