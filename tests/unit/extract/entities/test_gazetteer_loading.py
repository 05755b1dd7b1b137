"""Loading the shipped actor files (extract.entities.gazetteer): one libyaml pass, same records."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from mosaic.extract.entities import gazetteer
from mosaic.extract.entities.gazetteer import DATA_FILES, parse_records


@pytest.mark.parametrize("filename", DATA_FILES)
def test_gazetteer_loading_matches_pure_python_yaml(filename: str) -> None:
    text = resources.files("mosaic").joinpath("data", "actors", filename).read_text("utf-8")
    root, data = gazetteer._compose_and_load(text)
    pure_root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert data == yaml.load(text, Loader=yaml.SafeLoader)
    assert root is not None and pure_root is not None
    lines = [node.start_mark.line for node in root.value]
    assert lines == [node.start_mark.line for node in pure_root.value]
    assert len(parse_records(text, filename)) == len(data)


def test_gazetteer_loading_empty_document_has_no_records() -> None:
    assert gazetteer._compose_and_load("# nothing yet\n") == (None, None)
    assert parse_records("", "empty.yaml") == []
