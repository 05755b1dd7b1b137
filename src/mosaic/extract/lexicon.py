"""Word classes of the extraction rules, read from the versioned YAML files in data/lexicon/.

Each file holds the classes of one extract package (`events.yaml` for extract/events/ ...);
`syntax.yaml` holds spaCy's labels grouped by meaning, read into extract/text/syntax.py:

    version: 1
    classes:
      speech_verbs: ["say", "tell", ...]          # a class of words
      state_roles: [["security", "forces"], ...]  # a class of phrases (word sequences)
    tables:
      verb_patterns:                              # a rule table: rows of named cells
        - {verb: pledge, type: allegiance, prep: to, needs: relations.loyalty}

A rule names the class it needs (`words("events.attack_verbs")`), so a word class is written
once and every rule that uses it reads the same one. A rule table is read with the fields its
rule expects (`table("relations.verb_patterns", {"verb": Field.WORD, ...})`) and checked
against them. Files are parsed and checked once, when first used; a malformed file raises
LexiconError naming the file and the class, or the table and row.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import yaml

SUPPORTED_VERSION = 1


class LexiconError(ValueError):
    """A lexicon file or class that cannot be used, named in the message."""


def words(name: str) -> frozenset[str]:
    """The class `package.class` as a set of words."""
    return frozenset(_words(name))


def ordered(name: str) -> tuple[str, ...]:
    """The class `package.class` as words in the order the file gives (for rules that rank)."""
    return _words(name)


def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The class `package.class` as a sequence of phrases, each a tuple of words."""
    entries = _entry(name)
    if not all(isinstance(entry, tuple) for entry in entries):
        raise LexiconError(f"lexicon class {name!r} is a class of words, not of phrases")
    return tuple(entry for entry in entries if isinstance(entry, tuple))


def entries(name: str) -> tuple[str | tuple[str, ...], ...]:
    """The class `package.class` as written: its words and phrases, in order."""
    return _entry(name)


def class_names() -> frozenset[str]:
    """Every class of every shipped lexicon file, as `package.class`."""
    return frozenset(f"{package}.{cls}" for package in _packages() for cls in _load(package))


class Field(Enum):
    """What a rule table's column holds."""

    WORD = "a word"
    OPTIONAL_WORD = "a word, or nothing"
    WORDS = "a list of words"
    NUMBER = "a whole number"


Cell = str | tuple[str, ...] | int


@dataclass(frozen=True)
class Row:
    """One row of a rule table, checked against the fields its rule reads."""

    where: str
    cells: Mapping[str, Cell]

    def word(self, field: str) -> str:
        value = self.cells[field]
        assert isinstance(value, str)
        return value

    def optional(self, field: str) -> str | None:
        value = self.cells.get(field)
        assert value is None or isinstance(value, str)
        return value

    def words(self, field: str) -> tuple[str, ...]:
        value = self.cells[field]
        assert isinstance(value, tuple)
        return value

    def number(self, field: str) -> int:
        value = self.cells[field]
        assert isinstance(value, int)
        return value

    def choice(self, field: str, allowed: Collection[str]) -> str:
        """The cell's word, which must be one of `allowed`."""
        value = self.word(field)
        if value not in allowed:
            raise LexiconError(f"{self.where}: {field} {value!r} is not one of {sorted(allowed)}")
        return value


def table(name: str, fields: Mapping[str, Field]) -> tuple[Row, ...]:
    """The rule table `package.table`, each row checked to hold exactly `fields`."""
    package, _, tab = name.partition(".")
    tables = _tables(package)
    if tab not in tables:
        raise LexiconError(f"lexicon {package}.yaml has no table {tab!r}")
    return tuple(_checked_row(row, fields) for row in tables[tab])


def table_names() -> frozenset[str]:
    """Every rule table of every shipped lexicon file, as `package.table`."""
    return frozenset(f"{package}.{tab}" for package in _packages() for tab in _tables(package))


def _checked_row(row: Row, fields: Mapping[str, Field]) -> Row:
    unknown = sorted(set(row.cells) - set(fields))
    if unknown:
        raise LexiconError(f"{row.where}: unknown field {unknown[0]!r}")
    for field, kind in fields.items():
        value = row.cells.get(field)
        if value is None and kind is not Field.OPTIONAL_WORD:
            raise LexiconError(f"{row.where}: {field} is missing")
        if value is not None and _kind_of(value) is not _stored(kind):
            raise LexiconError(f"{row.where}: {field} must be {kind.value}")
    return row


def _kind_of(value: Cell) -> Field:
    if isinstance(value, int):
        return Field.NUMBER
    return Field.WORDS if isinstance(value, tuple) else Field.WORD


def _stored(kind: Field) -> Field:
    """How a cell of the kind is written: an optional word is a word when present."""
    return Field.WORD if kind is Field.OPTIONAL_WORD else kind


def _words(name: str) -> tuple[str, ...]:
    entries = _entry(name)
    if not all(isinstance(entry, str) for entry in entries):
        raise LexiconError(f"lexicon class {name!r} is a class of phrases, not of words")
    return tuple(entry for entry in entries if isinstance(entry, str))


Entry = str | tuple[str, ...]


def _entry(name: str) -> tuple[Entry, ...]:
    package, _, cls = name.partition(".")
    classes = _load(package)
    if cls not in classes:
        raise LexiconError(f"lexicon {package}.yaml has no class {cls!r}")
    return classes[cls]


def _packages() -> list[str]:
    folder = resources.files("mosaic").joinpath("data", "lexicon")
    return sorted(
        item.name.removesuffix(".yaml") for item in folder.iterdir() if item.name.endswith(".yaml")
    )


@cache
def _load(package: str) -> dict[str, tuple[Entry, ...]]:
    return _validated(_source(package), _document(package))


@cache
def _tables(package: str) -> dict[str, tuple[Row, ...]]:
    return _validated_tables(_source(package), _document(package))


def _source(package: str) -> str:
    return f"data/lexicon/{package}.yaml"


@cache
def _document(package: str) -> Any:
    path = resources.files("mosaic").joinpath("data", "lexicon", f"{package}.yaml")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{_source(package)}: cannot be read: {error}") from error


def _validated(source: str, document: Any) -> dict[str, tuple[Entry, ...]]:
    if not isinstance(document, dict) or document.get("version") != SUPPORTED_VERSION:
        raise LexiconError(f"{source}: expected 'version: {SUPPORTED_VERSION}' and 'classes'")
    classes = document.get("classes")
    if not isinstance(classes, dict) or not classes:
        raise LexiconError(f"{source}: 'classes' must map class names to lists")
    return {str(cls): _entries(source, str(cls), value) for cls, value in classes.items()}


def _entries(source: str, cls: str, value: Any) -> tuple[Entry, ...]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{source}: class {cls!r} must be a non-empty list")
    entries = tuple(_entry_of(source, cls, item) for item in value)
    if len(set(entries)) != len(entries):
        raise LexiconError(f"{source}: class {cls!r} lists an entry twice")
    return entries


def _entry_of(source: str, cls: str, item: Any) -> Entry:
    if isinstance(item, str) and item:
        return item
    if isinstance(item, list) and item and all(isinstance(word, str) and word for word in item):
        return tuple(item)
    raise LexiconError(f"{source}: class {cls!r} holds {item!r}, not a word or a list of words")


def _validated_tables(source: str, document: Any) -> dict[str, tuple[Row, ...]]:
    tables = document.get("tables", {}) if isinstance(document, dict) else None
    if not isinstance(tables, dict):
        raise LexiconError(f"{source}: 'tables' must map table names to lists of rows")
    return {str(tab): _rows(source, str(tab), value) for tab, value in tables.items()}


def _rows(source: str, tab: str, value: Any) -> tuple[Row, ...]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{source}: table {tab!r} must be a non-empty list of rows")
    return tuple(_row(f"{source}: table {tab!r} row {n}", item) for n, item in enumerate(value, 1))


def _row(where: str, item: Any) -> Row:
    if not isinstance(item, dict) or not item:
        raise LexiconError(f"{where}: expected a mapping of fields to words")
    return Row(where, {str(field): _cell(where, str(field), v) for field, v in item.items()})


def _cell(where: str, field: str, value: Any) -> Cell:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, list) and value and all(isinstance(w, str) and w for w in value):
        return tuple(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise LexiconError(f"{where}: {field} holds {value!r}, not a word, words or a number")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
