"""Tests for the stage registry and its ordering check (mosaic.extract.stages)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mosaic.extract.config import PipelineConfigError, read_config
from mosaic.extract.stages import STAGES, ordered_stages


def test_stages_shipped_order_is_every_stage_registered() -> None:
    config = read_config()
    assert [s.name for s in ordered_stages(config)] == list(config.stages)
    assert set(config.stages) <= set(STAGES.get_all())


def test_stages_one_needing_what_no_earlier_stage_sets_is_refused() -> None:
    shipped = read_config()
    early_merge = ("mosaic.link_entities.v1", "mosaic.merge_events.v1")
    with pytest.raises(PipelineConfigError, match=r"'mosaic.merge_events.v1' needs \['findings'\]"):
        ordered_stages(replace(shipped, stages=early_merge))


def test_stages_unregistered_name_is_refused_naming_the_file() -> None:
    shipped = read_config()
    with pytest.raises(PipelineConfigError, match=r"^data/pipeline.cfg: .*'mosaic.nowhere.v1'"):
        ordered_stages(replace(shipped, stages=("mosaic.nowhere.v1",)))
