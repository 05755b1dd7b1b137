"""Tests for the word-class files (extract.lexicon): they load, are checked and are each used."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from mosaic.extract import lexicon
from mosaic.extract.lexicon import (
    Field,
    LexiconError,
    Row,
    _checked_row,
    _validated,
    _validated_tables,
)

EXTRACT = Path(lexicon.__file__).parent


def test_lexicon_every_shipped_class_loads() -> None:
    names = lexicon.class_names()
    assert len(names) > 100
    for name in names:
        assert lexicon.entries(name)


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in EXTRACT.rglob("*.py"))


def _table_cells() -> set[str]:
    """Every word written in a cell of a shipped rule table (a class a row names, say)."""
    tables = [lexicon._tables(name.partition(".")[0]) for name in lexicon.table_names()]
    return {
        cell
        for package in tables
        for rows in package.values()
        for row in rows
        for value in row.cells.values()
        for cell in ((value,) if isinstance(value, str | int) else value)
        if isinstance(cell, str)
    }


def test_lexicon_every_class_is_used_by_a_rule_or_a_table() -> None:
    sources, cells = _sources(), _table_cells()
    unused = [n for n in lexicon.class_names() if f'"{n}"' not in sources and n not in cells]
    assert unused == []


def test_lexicon_every_table_is_read_by_a_rule() -> None:
    sources = _sources()
    assert lexicon.table_names()
    assert [name for name in lexicon.table_names() if f'"{name}"' not in sources] == []


def test_lexicon_every_loaded_class_is_read_by_code() -> None:
    """A constant loaded from the lexicon (`X = lexicon.words(...)`) that no code reads is a
    class kept alive only by its own loading line."""
    sources = _sources()
    loaded = re.findall(r"^(\w+) = lexicon\.(?:words|ordered|phrases)\(", sources, re.M)
    unread = [name for name in loaded if len(re.findall(rf"\b{name}\b", sources)) < 2]
    assert unread == []


def test_lexicon_no_two_classes_hold_the_same_words() -> None:
    contents = {name: frozenset(lexicon.entries(name)) for name in lexicon.class_names()}
    same = [
        (a, b) for a, b in itertools.combinations(sorted(contents), 2) if contents[a] == contents[b]
    ]
    assert same == []


def test_lexicon_words_are_read_as_written() -> None:
    assert "claim" in lexicon.words("events.claim_verbs")
    assert lexicon.words("text.definite") == frozenset({"the", "this", "that"})


def test_lexicon_unknown_class_is_named_in_the_error() -> None:
    with pytest.raises(LexiconError, match="no class 'no_such_class'"):
        lexicon.words("events.no_such_class")


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"classes": {"a": ["x"]}}, "expected 'version: 1'"),
        ({"version": 2, "classes": {"a": ["x"]}}, "expected 'version: 1'"),
        ({"version": 1, "classes": {}}, "'classes' must map"),
        ({"version": 1, "classes": {"verbs": []}}, "class 'verbs' must be a non-empty list"),
        ({"version": 1, "classes": {"verbs": ["say", 3]}}, "class 'verbs' holds 3"),
        ({"version": 1, "classes": {"verbs": ["say", ""]}}, "class 'verbs' holds ''"),
        (
            {"version": 1, "classes": {"verbs": ["say", "say"]}},
            "class 'verbs' lists an entry twice",
        ),
        ({"version": 1, "classes": {"roles": [["security", 1]]}}, "class 'roles' holds"),
    ],
)
def test_lexicon_malformed_file_names_file_and_class(document: object, problem: str) -> None:
    with pytest.raises(LexiconError, match=problem) as raised:
        _validated("data/lexicon/x.yaml", document)
    assert str(raised.value).startswith("data/lexicon/x.yaml: ")


def test_lexicon_phrases_are_word_tuples() -> None:
    classes = _validated("x.yaml", {"version": 1, "classes": {"roles": [["security", "forces"]]}})
    assert classes["roles"] == (("security", "forces"),)


def test_lexicon_table_rows_are_read_as_written() -> None:
    rows = [{"verb": "join", "preps": ["to"], "rank": 2}]
    (row,) = _validated_tables("x.yaml", {"tables": {"verbs": rows}})["verbs"]
    assert row.word("verb") == "join"
    assert row.words("preps") == ("to",)
    assert row.number("rank") == 2
    assert row.optional("needs") is None


def test_lexicon_a_file_without_tables_has_none() -> None:
    assert _validated_tables("x.yaml", {"version": 1, "classes": {"a": ["x"]}}) == {}


@pytest.mark.parametrize(
    ("tables", "problem"),
    [
        ({"tables": ["verbs"]}, "'tables' must map"),
        ({"tables": {"verbs": []}}, "table 'verbs' must be a non-empty list"),
        ({"tables": {"verbs": ["join"]}}, "table 'verbs' row 1: expected a mapping"),
        ({"tables": {"verbs": [{"verb": True}]}}, "table 'verbs' row 1: verb holds True"),
        ({"tables": {"verbs": [{"verb": 1.5}]}}, "table 'verbs' row 1: verb holds 1.5"),
        ({"tables": {"verbs": [{"verb": "a"}, {"verb": ""}]}}, "row 2: verb holds ''"),
    ],
)
def test_lexicon_malformed_table_names_file_table_and_row(tables: object, problem: str) -> None:
    with pytest.raises(LexiconError, match=problem) as raised:
        _validated_tables("data/lexicon/x.yaml", tables)
    assert str(raised.value).startswith("data/lexicon/x.yaml: ")


SCHEMA = {
    "verb": Field.WORD,
    "prep": Field.OPTIONAL_WORD,
    "preps": Field.WORDS,
    "rank": Field.NUMBER,
}


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ({"prep": "to", "preps": ["to"], "rank": 1}, "verb is missing"),
        ({"verb": "join", "rank": 1}, "preps is missing"),
        ({"verb": "join", "preps": ["to"], "rank": 1, "needs": "x"}, "unknown field 'needs'"),
        ({"verb": ("join",), "preps": ["to"], "rank": 1}, "verb must be a word"),
        ({"verb": "join", "preps": "to", "rank": 1}, "preps must be a list of words"),
        ({"verb": "join", "prep": ("to",), "preps": ["to"], "rank": 1}, "prep must be a word"),
        ({"verb": "join", "preps": ["to"], "rank": "1"}, "rank must be a whole number"),
        ({"verb": 2, "preps": ["to"], "rank": 1}, "verb must be a word"),
    ],
)
def test_lexicon_row_not_matching_its_rule_fields_is_named(
    cells: dict[str, str | list[str] | int], problem: str
) -> None:
    row = Row("x.yaml: table 'verbs' row 3", {k: tuple(v) if isinstance(v, list) else v
                                             for k, v in cells.items()})  # fmt: skip
    with pytest.raises(LexiconError, match=problem) as raised:
        _checked_row(row, SCHEMA)
    assert str(raised.value).startswith("x.yaml: table 'verbs' row 3: ")


def test_lexicon_row_choice_outside_the_allowed_words_is_named() -> None:
    row = Row("x.yaml: table 'verbs' row 1", {"type": "friendship"})
    assert Row("w", {"type": "alliance"}).choice("type", {"alliance"}) == "alliance"
    with pytest.raises(LexiconError, match="type 'friendship' is not one of"):
        row.choice("type", {"alliance", "rivalry"})


EXPLAINED_SUBSETS = {
    ("dates.step_on", "events.relative_words"),
    # the directions "hours later" counts in; not "ago", "next", "same", counted from elsewhere
    ("dates.hour_steps", "events.relative_words"),
    ("entities.naming_heads", "entities.group_words"),
    ("events.means_preps", "relations.frames"),
    # a group announcing its own founding; announcing a person named to an office
    ("events.self_announcing_verbs", "relations.appoint_verbs"),
    # the periods longer than a day an "Earlier this month" recap names; every unit of a date
    ("events.period_nouns", "dates.units"),
    ("events.blast_nouns", "entities.event_name_words"),
    # the state bodies that are a government, not its forces
    ("events.government_nouns", "entities.state_bodies"),
    ("models.group_ranks", "entities.person_roles"),
    ("numbers.wound_preps", "events.preps"),
    ("numbers.wounding_verbs", "numbers.acted_on"),
    ("places.slot_preps", "places.locative_preps"),
    # the two whose bare object ("near X", "at X") is a site whatever the NER took it for
    ("places.site_preps", "places.slot_preps"),
    ("places.site_preps", "places.locative_preps"),
    ("places.site_preps", "events.venue_preps"),
    ("places.site_preps", "events.scene_preps"),
    ("relations.ally_nouns", "events.partner_verbs"),
    # a death that passes an office on; any act whose possessor is its victim
    ("relations.death_nouns", "events.victim_possessors"),
    ("relations.described_heads", "models.cue_words"),
    ("relations.group_heads", "events.organisation_heads"),
    ("relations.group_heads", "models.cue_words"),
    ("relations.pair_words", "text.counted"),
    ("relations.reciprocals", "events.other_event_words"),
    # the words of "each other"; those making an act's people more of those dealt with before
    ("relations.reciprocals", "events.more_of_words"),
    ("relations.succession_nouns", "events.captive_roles"),
    ("relations.succession_nouns", "relations.leader_nouns"),
}
"""Classes inside another that mean something else; the smaller one's comment says what."""


def _word_sets() -> dict[str, frozenset[str]]:
    """Classes of words of the text: not syntax.yaml's label groups, which overlap by design,
    nor place-table features (`*_features`), which are codes."""
    return {
        name: frozenset(e if isinstance(e, str) else " ".join(e) for e in lexicon.entries(name))
        for name in lexicon.class_names()
        if not name.startswith("syntax.") and not name.endswith("_features")
    }


def test_lexicon_no_class_lies_inside_another_unless_explained() -> None:
    """A class wholly inside another is one meaning written twice: the larger is built from the
    smaller in code (STATE_NOUNS = ARMED_FORCES | state_bodies) or the comment says how they
    differ (EXPLAINED_SUBSETS). scripts/lexicon_overlaps.py lists the words classes share."""
    sets = _word_sets()
    inside = {
        (small, large)
        for small, words in sets.items()
        for large, others in sets.items()
        if len(words) > 1 and words < others
    }
    assert inside - EXPLAINED_SUBSETS == set()
    assert EXPLAINED_SUBSETS - inside == set()  # an explanation outliving its overlap goes


def test_lexicon_unknown_table_is_named_in_the_error() -> None:
    with pytest.raises(LexiconError, match="no table 'no_such_table'"):
        lexicon.table("relations.no_such_table", {"verb": Field.WORD})
