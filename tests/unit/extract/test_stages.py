"""Tests for the stage registry and its ordering check (mosaic.extract.stages)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from mosaic.extract.config import PipelineConfigError, read_config
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.pipeline import Extractor
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.stages import STAGES, Analysis, ordered_stages, stage
from mosaic.model import Report


def test_stages_shipped_order_is_every_stage_registered() -> None:
    config = read_config()
    assert [s.name for s in ordered_stages(config)] == list(config.stages)
    assert set(config.stages) <= set(STAGES.get_all())


def test_stages_one_needing_what_no_earlier_stage_sets_is_refused() -> None:
    shipped = read_config()
    early_merge = ("mosaic.display_lines.v1", "mosaic.link_entities.v1", "mosaic.merge_events.v1")
    missing = r"'mosaic.merge_events.v1' needs \['contexts', 'findings'\]"
    with pytest.raises(PipelineConfigError, match=missing):
        ordered_stages(replace(shipped, stages=early_merge))


def test_stages_unregistered_name_is_refused_naming_the_file() -> None:
    shipped = read_config()
    with pytest.raises(PipelineConfigError, match=r"^data/pipeline.cfg: .*'mosaic.nowhere.v1'"):
        ordered_stages(replace(shipped, stages=("mosaic.nowhere.v1",)))


def test_stages_naming_a_field_the_analysis_lacks_is_refused_at_registration() -> None:
    with pytest.raises(ValueError, match=r"\['evnets'\] are not fields of Analysis"):
        stage("test.misspelt.v1", needs=["contexts"], sets=["evnets"])
    assert "test.misspelt.v1" not in STAGES.get_all()


_SEEN: list[int] = []


@stage("test.count_sentences.v1", needs=["contexts"])
def _count_sentences(extractor: Extractor, analysis: Analysis) -> None:
    _SEEN.append(len(analysis.contexts))


@pytest.mark.slow
def test_stages_registered_stage_runs_where_the_config_puts_it(
    nlp: Language, gazetteer: Gazetteer, places: PlaceTable
) -> None:
    shipped = read_config()
    config = replace(shipped, stages=(*shipped.stages, "test.count_sentences.v1"))
    extractor = Extractor(nlp, gazetteer, places, config=config)
    found = extractor.extract(Report(text="IS attacked Kabul. The TTP denied it."))
    assert _SEEN == [2]
    assert found.events  # the shipped stages ran before it
