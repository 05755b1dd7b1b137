"""Tests for the actor ruler (extract.entities.ruler): phrases match what token patterns did."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.entities.ruler import ActorRuler, add_actor_ruler, word_variants
from mosaic.model import EntityKind

spacy = pytest.importorskip("spacy")
ORG, PERSON = EntityKind.ORGANIZATION, EntityKind.PERSON

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


DOTTED = Gazetteer.from_records(
    [
        ActorRecord("org:uk-ho", "U.K. Home Office", ORG, "government", ("UKH",)),
        ActorRecord("org:condor", "Condor Vega Revolutionary Movement", ORG, "armed_group"),
        ActorRecord("person:dr-vale", "Dr. Ines Vale", PERSON, None, ()),
    ]
)


def _ruler_nlp(gazetteer: Gazetteer) -> Language:
    """A blank pipeline with sentences and the ruler; its (untrained) "ner" is not run."""
    nlp: Language = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ner")
    add_actor_ruler(nlp, gazetteer)
    return nlp


def _ruled(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    return [(e.text, e.label_, e.ent_id_) for e in nlp.get_pipe("entity_ruler")(doc).ents]


def test_ruler_matches_names_with_dotted_abbreviations() -> None:
    nlp = _ruler_nlp(DOTTED)
    text = "The U.K. Home Office and Dr. Ines Vale denied it."
    assert [(t, key) for t, _, key in _ruled(nlp, text)] == [
        ("U.K. Home Office", "org:uk-ho"),
        ("Dr. Ines Vale", "person:dr-vale"),
    ]


def test_ruler_matches_names_wrapped_across_lines() -> None:
    nlp = _ruler_nlp(DOTTED)
    wrapped = "Police said the Condor Vega\nRevolutionary Movement claimed it."
    assert [key for _, _, key in _ruled(nlp, wrapped)] == ["org:condor"]
    assert _ruled(nlp, wrapped)[0][0] == "Condor Vega\nRevolutionary Movement"
    for text in (
        "Police said the Condor Vega\n\nRevolutionary Movement claimed it.",  # a paragraph
        "Police said the Condor Vega.\nRevolutionary Movement claimed it.",  # a sentence
    ):
        assert _ruled(nlp, text) == []


def test_ruler_patterns_list_word_patterns_and_survive_to_disk(tmp_path: Path) -> None:
    nlp = _ruler_nlp(DOTTED)
    ruler = nlp.get_pipe("entity_ruler")
    assert isinstance(ruler, ActorRuler)
    listed = {(p["id"], str(p["pattern"])) for p in ruler.patterns}
    assert ("org:uk-ho", "[{'ORTH': 'UKH'}]") in listed
    assert len(ruler) == len(ruler.patterns) == len(DOTTED.ruler_patterns())
    ruler.to_disk(tmp_path / "ruler")
    fresh = spacy.blank("en").add_pipe("mosaic_actor_ruler_v1", name="entity_ruler")
    fresh.from_disk(tmp_path / "ruler")
    assert len(fresh.matcher) == 0 and fresh.patterns == ruler.patterns
    found = _ents(fresh, fresh.nlp.make_doc("UKH and the U.K. Home Office, not ukh."))
    assert [(t, key) for t, _, key in found] == [
        ("UKH", "org:uk-ho"),
        ("U.K. Home Office", "org:uk-ho"),
    ]


SPELLED = Gazetteer.from_records(
    [
        ActorRecord("org:juk", "Jamaat-ul-Kausar", ORG, "armed_group", ("JuK",)),
        ActorRecord("org:ntf", "Nayar Tribal Front", ORG, "armed_group", ("NTF",)),
        ActorRecord("org:oq", "Omar Qadri Group", ORG, "armed_group", ("OQ",)),
        ActorRecord("org:zaheer", "Zaheer network", ORG, "armed_group"),
    ]
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Police blamed the J.u.K. for it.", [("J.u.K.", "org:juk")]),
        (
            "Police blamed J. u. K. and the N.T.F. for it.",
            [("J. u. K.", "org:juk"), ("N.T.F.", "org:ntf")],
        ),
        ("Police blamed the J.U.K. for it.", []),  # not the acronym as written
        ("Police met O.Q. Rahman.", []),  # two initials: as often a person's
    ],
)
def test_ruler_matches_dotted_initials_of_listed_acronyms(
    text: str, found: list[tuple[str, str]]
) -> None:
    nlp = _ruler_nlp(SPELLED)
    assert [(t, key) for t, _, key in _ruled(nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A leader of the Zaheer terrorist network was held.", "Zaheer terrorist network"),
        (
            "A leader of the Zaheer militant jihadist network was held.",
            "Zaheer militant jihadist network",
        ),
        ("The Omar Qadri militant group denied it.", "Omar Qadri militant group"),
    ],
)
def test_ruler_matches_names_over_a_describing_word_before_the_head(text: str, found: str) -> None:
    assert [t for t, _, _ in _ruled(_ruler_nlp(SPELLED), text)] == [found]


def test_ruler_keeps_describing_words_that_stand_before_no_head() -> None:
    nlp = _ruler_nlp(SPELLED)
    assert _ruled(nlp, "Zaheer militant fighters met the network.") == []
    assert _ruled(nlp, "the zaheer militant network met.") == []  # no name word before it
