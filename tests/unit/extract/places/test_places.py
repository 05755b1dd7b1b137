"""Tests for the place table and geocoder (mosaic.extract.places.table)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mosaic
from mosaic.errors import InputError
from mosaic.extract.places.table import Place, PlaceTable, parse_place
from mosaic.model import EntityKind

EVAL = Path(__file__).resolve().parents[4] / ".." / "shared" / "eval"


def place(key: str, name: str, country: str, feature: str = "town", **kw: object) -> Place:
    fields: dict[str, object] = {
        "aliases": (), "admin1": None, "latitude": 30.0, "longitude": 70.0, "population": None,
    }  # fmt: skip
    fields.update(kw)
    return Place(key=key, name=name, country=country, feature=feature, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def table() -> PlaceTable:
    return PlaceTable.default()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Peshawar", "place:pk:peshawar"),
        ("Miranshah", "place:pk:miranshah"),
        ("Miran Shah", "place:pk:miranshah"),
        ("Miram Shah", "place:pk:miranshah"),
        ("North Waziristan", "place:pk:north-waziristan"),
        ("north waziristan agency", "place:pk:north-waziristan"),
        ("Mazar-e-Sharif", "place:af:mazar-i-sharif"),
        ("Mazar-i-Sharif", "place:af:mazar-i-sharif"),
        ("Achin District", "place:af:achin"),
        ("Kabul's", "place:af:kabul"),
        ("Crocus City Hall", "place:ru:crocus-city-hall"),
    ],
)
def test_places_lookup_finds_spelling_variants(table: PlaceTable, name: str, key: str) -> None:
    assert key in [p.key for p in table.lookup(name)]
    resolved = table.resolve(name)
    assert resolved is not None and resolved.key == key


def test_places_resolve_prefers_context_country() -> None:
    table = PlaceTable.from_places(
        [
            place("place:pk:hyderabad", "Hyderabad", "PK", "city", population=1_700_000),
            place("place:in:hyderabad", "Hyderabad", "IN", "city", population=6_800_000),
        ]
    )
    assert table.resolve("Hyderabad", ["PK", "AF"]).key == "place:pk:hyderabad"  # type: ignore[union-attr]
    assert table.resolve("Hyderabad", ["IN"]).key == "place:in:hyderabad"  # type: ignore[union-attr]
    assert table.resolve("Hyderabad").key == "place:in:hyderabad"  # type: ignore[union-attr]


def test_places_resolve_context_order_decides_between_two_context_countries() -> None:
    table = PlaceTable.from_places(
        [place("place:af:pishin", "Pishin", "AF"), place("place:pk:pishin", "Pishin", "PK")]
    )
    assert table.resolve("Pishin", ["PK", "AF"]).country == "PK"  # type: ignore[union-attr]
    assert table.resolve("Pishin", ["AF", "PK"]).country == "AF"  # type: ignore[union-attr]


def test_places_resolve_named_country_beats_town_in_context() -> None:
    table = PlaceTable.from_places(
        [
            place("place:jo", "Jordan", "JO", "country"),
            place("place:ph:jordan", "Jordan", "PH", "town", population=40_000),
        ]
    )
    assert table.resolve("Jordan", ["PH"]).key == "place:jo"  # type: ignore[union-attr]


def test_places_resolve_city_beats_province_named_after_it(table: PlaceTable) -> None:
    assert table.resolve("Kunduz", ["AF"]).feature == "city"  # type: ignore[union-attr]
    assert table.resolve("Kunduz province", ["AF"]).feature == "province"  # type: ignore[union-attr]
    assert table.resolve("Kunduz city").key == "place:af:kunduz"  # type: ignore[union-attr]


def test_places_resolve_uses_default_context_in_real_table(table: PlaceTable) -> None:
    assert table.resolve("Punjab", ["IN"]).key == "place:in:punjab"  # type: ignore[union-attr]
    assert table.resolve("Punjab", ["PK"]).key == "place:pk:punjab"  # type: ignore[union-attr]
    assert table.resolve("Hyderabad", ["PK"]).country == "PK"  # type: ignore[union-attr]
    assert table.resolve("Bali", ["PK", "AF"]).country == "ID"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("word", "iso2"),
    [
        ("Pakistani", "PK"),
        ("Pakistanis", "PK"),
        ("Afghan", "AF"),
        ("Afghans", "AF"),
        ("Afghanistan", "AF"),
        ("Russian", "RU"),
        ("Iranian", "IR"),
        ("Tajik", "TJ"),
        ("Uzbek", "UZ"),
        ("Chinese", "CN"),
        ("Turkish", "TR"),
        ("Indian", "IN"),
        ("Syrian", "SY"),
        ("Iraqi", "IQ"),
        ("Baloch", "PK"),
        ("Balochistan", "PK"),
        ("Sistan-Baluchestan", "IR"),
        ("Uyghur", "CN"),
        ("U.S.", "US"),
        ("American", "US"),
    ],
)
def test_places_country_of_word_reads_demonyms_and_names(
    table: PlaceTable, word: str, iso2: str
) -> None:
    assert table.country_of_word(word) == iso2


@pytest.mark.parametrize("word", ["Peshawar", "Omar", "Islamic", "the", "Reading"])
def test_places_country_of_word_ignores_towns_and_stop_words(table: PlaceTable, word: str) -> None:
    assert table.country_of_word(word) is None


@pytest.mark.parametrize(
    "name",
    ["Of", "of", "Islam", "Aman", "Omar", "Hamza", "Faisal", "Khan", "Khorasan", "Islamic State",
     "Greater Khorasan", "Thai", "Afghan", "UN", "Asia", "Central Asia", "White House", "Hit",
     "Xi", "Daesh", "the", "", "1998"],
)  # fmt: skip
def test_places_stop_list_blocks_words_names_and_group_fragments(
    table: PlaceTable, name: str
) -> None:
    assert table.resolve(name, ["PK", "AF", "IQ"]) is None
    assert not table.is_known(name)


def test_places_stop_list_applies_to_custom_tables_unless_replaced() -> None:
    towns = [place("place:ir:omar", "Omar", "IR")]
    assert PlaceTable.from_places(towns).resolve("Omar") is None
    assert PlaceTable.from_places(towns, stop_words=()).resolve("Omar") is not None


def test_places_two_letter_names_find_countries_only() -> None:
    table = PlaceTable.from_places(
        [place("place:us", "United States", "US", "country", aliases=("US",)),
         place("place:in:un", "Un", "IN"), place("place:in:us", "Us", "IN")]
    )  # fmt: skip
    assert [p.key for p in table.lookup("US")] == ["place:us"]
    assert table.lookup("Un") == []


def test_places_ref_carries_key_names_country_and_coordinates(table: PlaceTable) -> None:
    peshawar = table.resolve("Peshawar")
    assert peshawar is not None
    ref = peshawar.ref()
    assert ref.kind is EntityKind.PLACE
    assert ref.key == "place:pk:peshawar"
    assert ref.name == "Peshawar"
    assert ref.country == "PK"
    assert ref.names[0] == "Peshawar" and set(peshawar.aliases) <= set(ref.names)
    assert ref.latitude == pytest.approx(34.0, abs=0.2)
    assert ref.longitude == pytest.approx(71.6, abs=0.2)


def test_places_country_by_code(table: PlaceTable) -> None:
    afghanistan = table.country("af")
    assert afghanistan is not None
    assert (afghanistan.key, afghanistan.name, afghanistan.feature) == (
        "place:af", "Afghanistan", "country",
    )  # fmt: skip
    assert table.country("XX") is None


def test_places_default_table_is_loaded_once() -> None:
    assert PlaceTable.default() is PlaceTable.default()


def test_places_packaged_data_is_consistent(table: PlaceTable) -> None:
    places = [p for name in ("Kabul", "Karachi", "Moscow") for p in table.lookup(name)]
    assert places
    assert len(table) > 10_000
    for p in table:
        assert p.key.startswith(f"place:{p.country.lower()}")
        assert table.country(p.country) is not None, p.key
        assert -90 <= p.latitude <= 90 and -180 <= p.longitude <= 180, p.key


def test_places_parse_place_rejects_bad_rows() -> None:
    good = ["place:pk:wana", "Wana", "", "PK", "", "town", "32.3", "69.5", "", ""]
    assert parse_place(good, "curated.tsv", 1).name == "Wana"
    with pytest.raises(InputError, match=r"curated\.tsv:7"):
        parse_place(good[:5], "curated.tsv", 7)
    with pytest.raises(InputError, match="unknown feature"):
        parse_place([*good[:5], "hamlet", *good[6:]], "curated.tsv", 2)
    with pytest.raises(InputError, match="bad number"):
        parse_place([*good[:6], "north", *good[7:]], "curated.tsv", 3)


def gold_places() -> list[tuple[list[str], str]]:
    """(place NAME, country) of every gold event that states both."""
    found = []
    for path in sorted(EVAL.glob("*/*.json")):
        for event in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            if event.get("place") and event.get("country"):
                found.append((event["place"], event["country"]))
    return found


def test_places_cover_gold_event_places(table: PlaceTable) -> None:
    gold = gold_places()
    if not gold:
        pytest.skip("no gold files under ../shared/eval")
    hits = 0
    for names, country in gold:
        resolved = table.resolve(names[0], [country])
        hits += resolved is not None and resolved.country == country
    share = hits / len(gold)
    print(f"gold place NAMEs resolved in their country: {hits}/{len(gold)} = {share:.1%}")
    assert share >= 0.9


def test_places_a_province_contains_its_towns_only() -> None:
    table = PlaceTable.default()
    assert table.contains("place:pk:balochistan", "place:pk:quetta")
    assert not table.contains("place:pk:balochistan", "place:pk:peshawar")
    assert not table.contains("place:pk:quetta", "place:pk:balochistan")
    assert not table.contains("place:pk:balochistan", "place:pk:balochistan")


def test_packaged_capitals_are_places_of_their_country() -> None:
    """Every row of capitals.tsv names a place of the table in its own country."""
    table = PlaceTable.default()
    rows = (Path(mosaic.__file__).parent / "data/places/capitals.tsv").read_text().splitlines()
    listed = [row.split("\t")[0] for row in rows if row and not row.startswith(("#", "iso2"))]
    capitals = [table.capital(iso2) for iso2 in listed]
    assert len(listed) >= 50
    pairs = zip(capitals, listed, strict=True)
    assert all(c is not None and c.country == iso2 for c, iso2 in pairs)
    kabul = table.capital("af")
    assert kabul is not None and kabul.name == "Kabul" and table.capital("XX") is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Borno", "place:ng:borno"),
        ("Borno state", "place:ng:borno"),
        ("Cabo Delgado province", "place:mz:cabo-delgado"),
        ("North Kivu", "place:cd:north-kivu"),
        ("Nord-Kivu", "place:cd:north-kivu"),
        ("Tillaberi", "place:ne:tillaberi"),
        ("Tillabéri region", "place:ne:tillaberi"),
        ("Selangor", "place:my:selangor"),
        ("Selangor state", "place:my:selangor"),
        ("Morazan department", "place:sv:morazan"),
        ("Usulutan", "place:sv:usulutan"),
        ("Antioquia", "place:co:antioquia"),
        ("Quiche", "place:gt:quiche"),
    ],
)
def test_places_resolve_finds_admin1_provinces(table: PlaceTable, name: str, key: str) -> None:
    resolved = table.resolve(name)
    assert resolved is not None and (resolved.key, resolved.feature) == (key, "province")


@pytest.mark.parametrize(
    ("name", "country"),
    [("Lima", "PE"), ("Kinshasa", "CD"), ("Nairobi", "KE"), ("Kano", "NG"), ("Misrata", "LY")],
)
def test_places_resolve_keeps_a_city_over_its_admin1_province(
    table: PlaceTable, name: str, country: str
) -> None:
    resolved = table.resolve(name)
    assert resolved is not None and (resolved.country, resolved.feature) == (country, "city")


@pytest.mark.parametrize(
    ("name", "key"),
    [("Gaza", "place:ps:gaza"), ("Niger", "place:ne"), ("Delta", None), ("Sahel", None)],
)
def test_places_admin1_words_and_shared_names_keep_their_meaning(
    table: PlaceTable, name: str, key: str | None
) -> None:
    resolved = table.resolve(name)
    assert (resolved.key if resolved else None) == key


def test_places_an_admin1_province_contains_its_towns(table: PlaceTable) -> None:
    assert table.contains("place:ng:borno", "place:ng:maiduguri")
    assert not table.contains("place:ng:borno", "place:ng:kano")
    assert table.country_of_word("Borno") == "NG"
