"""Tests for the actor ruler (mosaic.extract.ruler): word phrases match what token patterns did."""

from __future__ import annotations

import pytest

from mosaic.extract.gazetteer import Gazetteer
from mosaic.extract.ruler import ActorRuler, add_actor_ruler, word_variants

spacy = pytest.importorskip("spacy")

HYPHEN = {"ORTH": "-", "OP": "?"}
LONG_NAME = [  # five optional hyphens: more than a text phrase is made of
    {"LOWER": "harakat"}, HYPHEN, {"LOWER": "ul"}, HYPHEN, {"LOWER": "fajr"}, HYPHEN,
    {"LOWER": "al"}, HYPHEN, {"LOWER": "jadid"}, HYPHEN, {"LOWER": "sharqi"},
]  # fmt: skip
PATTERNS = [
    {"label": "ORG", "pattern": [{"ORTH": "HFS"}], "id": "org:hfs"},
    {"label": "ORG", "pattern": [{"ORTH": "QK"}, HYPHEN, {"ORTH": "B"}], "id": "org:qkb"},
    {"label": "ORG", "pattern": LONG_NAME, "id": "org:fajr"},
    {"label": "PERSON", "pattern": [{"LOWER": "amir"}, {"ORTH": "Q."}], "id": "person:q"},
]
TEXTS = [
    "HFS and QK-B men met Harakat-ul-Fajr-al-Jadid-Sharqi envoys; hfs denied it.",
    "HARAKAT UL FAJR AL-JADID SHARQI, Hfs and QK B: Amir Q. spoke, amir q. did not.",
    "harakat-ul fajr al jadid-sharqi sent QKB a letter about HFS's plans.",
]


def test_ruler_word_variants_spell_out_optional_hyphens() -> None:
    tokens = [{"ORTH": "QK"}, HYPHEN, {"ORTH": "B"}]
    assert word_variants(tokens, "ORTH") == [["QK", "-", "B"], ["QK", "B"]]
    assert word_variants(tokens, "LOWER") is None
    assert word_variants([{"LOWER": "amir"}, {"ORTH": "Q."}], "LOWER") is None
    assert len(word_variants(LONG_NAME, "LOWER") or []) == 32
    assert word_variants(LONG_NAME, "LOWER", max_optional=3) is None


def _ents(nlp: object, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]  # type: ignore[operator]


def test_ruler_word_patterns_match_as_token_patterns_did() -> None:
    token_nlp, word_nlp = spacy.blank("en"), spacy.blank("en")
    token_nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    ruler = word_nlp.add_pipe("mosaic_actor_ruler_v1", name="entity_ruler")
    rest = ruler.add_word_patterns(PATTERNS)
    assert [p["id"] for p in rest] == ["person:q"]  # mixed attributes stay token patterns
    ruler.add_patterns(rest)
    for text in TEXTS:
        assert _ents(word_nlp, text) == _ents(token_nlp, text)
    found = _ents(word_nlp, TEXTS[0])
    assert ("HFS", "ORG", "org:hfs") in found and ("QK-B", "ORG", "org:qkb") in found
    assert all(text != "hfs" for text, _, _ in found)
    assert ("Harakat-ul-Fajr-al-Jadid-Sharqi", "ORG", "org:fajr") in found


def test_ruler_shipped_gazetteer_needs_no_token_matcher() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    add_actor_ruler(nlp, Gazetteer.default())
    ruler = nlp.get_pipe("entity_ruler")
    assert isinstance(ruler, ActorRuler) and nlp.pipe_names == ["entity_ruler", "ner"]
    assert len(ruler.matcher) == 0, "a pattern fell back to the slow token Matcher"
    found = _ents(nlp.get_pipe("entity_ruler"), nlp.make_doc("IS and the TTP, not is."))
    assert [(text, key) for text, _, key in found] == [
        ("IS", "org:islamic-state"),
        ("TTP", "org:ttp"),
    ]
