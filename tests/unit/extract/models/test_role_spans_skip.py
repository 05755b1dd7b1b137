"""The role tagger's skip check: documents without a word that can state an attack or a
killing go untagged, and one whose events hold an incident after all is tagged later."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.models import role_spans
from mosaic.extract.models.role_spans import (
    SPANS_KEY,
    RoleTagger,
    default_model_path,
    may_state_incident,
)
from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Evidence, Report

CALM = "The minister opened a new school in the capital on Monday."
ATTACK = "A car bomb went off beside a police post and hurt three officers."


def _doc(pairs: list[tuple[str, str]]) -> Doc:
    """A Doc of (word, lemma) pairs, as the lemmatizer leaves them."""
    words, lemmas = zip(*pairs, strict=True)
    return Doc(spacy.blank("en").vocab, words=list(words), lemmas=list(lemmas))


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("Ministers", "minister"), ("met", "meet"), ("in", "in"), ("Kabul", "Kabul")], False),
        ([("Gunmen", "gunman"), ("ambushed", "ambush"), ("a", "a"), ("convoy", "convoy")], True),
        ([("Two", "two"), ("men", "man"), ("were", "be"), ("wounded", "wound")], True),
        ([("A", "a"), ("BOMBING", "BOMBING"), ("in", "in"), ("Lima", "Lima")], True),
        ([("Troops", "troop"), ("opened", "open"), ("fire", "fire")], True),
    ],
)
def test_role_spans_skip_check_reads_lemmas_and_lower_case_words(
    pairs: list[tuple[str, str]], expected: bool
) -> None:
    assert may_state_incident(_doc(pairs)) is expected


def test_role_spans_skip_check_needs_the_lemma_of_an_inflected_trigger() -> None:
    assert may_state_incident(_doc([("militants", "militant"), ("ambushed", "")])) is False


def _event(kind: EventType) -> EventFinding:
    return EventFinding(type=kind, evidence=Evidence(0, 10, CALM[:10]), extractor="test")


@pytest.fixture(scope="module")
def tagger() -> RoleTagger:
    return RoleTagger(default_model_path())


@pytest.mark.slow
def test_role_spans_tagger_skips_a_calm_doc_and_tags_an_attack(tagger: RoleTagger) -> None:
    nlp = spacy.blank("en")
    assert SPANS_KEY not in tagger(nlp(CALM)).spans
    assert SPANS_KEY in tagger(nlp(ATTACK)).spans


@pytest.mark.slow
def test_role_spans_skipped_doc_is_tagged_only_for_an_incident(tagger: RoleTagger) -> None:
    doc = tagger(spacy.blank("en")(CALM))
    tagger.tag_unread(doc, [_event(EventType.ARREST)])
    assert SPANS_KEY not in doc.spans
    tagger.tag_unread(doc, [_event(EventType.ARREST), _event(EventType.KILLING)])
    assert SPANS_KEY in doc.spans


@pytest.mark.slow
def test_role_spans_output_does_not_depend_on_the_skip_check(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "LIMA, 4 JUN 90 -- A COMMANDO OF GUERRILLAS TODAY HURLED A GRENADE AT A POLICE "
        "PATROL IN THE CAPITAL, KILLING ONE OFFICER."
    )
    report = Report(text=text)
    expected = extractor.extract(report)
    assert any(w.lower() == "grenade" for e in expected.events for w in e.weapons)
    monkeypatch.setattr(role_spans, "may_state_incident", lambda doc: False)
    assert SPANS_KEY not in extractor.nlp(extractor.prepare(report)).spans
    assert extractor.extract(report) == expected
