"""The parts of a document the role tagger reads: sentences near incident words, their
windows of context, and what is left unread."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.models.role_spans import READ_KEY, SPANS_KEY, RoleTagger, default_model_path
from mosaic.extract.models.role_windows import (
    FALLBACK_FIELD,
    LowerWords,
    Window,
    holds_any,
    merged,
    receptive_field,
    remote_sentences,
    runs_within_reach,
    sentence_runs,
    sentences_with,
    unread,
    windows,
)
from mosaic.model import EventFinding, EventType, Evidence

LEMMAS = {"ambushed": "ambush", "killed": "kill"}
CALM = "The council met on Monday to discuss the new budget for the schools of the region."
ATTACK = "Gunmen of the Zulu Front ambushed a police patrol near the market and killed two men."


def _doc(sentences: list[str], lemmas: dict[str, str] | None = None) -> Doc:
    """The sentences as one Doc, each marked as a sentence, with lemmas where given."""
    doc = spacy.blank("en")(" ".join(sentences))
    for token in doc:
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "."
        token.lemma_ = (lemmas or LEMMAS).get(token.text, token.text.lower())
    return doc


def _starts(doc: Doc) -> list[int]:
    return [start for start, _ in sentence_runs(doc)]


def test_role_windows_a_doc_without_sentences_is_one_run() -> None:
    doc = spacy.blank("en")(CALM)
    assert sentence_runs(doc) == [(0, len(doc))]


def test_role_windows_sentence_runs_are_the_docs_sentences() -> None:
    doc = _doc([CALM, ATTACK, CALM, ATTACK])
    doc[0].is_sent_start = False  # the first token starts a sentence whatever its mark
    doc[3].is_sent_start = None  # a token whose start is unknown starts none
    doc[len(doc) - 1].is_sent_start = True
    runs = sentence_runs(doc)
    assert runs == [(sent.start, sent.end) for sent in doc.sents]
    assert runs[0][0] == 0 and runs[-1] == (len(doc) - 1, len(doc)) and len(runs) == 5
    assert sentence_runs(spacy.blank("en")("")) == []


def test_role_windows_holds_any_reads_lower_case_forms_and_lemmas() -> None:
    doc = _doc([CALM, "Rebels Struck a bridge."], {"Struck": "STRIKE"})
    assert holds_any(doc, LowerWords({"strike"}))
    assert holds_any(doc, LowerWords({"struck"}))
    assert not holds_any(doc, LowerWords({"ambush", "bombed"}))


def test_role_windows_sentences_with_read_lower_case_forms_and_lemmas() -> None:
    doc = _doc(
        [CALM, "Rebels BOMBED a bridge.", CALM, "Rebels Struck a bridge."], {"Struck": "STRIKE"}
    )
    words = LowerWords({"bombed", "strike"})
    first, second = (doc[start:end] for start, end in sentence_runs(doc)[1:4:2])
    assert sentences_with(doc, words) == [
        (first.start_char, first.end_char),
        (second.start_char, second.end_char),
    ]
    assert sentences_with(doc, LowerWords({"ambush"})) == []


def test_role_windows_runs_within_reach_take_the_sentences_near_an_anchor() -> None:
    doc = _doc([CALM, CALM, ATTACK, CALM, CALM])
    runs = sentence_runs(doc)
    attack = doc[runs[2][0] : runs[2][1]]
    anchor = (attack.start_char, attack.end_char)
    assert runs_within_reach(doc, [anchor], 0) == [runs[2]]
    assert runs_within_reach(doc, [anchor], 1) == [(runs[1][0], runs[3][1])]
    assert runs_within_reach(doc, [anchor], 10_000) == [(0, len(doc))]
    assert runs_within_reach(doc, [], 10_000) == []


def test_role_windows_remote_sentences_lack_the_words_and_lie_beyond_reach() -> None:
    raid = "Rebels ambushed a convoy."
    doc = _doc([ATTACK, CALM, CALM, CALM, raid, CALM])
    sentences = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in sentence_runs(doc)]
    words = LowerWords({"ambush"})
    anchor = sentences[0]
    assert remote_sentences(doc, [anchor], words, 2) == [sentences[3], sentences[5]]
    assert remote_sentences(doc, [anchor], words, 1) == [sentences[2], sentences[3], sentences[5]]
    assert remote_sentences(doc, [sentences[3]], words, 2) == []
    assert remote_sentences(doc, [], words, 2) == [sentences[i] for i in (1, 2, 3, 5)]


def test_role_windows_merged_and_unread_runs() -> None:
    assert merged([(5, 9), (0, 3), (3, 4), (8, 12)]) == [(0, 4), (5, 12)]
    assert unread([(0, 20)], [(5, 8), (12, 15)]) == [(0, 5), (8, 12), (15, 20)]
    assert unread([(0, 10), (20, 30)], [(0, 10)]) == [(20, 30)]
    assert unread([(3, 6)], []) == [(3, 6)]


def test_role_windows_read_whole_sentences_of_context_either_side() -> None:
    doc = _doc([CALM] * 3 + [ATTACK] + [CALM] * 3)
    runs = sentence_runs(doc)
    (window,) = windows(doc, [runs[3]], 8)
    assert window == Window(runs[2][0], runs[4][1], runs[3])
    assert window.run[0] - window.start >= 8
    (wider,) = windows(doc, [runs[3]], runs[3][0] - runs[2][0] + 1)
    assert wider == Window(runs[1][0], runs[5][1], runs[3])
    assert window.start in _starts(doc)
    assert window.keeps(runs[3][0] - 1, runs[3][0] + 1)
    assert not window.keeps(runs[2][0], runs[3][0])


def test_role_windows_runs_whose_contexts_meet_share_a_window() -> None:
    doc = _doc([ATTACK, CALM, ATTACK] + [CALM] * 3 + [ATTACK])
    runs = sentence_runs(doc)
    first, last = windows(doc, [runs[0], runs[2], runs[6]], 8)
    assert first == Window(0, runs[3][1], (0, runs[2][1]))
    assert last == Window(runs[5][0], len(doc), runs[6])


def test_role_windows_receptive_field_read_from_the_tagger_config() -> None:
    cnn = {"depth": 4, "window_size": 1, "width": 96}
    assert receptive_field({"components": {"ner": {"model": {"tok2vec": cnn}}}}) == 4
    wide = {**cnn, "window_size": 2}
    assert receptive_field({"components": {"ner": {"model": {"tok2vec": wide}}}}) == 8
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96}
    assert receptive_field({"components": {"ner": {"model": {"tok2vec": listener}}}}) == (
        FALLBACK_FIELD
    )


@pytest.fixture(scope="module")
def tagger() -> RoleTagger:
    return RoleTagger(default_model_path())


def _spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(span.start, span.end, span.label_) for span in doc.spans.get(SPANS_KEY, [])}


def _whole(tagger: RoleTagger, doc: Doc) -> set[tuple[int, int, str]]:
    """The spans of the tagger reading the whole document."""
    return {(e.start, e.end, e.label_) for e in tagger.tagger(tagger._copy(doc)).ents}


@pytest.mark.slow
def test_role_windows_tagger_reads_near_incident_words_as_the_whole_doc_does(
    tagger: RoleTagger,
) -> None:
    doc = _doc([ATTACK] + [CALM] * 12 + [ATTACK.replace("Gunmen", "Rebels")] + [CALM] * 12)
    tagger.tag_near_incidents([doc])
    read = [(span.start, span.end) for span in doc.spans[READ_KEY]]
    assert 0 < sum(end - start for start, end in read) < len(doc)
    expected = {s for s in _whole(tagger, doc) if any(s[0] < e and b < s[1] for b, e in read)}
    assert _spans(doc) == expected
    assert expected  # the check compares something


@pytest.mark.slow
def test_role_windows_tagger_reads_later_what_an_incident_event_can_reach(
    tagger: RoleTagger,
) -> None:
    doc = _doc([CALM] * 40)
    tagger.tag_near_incidents([doc])
    assert READ_KEY not in doc.spans
    far = doc[sentence_runs(doc)[15][0] : sentence_runs(doc)[15][1]]
    evidence = Evidence(far.start_char, far.end_char, far.text)
    tagger.tag_unread(doc, [EventFinding(type=EventType.KILLING, evidence=evidence, extractor="t")])
    (read,) = doc.spans[READ_KEY]
    assert read.start <= far.start and far.end <= read.end
    assert read.start > 0 and read.end < len(doc)
    assert tagger.context == 8  # the shipped tagger: four convolutions one token wide
    tagger.tag_unread(doc, [EventFinding(type=EventType.KILLING, evidence=evidence, extractor="t")])
    assert len(doc.spans[READ_KEY]) == 1
