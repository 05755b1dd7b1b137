"""Reading a MUC-4 split from a tiny hand-written copy of the GRIT and keys_json layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mosaic.errors import InputError
from mosaic.evaluation.muc4.corpus import dateline_date, grit_number, load_split, read_grit_split

FIXTURE = Path(__file__).resolve().parents[4] / "tests" / "data" / "evaluation" / "muc4"


def test_muc4_corpus_loads_dev_from_both_key_parts() -> None:
    documents = load_split(FIXTURE, "dev")
    assert [d.doc_id for d in documents] == ["TST1-MUC3-0001", "TST2-MUC4-0001"]
    bombing, speech = documents
    assert bombing.text.startswith("PUERTO NUEVO, 3 MAR 90")
    assert bombing.grit_text.startswith("unidentified gunmen")
    assert speech.templates == ()


def test_muc4_corpus_gold_keeps_coreferent_mentions_without_offsets() -> None:
    bombing = load_split(FIXTURE, "dev")[0]
    assert bombing.gold["PerpOrg"] == (("people's vanguard", "pv"),)
    assert bombing.gold["Weapon"] == (("car bomb",),)


def test_muc4_corpus_reads_key_templates_and_optional_mark() -> None:
    first, second = load_split(FIXTURE, "dev")[0].templates
    assert (first.number, first.optional) == ("1", False)
    assert (second.number, second.optional) == ("2", True)
    assert first.slot("INCIDENT: DATE") == ("02 MAR 90",)
    assert first.slot("PERP: INDIVIDUAL ID") == ()


def test_muc4_corpus_dateline_gives_the_report_date() -> None:
    bombing, speech = load_split(FIXTURE, "dev")
    assert bombing.dateline == dt.date(1990, 3, 3)
    assert speech.dateline is None


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("LIMA, 12 JAN 90 (EFE) -- [TEXT] X", dt.date(1990, 1, 12)),
        ("Concepcion, 23 Aug 88 (Santiago Domestic Service) -- [Report]", dt.date(1988, 8, 23)),
        ("PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT]", dt.date(1989, 6, 11)),
        ("TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] ON 3 MAR 89 A BOMB", None),
    ],
)
def test_muc4_corpus_dateline_forms(head: str, date: dt.date | None) -> None:
    assert dateline_date(head) == date


def test_muc4_corpus_rejects_unknown_split() -> None:
    with pytest.raises(InputError, match="unknown MUC-4 split"):
        load_split(FIXTURE, "tst9")


def test_muc4_corpus_reports_document_without_key(tmp_path: Path) -> None:
    (tmp_path / "grit_processed").mkdir()
    (tmp_path / "keys_json").mkdir()
    (tmp_path / "grit_processed" / "test.json").write_text(
        '{"docid": "TST3-MUC4-0001", "doctext": "x", "extracts": {}}\n', encoding="utf-8"
    )
    for part in ("tst3", "tst4"):
        (tmp_path / "keys_json" / f"{part}.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no key entry for TST3-MUC4-0001"):
        load_split(tmp_path, "test")


def test_muc4_corpus_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "dev.json"
    path.write_text('{"docid": "A", "doctext": "", "extracts": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_grit_split(path)
    assert caught.value.line == 2


def test_muc4_corpus_grit_number_of_message_ids() -> None:
    assert grit_number("TST3-MUC4-0002") == "30002"
    assert grit_number("TST4-MUC4-0100") == "40100"
    with pytest.raises(InputError):
        grit_number("report-7")
