"""Tests for the assembled pipeline (mosaic.extract.pipeline) over the fake gazetteer."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mosaic.extract.config import PipelineConfigError, read_config
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.ruler import with_stand_ins
from mosaic.extract.pipeline import EXTRACTOR_NAME, Extractor, build_nlp
from mosaic.model import EventType, FuzzyDate, Report


def test_pipeline_stand_ins_copy_patterns_naming_is() -> None:
    patterns = [
        {"label": "ORG", "pattern": [{"ORTH": "IS"}], "id": "org:is"},
        {"label": "ORG", "pattern": [{"LOWER": "is"}, {"LOWER": "khorasan"}], "id": "org:k"},
        {"label": "ORG", "pattern": [{"LOWER": "ttp"}], "id": "org:ttp"},
    ]
    extended = with_stand_ins(patterns)
    assert extended[:3] == patterns and len(extended) == 5
    assert {"ORTH": "IZ"} in extended[3]["pattern"]
    assert extended[4]["pattern"] == [{"LOWER": "iz"}, {"LOWER": "khorasan"}]


@pytest.mark.slow
def test_pipeline_components_in_order(extractor: Extractor) -> None:
    names = extractor.nlp.pipe_names
    assert names.index("mosaic_sentences_v1") < names.index("parser")
    assert names.index("entity_ruler") < names.index("ner") < names.index("mosaic_dates_v1")
    assert extractor.name == EXTRACTOR_NAME


@pytest.mark.slow
def test_pipeline_extract_many_keeps_order_and_evidence(extractor: Extractor) -> None:
    texts = [
        "Rain fell on the capital.",
        "On 4 May 2015 IS militants attacked a checkpoint in Kabul, killing 9 soldiers.",
        "The TTP pledged allegiance to IS in 2014.",
    ]
    reports = [Report(text=t, published=dt.date(2016, 1, 21)) for t in texts]
    found = list(extractor.extract_many(reports, batch_size=2))
    assert [f.report_id for f in found] == [r.id for r in reports]
    assert found[0].events == [] and found[0].extractor == EXTRACTOR_NAME
    [attack] = found[1].events
    assert attack.type is EventType.ATTACK and attack.date == FuzzyDate(2015, 5, 4)
    assert attack.perpetrators[0].key == "org:islamic-state"
    assert texts[1][attack.evidence.start : attack.evidence.end] == attack.evidence.sentence
    assert found[2].relations[0].object.key == "org:islamic-state"
    assert any(m.text == "TTP" for m, _ in found[2].mentions)


@pytest.mark.slow
def test_pipeline_reads_text_in_capitals(extractor: Extractor) -> None:
    text = "ON 4 MAY 2015 TTP MILITANTS ATTACKED A CHECKPOINT IN KABUL, KILLING 9 SOLDIERS."
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert attack.date == FuzzyDate(2015, 5, 4) and attack.killed is not None
    assert attack.evidence.sentence == text


@pytest.mark.slow
def test_pipeline_components_as_configured(extractor: Extractor) -> None:
    assert extractor.nlp.pipe_names == list(read_config().pipeline)
    assert [s.name for s in extractor.stages] == list(read_config().stages)


@pytest.mark.slow
def test_pipeline_config_leaving_out_a_model_component_is_refused() -> None:
    shipped = read_config()
    without_tagger = tuple(n for n in shipped.pipeline if n != "tagger")
    with pytest.raises(PipelineConfigError, match="must list every component"):
        build_nlp(Gazetteer.from_records([]), replace(shipped, pipeline=without_tagger))


@pytest.mark.slow
def test_pipeline_config_with_unknown_factory_is_refused() -> None:
    shipped = read_config()
    unknown = {**shipped.components, "mosaic_dates_v1": "mosaic_no_such_factory_v1"}
    with pytest.raises(PipelineConfigError, match=r"\[components.mosaic_dates_v1\] factory"):
        build_nlp(Gazetteer.from_records([]), replace(shipped, components=unknown))
