"""Place mentions: what the system resolved each naming of a gold event place in the text to.

Gold has no mention layer, so the mentions are derived: every place an event names
(`place`, a NAME) whose event also gives a `country` is looked for in the passage, and each
occurrence of one of its names is a place mention that lies in that country. The system's
side is a list of mention objects ("mentions" in the output dict: `start`, `end` character
offsets into the passage, `kind`, `names`, `country`, `latitude`, `longitude`); the mention
overlapping an occurrence most is what the system made of it. Three questions per mention,
each implying the one before: resolved to a place at all; in gold's country; the right
place, i.e. one of gold's names (a lower-case compass word or a trailing "province" aside),
in gold's country, with coordinates. A name gold gives two places of different countries
is left out, and so is a name written all in lower case ("tribal areas" is a description)
or one inside a longer name ("FATA Research Centre" is no naming of FATA).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mosaic.errors import InputError
from mosaic.evaluation.names import as_name, normalise_name

_LEADING = re.compile(r"^(?:north|south|east|west|central)(?:ern)?\s+")
_TRAILING = re.compile(
    r"\s+(?:province|district|city|town|village|agency|area|region|tribal\s+(?:area|agency))$",
    re.IGNORECASE,
)

_WORD_BEFORE = re.compile(r"(\w+) $")
_WORD_AFTER = re.compile(r" (\w+)")
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "in", "at", "on", "of", "from", "near", "to", "into", "and", "or", "by",
     "for", "with", "outside", "inside", "across", "but", "as", "after", "before", "since"}
)  # fmt: skip


@dataclass(frozen=True)
class Occurrence:
    """One naming of a gold place: characters `start`..`end`, gold's names and country."""

    start: int
    end: int
    text: str
    names: tuple[str, ...]
    country: str


@dataclass
class PlaceScores:
    """Place mentions counted (`mentions`) and how many the system got right at each level."""

    mentions: int = 0
    as_place: int = 0
    country: int = 0
    place: int = 0

    def add(self, other: PlaceScores) -> None:
        self.mentions += other.mentions
        self.as_place += other.as_place
        self.country += other.country
        self.place += other.place

    def share(self, level: str) -> float:
        """The share of mentions right at `level` ("as_place", "country", "place"); 1.0 for none."""
        count: int = getattr(self, level)
        return count / self.mentions if self.mentions else 1.0


@dataclass(frozen=True)
class PlaceError:
    """A place mention the system got wrong: the first level it failed and what it made of it."""

    start: int
    text: str
    problem: str  # "no mention", "not a place", "wrong country", "wrong place"
    gold_country: str
    gold_names: tuple[str, ...]
    system: str | None


@dataclass
class PlaceResult:
    """The place-mention scores of one document, with every mention the system got wrong."""

    scores: PlaceScores = field(default_factory=PlaceScores)
    errors: list[PlaceError] = field(default_factory=list)


def gold_occurrences(text: str, events: Iterable[Mapping[str, Any]]) -> list[Occurrence]:
    """Every naming in `text` of a place that gold events name together with a country.

    Names are matched whole-word and case-insensitively, longest first, without overlaps;
    a name no capital letter is written in is passed over.
    """
    countries, places = _gold_names(events)
    found: list[Occurrence] = []
    taken: set[int] = set()
    for name in sorted(countries, key=len, reverse=True):
        country = countries[name]
        if country is None:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            span = set(range(match.start(), match.end()))
            if span & taken or match.group(0).islower() or _inside_name(text, *match.span()):
                continue
            taken |= span
            found.append(
                Occurrence(match.start(), match.end(), match.group(0), places[name], country)
            )
    return sorted(found, key=lambda o: o.start)


def score_places(
    text: str,
    events: Iterable[Mapping[str, Any]],
    mentions: Sequence[Mapping[str, Any]],
    source: str = "system output",
) -> PlaceResult:
    """Judge the system's mention at every naming of a gold place (see the module docstring);
    InputError names `source` when a mention has no character offsets."""
    spans = [_span(item, index, source) for index, item in enumerate(mentions)]
    result = PlaceResult()
    for occurrence in gold_occurrences(text, events):
        mention = _best_overlap(occurrence, spans, mentions)
        problem = judge(occurrence, mention)
        result.scores.mentions += 1
        result.scores.as_place += problem not in ("no mention", "not a place")
        result.scores.country += problem in (None, "wrong place")
        result.scores.place += problem is None
        if problem is not None:
            system = describe_mention(mention) if mention is not None else None
            result.errors.append(
                PlaceError(
                    occurrence.start, occurrence.text, problem, occurrence.country,
                    occurrence.names, system,
                )
            )  # fmt: skip
    return result


def judge(occurrence: Occurrence, mention: Mapping[str, Any] | None) -> str | None:
    """The first level the system's mention fails at, or None when it is the right place."""
    if mention is None:
        return "no mention"
    if mention.get("kind") != "place":
        return "not a place"
    if str(mention.get("country") or "").upper() != occurrence.country.upper():
        return "wrong country"
    has_position = mention.get("latitude") is not None and mention.get("longitude") is not None
    if not has_position or not _names_agree(occurrence.names, as_name(mention.get("names"))):
        return "wrong place"
    return None


def describe_mention(mention: Mapping[str, Any]) -> str:
    """One line for a system mention: "place Bahawalpur PK", "person Tirah", "unresolved
    ORG 'Karachi police'" (the recogniser's label and the text where nothing was resolved)."""
    names = as_name(mention.get("names"))
    if not names:
        label = f" {mention['label']}" if mention.get("label") else ""
        return f"unresolved{label} {str(mention.get('text', '?'))!r}"
    parts = [str(mention.get("kind") or "?"), names[0]]
    parts.extend(str(mention[key]) for key in ("country",) if mention.get(key))
    return " ".join(parts)


def _gold_names(
    events: Iterable[Mapping[str, Any]],
) -> tuple[dict[str, str | None], dict[str, tuple[str, ...]]]:
    """Each gold place name with its country (None where gold gives it two) and the names
    of every place it is a name of."""
    countries: dict[str, str | None] = {}
    places: dict[str, tuple[str, ...]] = {}
    for event in events:
        country, names = event.get("country"), as_name(event.get("place"))
        if not isinstance(country, str) or not country:
            continue
        for name in (n.strip() for n in names):
            if not name:
                continue
            known = countries.setdefault(name, country.upper())
            countries[name] = known if known == country.upper() else None
            places[name] = tuple(dict.fromkeys((*places.get(name, ()), *names)))
    return countries, places


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether the naming is part of a longer name ("FATA Research Centre", "Hotel Kabul"):
    a capitalised word other than a function word right before or after it."""
    before = _WORD_BEFORE.search(text, 0, start)
    after = _WORD_AFTER.match(text, end)
    words = [m.group(1) for m in (before, after) if m is not None]
    return any(w[:1].isupper() and w.casefold() not in _FUNCTION_WORDS for w in words)


def _names_agree(gold: Sequence[str], system: Sequence[str]) -> bool:
    wanted = {key for name in gold for key in _name_keys(name)}
    return any(key in wanted for name in system for key in _name_keys(name))


def _name_keys(name: str) -> set[str]:
    """The normal form of a name, with and without a lower-case compass word before it or a
    descriptor noun after it ("southern Punjab", "Zabul Province" also as "Punjab", "Zabul")."""
    keys = {normalise_name(name)}
    stripped = _TRAILING.sub("", _LEADING.sub("", name.strip()))
    keys.add(normalise_name(stripped))
    return keys - {""}


def _span(item: Mapping[str, Any], index: int, source: str) -> tuple[int, int]:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or end < start:
        raise InputError(source, f'"mentions"[{index}] has no integer start and end')
    return start, end


def _best_overlap(
    occurrence: Occurrence, spans: Sequence[tuple[int, int]], mentions: Sequence[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    best, best_overlap = None, 0
    for (start, end), mention in zip(spans, mentions, strict=True):
        overlap = min(end, occurrence.end) - max(start, occurrence.start)
        if overlap > best_overlap:
            best, best_overlap = mention, overlap
    return best
