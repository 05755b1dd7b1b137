"""Word classes of the extraction rules, read from the versioned YAML files in data/lexicon/.

Each file holds the classes of one extract package (`events.yaml` for extract/events/ ...):

    version: 1
    classes:
      speech_verbs: ["say", "tell", ...]          # a class of words
      state_roles: [["security", "forces"], ...]  # a class of phrases (word sequences)

A rule names the class it needs (`words("events.attack_verbs")`), so a word class is written
once and every rule that uses it reads the same one. Files are parsed and checked once, when
first used; a malformed file raises LexiconError naming the file and the class.
"""

from __future__ import annotations

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


def class_names() -> frozenset[str]:
    """Every class of every shipped lexicon file, as `package.class`."""
    return frozenset(f"{package}.{cls}" for package in _packages() for cls in _load(package))


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
    source = f"data/lexicon/{package}.yaml"
    path = resources.files("mosaic").joinpath("data", "lexicon", f"{package}.yaml")
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{source}: cannot be read: {error}") from error
    return _validated(source, document)


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


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
