"""Tests of reading gold folders and extraction files."""

from __future__ import annotations

from pathlib import Path

import pytest

from mosaic.errors import InputError
from mosaic.evaluation.documents import load_gold_dir, passage, read_extraction_file

DATA = Path(__file__).resolve().parents[2] / "data" / "evaluation"


def test_documents_load_gold_dir_reads_gold_and_passage() -> None:
    documents = load_gold_dir(DATA / "gold")
    assert [d.doc_id for d in documents] == ["test-d1"]
    document = documents[0]
    assert document.published == "2020-03-01"
    assert document.text.startswith("In February 2020")
    assert document.data["events"][0]["evidence"] in document.text
    assert document.path == DATA / "gold" / "d1.json"


def test_documents_bad_json_names_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        load_gold_dir(DATA / "bad_json")
    assert caught.value.source.endswith("broken.json")
    assert caught.value.line == 2


def test_documents_missing_text_file_names_gold_file() -> None:
    with pytest.raises(InputError, match=r"no_such_text\.txt") as caught:
        load_gold_dir(DATA / "missing_text")
    assert caught.value.source.endswith("lost.json")


def test_documents_missing_folder_is_input_error() -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_gold_dir(DATA / "no_such_folder")


def test_documents_read_extraction_file_checks_shape(tmp_path: Path) -> None:
    assert read_extraction_file(DATA / "system" / "d1.json")["doc_id"] == "test-d1"
    bad = tmp_path / "bad.json"
    bad.write_text('{"events": [1]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"events.*\[0\]"):
        read_extraction_file(bad)


def test_documents_passage_drops_only_a_header_block() -> None:
    assert passage("URL: x\nTITLE: y\n\nBody text.") == "Body text."
    assert passage("Read this: now\n\nBody text.") == "Read this: now\n\nBody text."
    assert passage("No header at all.") == "No header at all."
