"""The place table: countries, provinces, districts, towns and venues, and a geocoder over them.

The table ships as TSV files in `mosaic/data/places/` (see ATTRIBUTION.md there) and
is read with importlib.resources, so geocoding needs no network and no third-party
package. Names are matched with `match_key`, the same key resolution uses, so
"Miran Shah" and "Miranshah" meet. Precision matters more than recall: a stop-list
keeps ordinary words, person names and group-name fragments ("Omar", "Khorasan")
from ever resolving to a place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from mosaic.errors import InputError
from mosaic.extract import lexicon
from mosaic.model import EntityKind, EntityRef
from mosaic.resolve.names import match_key, normalise

FEATURES: Mapping[str, int] = MappingProxyType({
    "country": 0, "city": 1, "province": 1, "region": 1, "district": 2,
    "town": 3, "venue": 4, "area": 4, "village": 5,
})  # fmt: skip
"""Feature types and their rank for a bare name, best first: a country beats everything,
a city or province beats a district, a district beats a town, a town beats a village."""

_ASSUMED_POPULATION = MappingProxyType({"province": 1_000_000, "region": 1_000_000})
_ADMINISTRATIVE = lexicon.words("places.administrative_features")
_PLACE_COLUMNS = (
    "key", "name", "aliases", "country", "admin1", "feature", "latitude", "longitude",
    "population", "ids",
)  # fmt: skip
_PLACE_FILES = ("provinces.tsv", "admin1.tsv", "curated.tsv", "geonames.tsv")
_CONNECTORS = lexicon.words("places.connectors")
_SHORTEST_LOOSE = 4
_NAME_ARTICLES = lexicon.words("places.articles")
_NO_DEMONYMS: Mapping[str, str] = MappingProxyType({})
_NO_CAPITALS: Mapping[str, str] = MappingProxyType({})
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,4}")


@dataclass(frozen=True)
class Place:
    """One place of the table, keyed "place:<iso2 lower>:<slug>" ("place:<iso2>" for countries)."""

    key: str
    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str | None
    feature: str
    latitude: float
    longitude: float
    population: int | None = None
    external_ids: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def ref(self) -> EntityRef:
        """The place as extraction reports it."""
        return EntityRef(
            name=self.name,
            kind=EntityKind.PLACE,
            key=self.key,
            aliases=self.aliases,
            country=self.country,
            latitude=self.latitude,
            longitude=self.longitude,
            external_ids=self.external_ids,
        )


def _fits_acronym(place: Place, acronym: str) -> bool:
    """Whether an all-capitals word means `place`: one of its names spelled so ("FATA"),
    or a place big enough to head a dateline ("DOHA"); "HIV" is no village."""
    bare = acronym.replace(".", "")
    spelled = any(name.replace(".", "") == bare for name in place.names)
    return spelled or place.feature in ("country", "city", "province", "region")


def loose_key(name: str) -> str:
    """`match_key` without one-letter connectors inside the name and without a leading
    Arabic article: "Mazar-i-Sharif" meets "Mazar Sharif", "Al-Qamishli" "Qamishli"."""
    return _loosen(normalise(name).split())


def _loosen(words: list[str]) -> str:
    if len(words) > 1 and words[0] in _NAME_ARTICLES:
        words = words[1:]
    inner = range(1, len(words) - 1)
    return "".join(w for i, w in enumerate(words) if not (i in inner and w in _CONNECTORS))


def _keys(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """The match keys and the loose keys (of four letters or more) of names, normalising
    each name once: loading the table is mostly this."""
    exact, loose = set(), set()
    for name in names:
        words = normalise(name).split()
        exact.add("".join(words))
        loose.add(_loosen(words))
    return exact - {""}, {key for key in loose if len(key) >= _SHORTEST_LOOSE}


_LEADING = re.compile(
    r"^(?:(?:north|south|east|west)(?:\s*(?:east|west))?(?:ern)?|central|greater|"
    r"(?:the\s+)?(?:city|town|village|province|district|region)\s+of)\s+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:province|provinces|district|city|town|village|agency|tribal\s+(?:area|agency|district)"
    r"|region|division|governorate|oblast|state|port)$",
    re.IGNORECASE,
)
_HINTS = {"province": "province", "provinces": "province", "district": "district",
          "agency": "district", "city": "city", "town": "town", "village": "village",
          "region": "region", "state": "province", "governorate": "province",
          "oblast": "province", "division": "district"}  # fmt: skip


def strip_descriptor(name: str) -> tuple[str, str | None] | None:
    """Drop one descriptive word ("southern Punjab", "Achin District"); None if there is none.

    The second item is the feature the dropped word asks for ("district"), if any.
    """
    stripped = _LEADING.sub("", name.strip(), count=1)
    if stripped != name.strip():
        return stripped, None
    match = _TRAILING.search(name)
    if match is None:
        return None
    last = match.group(0).split()[-1].casefold()
    return name[: match.start()], _HINTS.get(last)


REGION_FEATURES = lexicon.words("places.region_features")
"""Features of the places that hold towns by their admin1 ("Balochistan" holds Quetta)."""


class PlaceTable:
    """Every place the package knows, indexed by `match_key` and `loose_key` of each name."""

    def __init__(
        self,
        places: Iterable[Place],
        demonyms: Mapping[str, str],
        stop_words: Iterable[str],
        capitals: Mapping[str, str] = _NO_CAPITALS,
        adjectives: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self._places: dict[str, Place] = {}
        self._exact: dict[str, list[Place]] = {}
        self._loose: dict[str, list[Place]] = {}
        for place in places:
            self._add(place)
        self._demonyms = {match_key(word): iso2.upper() for word, iso2 in demonyms.items()}
        self._adjectives: dict[str, list[str]] = {}
        for word, iso2 in demonyms.items() if adjectives is None else ():
            self._adjectives.setdefault(iso2.upper(), []).append(word)
        for iso2, words in (adjectives or {}).items():
            self._adjectives[iso2.upper()] = list(words)
        self._stop = frozenset(match_key(word) for word in stop_words)
        self._capitals = {iso2.upper(): key for iso2, key in capitals.items()}

    @classmethod
    def default(cls) -> PlaceTable:
        """The table shipped with the package, loaded once."""
        return _default_table()

    @classmethod
    def from_places(
        cls,
        places: Iterable[Place],
        demonyms: Mapping[str, str] = _NO_DEMONYMS,
        stop_words: Iterable[str] | None = None,
        capitals: Mapping[str, str] = _NO_CAPITALS,
    ) -> PlaceTable:
        """A table of the given places; `stop_words` defaults to the packaged stop-list;
        `capitals` maps a country's ISO alpha-2 code to its capital's key."""
        stop = packaged_stop_words() if stop_words is None else tuple(stop_words)
        return cls(places, demonyms, stop, capitals)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def _add(self, place: Place) -> None:
        if place.key in self._places:
            return
        self._places[place.key] = place
        exact, loose = _keys(place.names)
        for index, keys in ((self._exact, exact), (self._loose, loose)):
            for key in sorted(keys):
                index.setdefault(key, []).append(place)

    def contains(self, outer_key: str, inner_key: str) -> bool:
        """Whether the province or region `outer_key` holds the place `inner_key` ("Quetta" lies
        in "Balochistan")."""
        outer, inner = self._places.get(outer_key), self._places.get(inner_key)
        if outer is None or inner is None or outer.key == inner.key:
            return False
        return (
            outer.feature in REGION_FEATURES
            and outer.country == inner.country
            and outer.admin1 is not None
            and outer.admin1 == inner.admin1
        )

    def lookup(self, name: str) -> list[Place]:
        """All places with this name or alias, descriptors aside ("Achin District" finds Achin)."""
        return self._candidates(name)[0]

    def _candidates(self, name: str) -> tuple[list[Place], str | None]:
        """Places named `name`, and the feature a dropped descriptor asked for.

        Two-letter keys find countries only ("US", "UK"), never a village called "Un".
        """
        name = _POSSESSIVE.sub("", name)
        found = self._exact.get(match_key(name)) or self._loose.get(loose_key(name))
        if found and len(match_key(name)) < 3:
            found = [place for place in found if place.feature == "country"]
        if found and _ACRONYM.fullmatch(name):
            found = [place for place in found if _fits_acronym(place, name)]
        if found:
            return list(found), None
        stripped = strip_descriptor(name)
        if stripped is None or self._stopped(stripped[0]):
            return [], None
        places, hint = self._candidates(stripped[0])
        return places, stripped[1] or hint

    def _stopped(self, name: str) -> bool:
        """Whether `name` is a stop-listed word or a demonym ("Thai" is no town)."""
        key = match_key(_POSSESSIVE.sub("", name))
        return not key or key in self._stop or key in self._demonyms or key.isdigit()

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Place | None:
        """The place `name` most likely means, or None for an unknown or stop-listed name.

        Preference, in order: an exactly named country; a place in the earliest of
        `context_countries` (the document's countries, most frequent first); the feature
        a descriptor asked for ("Kunduz province"); a place whose own name this is over
        one that has it as an alias; a town over the province or district named after it
        ("Kunduz" the city); the better feature rank; the larger population ("Bali" the
        island, not Bali in West Bengal); the key, so the answer is deterministic.
        """
        if self._stopped(name):
            return None
        candidates, hint = self._candidates(name)
        if not candidates:
            return None
        context = [iso2.upper() for iso2 in context_countries]
        wanted = match_key(_POSSESSIVE.sub("", name))
        towns = {
            (p.country, match_key(p.name)) for p in candidates if p.feature in ("city", "town")
        }

        def preference(place: Place) -> tuple[int, int, int, int, int, int, int, str]:
            in_context = context.index(place.country) if place.country in context else len(context)
            own_name = match_key(place.name)
            shadowed = place.feature in _ADMINISTRATIVE and (place.country, own_name) in towns
            population = place.population or _ASSUMED_POPULATION.get(place.feature, 0)
            return (
                place.feature != "country",
                in_context,
                hint is not None and place.feature != hint,
                hint is None and own_name != wanted,
                hint is None and shadowed,
                FEATURES[place.feature],
                -population,
                place.key,
            )

        return min(candidates, key=preference)

    def country(self, iso2: str) -> Place | None:
        """The country with this ISO alpha-2 code."""
        return self._places.get(f"place:{iso2.casefold()}")

    def demonyms(self, iso2: str) -> tuple[str, ...]:
        """The adjectives of the country with this code, in the table's order ("Sri Lankan");
        not the plurals naming its people ("Americans"), nor its peoples ("Baloch")."""
        words = self._adjectives.get(iso2.upper(), [])
        return tuple(w for w in words if not (w.endswith("s") and w[:-1] in words))

    def capital(self, iso2: str) -> Place | None:
        """The city reporting calls the country's capital, where the table knows it."""
        key = self._capitals.get(iso2.upper())
        return self._places.get(key) if key is not None else None

    def country_of_word(self, word: str) -> str | None:
        """The ISO alpha-2 code a demonym, country or province names: "Afghan" -> "AF"."""
        key = match_key(_POSSESSIVE.sub("", word))
        if not key or key in self._stop:
            return None
        iso2 = self._demonyms.get(key)
        if iso2 is None and key.endswith("s"):
            iso2 = self._demonyms.get(key[:-1])
        if iso2 is not None:
            return iso2
        place = self.resolve(word)
        if place is None or place.feature not in ("country", "province", "region"):
            return None
        return place.country

    def is_known(self, name: str) -> bool:
        """Whether `name` resolves to a place (stop-listed words never do)."""
        return self.resolve(name) is not None


def _data_lines(filename: str) -> Iterable[tuple[int, list[str]]]:
    """Numbered rows of a packaged TSV file, without its header, comments and blank lines."""
    text = (resources.files("mosaic") / "data" / "places" / filename).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line.split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _external_id(item: str) -> tuple[str, str]:
    scheme, _, value = item.partition(":")
    return scheme, value


def parse_place(cells: Sequence[str], source: str, line: int) -> Place:
    """One row of a place file (columns as `_PLACE_COLUMNS`)."""
    if len(cells) != len(_PLACE_COLUMNS):
        raise InputError(source, f"expected {len(_PLACE_COLUMNS)} columns, got {len(cells)}", line)
    key, name, aliases, country, admin1, feature, lat, lon, population, ids = cells
    if feature not in FEATURES:
        raise InputError(source, f"unknown feature {feature!r}", line)
    try:
        return Place(
            key, name, _split(aliases), country, admin1 or None, feature,
            float(lat), float(lon), int(population) if population else None,
            tuple(_external_id(item) for item in _split(ids)),
        )  # fmt: skip
    except ValueError as e:
        raise InputError(source, f"bad number: {e}", line) from e


def _country(cells: Sequence[str], line: int) -> Place:
    """One row of countries.tsv: iso2, name, aliases, demonyms, latitude, longitude."""
    if len(cells) != 6:
        raise InputError("countries.tsv", f"expected 6 columns, got {len(cells)}", line)
    iso2, name, aliases, _demonyms, lat, lon = cells
    try:
        position = float(lat), float(lon)
    except ValueError as e:
        raise InputError("countries.tsv", f"bad number: {e}", line) from e
    return Place(f"place:{iso2.lower()}", name, _split(aliases), iso2, None, "country", *position)


def _packaged_places() -> Iterable[Place]:
    for number, cells in _data_lines("countries.tsv"):
        if cells[0] != "iso2":
            yield _country(cells, number)
    for filename in _PLACE_FILES:
        for number, cells in _data_lines(filename):
            if cells[0] != "key":
                yield parse_place(cells, filename, number)


def _packaged_demonyms() -> dict[str, str]:
    words: dict[str, str] = {}
    for _, cells in _data_lines("countries.tsv"):
        if cells[0] != "iso2":
            words.update((word, cells[0]) for word in _split(cells[3]))
    for _, cells in _data_lines("demonyms.tsv"):
        if cells[0] != "word":
            words[cells[0]] = cells[1]
    return words


def _packaged_adjectives() -> dict[str, tuple[str, ...]]:
    """Each country's own demonyms (countries.tsv), without demonyms.tsv's peoples."""
    rows = _data_lines("countries.tsv")
    return {cells[0]: _split(cells[3]) for _, cells in rows if cells[0] != "iso2"}


def _packaged_capitals() -> dict[str, str]:
    return {cells[0]: cells[1] for _, cells in _data_lines("capitals.tsv") if cells[0] != "iso2"}


@functools.cache
def packaged_stop_words() -> tuple[str, ...]:
    """The stop-list shipped with the package: words that never name a place."""
    return tuple(cells[0].strip() for _, cells in _data_lines("stoplist.txt"))


@functools.cache
def _default_table() -> PlaceTable:
    return PlaceTable(
        _packaged_places(), _packaged_demonyms(), packaged_stop_words(), _packaged_capitals(),
        _packaged_adjectives(),
    )  # fmt: skip
