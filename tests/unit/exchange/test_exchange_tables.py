from __future__ import annotations

import csv
import io

from mosaic.exchange.snapshot import Snapshot
from mosaic.exchange.tables import ACLED_COLUMNS, GTD_COLUMNS, export_acled, export_gtd


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_tables_gtd_row_has_the_codebook_columns_and_codes(snapshot: Snapshot) -> None:
    rows = _rows(export_gtd(snapshot))
    assert list(rows[0])[: len(GTD_COLUMNS)] == GTD_COLUMNS
    wagah = rows[1]
    assert (wagah["iyear"], wagah["imonth"], wagah["iday"]) == ("2014", "11", "2")
    assert wagah["country_txt"] == "Pakistan"
    assert (wagah["attacktype1_txt"], wagah["suicide"]) == ("Bombing/Explosion", "1")
    assert (wagah["gname"], wagah["claimed"], wagah["nkill"]) == ("Jamaat-ul-Ahrar", "1", "55")
    assert wagah["scite1"].startswith('"Wagah toll rises," Example Wire, 2014-11-04.')
    assert rows[2]["targtype1_txt"] == "Educational Institution"


def test_tables_acled_row_has_the_codebook_columns_and_codes(snapshot: Snapshot) -> None:
    rows = _rows(export_acled(snapshot))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    wagah = rows[1]
    assert (wagah["event_type"], wagah["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Suicide bomb",
    )
    assert (wagah["event_date"], wagah["fatalities"], wagah["actor1"]) == (
        "2014-11-02",
        "55",
        "Jamaat-ul-Ahrar",
    )
    assert wagah["source"] == "Example Wire; Frontier Daily"
