"""Tests for the learned relation classifier (mosaic.extract.models.relation_classifier) and how the
relation finder uses it next to the rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.vocab import Vocab

from mosaic.extract.models.relation_classifier import (
    NONE_LABEL,
    RelationClassifier,
    default_model_path,
    dependency_path,
    label_of,
    likeliest_relation,
    mention_pairs,
    pair_doc,
    pair_text,
    referring_mentions,
    relation_labels,
    relation_of,
)
from mosaic.extract.models.word_vectors import (
    attach_word_vectors,
    save_without_word_vectors,
    word_vectors,
)
from mosaic.extract.relations.finder import RelationFinder
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import RelationType

R = RelationType
Contexts = Callable[..., list[SentenceContext]]


@pytest.mark.parametrize("kind", list(RelationType))
@pytest.mark.parametrize("subject_first", [True, False])
def test_relation_classifier_label_reads_back(kind: RelationType, subject_first: bool) -> None:
    label = label_of(kind, subject_first)
    assert label in relation_labels()
    assert relation_of(label) == (kind, subject_first or kind.symmetric)


def test_relation_classifier_none_reads_as_no_relation() -> None:
    assert relation_of(NONE_LABEL) is None


@pytest.mark.slow
def test_relation_classifier_pair_text_hides_names(contexts: Contexts) -> None:
    context = contexts("Officials said the Alpha Liberation Front works closely with the TTP.")[0]
    (pair,) = mention_pairs(context)
    text = pair_text(context, pair)
    words, path = text.split(" | ")
    assert words == "officials said the e1group works closely with the e2group ."
    assert path.split() == dependency_path(context, pair)
    assert "alpha" not in text


@pytest.mark.slow
def test_relation_classifier_path_ties_a_title_to_its_group(contexts: Contexts) -> None:
    context = contexts("Hakim Zaman, a senior leader of the TTP for a decade, was arrested.")[0]
    (pair,) = mention_pairs(context)
    path = dependency_path(context, pair)
    assert "p:leader" in path and "p:of" in path
    assert "p:arrest" not in path


@pytest.mark.slow
def test_relation_classifier_the_group_stands_for_the_group_named_before(
    contexts: Contexts,
) -> None:
    _, context = contexts("The TTP was set up in 2007. The group's new chief, Hakim Zaman, spoke.")
    (referring,) = referring_mentions(context)
    assert referring.text == "group"
    assert referring.ref is not None and referring.ref.name == "Tehreek-i-Taliban Pakistan"
    (pair,) = mention_pairs(context)
    assert (pair.first, pair.second.text) == (referring, "Hakim Zaman")
    assert pair_text(context, pair).startswith("the e1group 's new chief , e2person")


@pytest.mark.slow
def test_relation_classifier_the_wing_stands_for_the_group_named_before(
    contexts: Contexts,
) -> None:
    _, context = contexts("The TTP was set up in 2007. The wing's new chief, Hakim Zaman, spoke.")
    (referring,) = referring_mentions(context)
    assert referring.text == "wing"
    assert referring.ref is not None and referring.ref.name == "Tehreek-i-Taliban Pakistan"


@pytest.mark.slow
def test_relation_classifier_the_two_groups_are_no_referring_word(contexts: Contexts) -> None:
    _, context = contexts("The ALF and the TTP met. The two groups then fought al-Qaeda.")
    assert referring_mentions(context) == []


@pytest.mark.slow
def test_relation_classifier_no_group_named_before_no_referring_word(contexts: Contexts) -> None:
    (context,) = contexts("The group's new chief, Hakim Zaman, spoke to the TTP.")
    assert referring_mentions(context) == []


def test_relation_classifier_likeliest_relation_passes_over_none() -> None:
    cats = {NONE_LABEL: 0.55, "alliance": 0.3, "rivalry": 0.15}
    assert likeliest_relation(cats) == ("alliance", 0.3)


@pytest.mark.slow
def test_relation_classifier_pairs_skip_one_entity_named_twice(contexts: Contexts) -> None:
    context = contexts("The TTP, or Pakistani Taliban, attacked a post.")[0]
    assert mention_pairs(context) == []


@dataclass
class _Scored:
    cats: dict[str, float]


class _FixedModel:
    """Stands in for the spaCy classifier: one label and probability for every pair."""

    def __init__(self, label: str, probability: float) -> None:
        self.label, self.probability = label, probability
        self.vocab = Vocab()
        self.read: list[str] = []
        self.passes = 0

    def pipe(self, docs: Iterable[Doc]) -> Iterator[_Scored]:
        self.passes += 1
        for doc in docs:
            self.read.append(doc.text)
            yield _Scored({self.label: self.probability, NONE_LABEL: 1 - self.probability})


def _finder(label: str, probability: float) -> tuple[RelationFinder, _FixedModel]:
    model = _FixedModel(label, probability)
    return RelationFinder("test", RelationClassifier(cast(Language, model))), model


@pytest.mark.slow
def test_relation_classifier_adds_a_pair_the_rules_miss(contexts: Contexts) -> None:
    finder, _ = _finder("alliance", 0.9)
    (context,) = contexts("The Alpha Liberation Front and the TTP share safe houses.")
    found = {(f.type, f.subject.name, f.object.name) for f in finder.find(context)}
    assert found == {(R.ALLIANCE, "Alpha Liberation Front", "Tehreek-i-Taliban Pakistan")}


@pytest.mark.slow
def test_relation_classifier_below_threshold_adds_nothing(contexts: Contexts) -> None:
    finder, _ = _finder("alliance", 0.5)
    (context,) = contexts("The Alpha Liberation Front and the TTP share safe houses.")
    assert finder.find(context) == []


@pytest.mark.slow
def test_relation_classifier_leaves_pairs_the_rules_found(contexts: Contexts) -> None:
    finder, model = _finder("rivalry", 0.9)
    (context,) = contexts("The Alpha Liberation Front, an al-Qaeda affiliate, struck again.")
    found = {(f.type, f.subject.name, f.object.name) for f in finder.find(context)}
    assert found == {(R.AFFILIATE_OF, "Alpha Liberation Front", "al-Qaeda")}
    assert model.read == []


@pytest.mark.slow
def test_relation_classifier_scores_the_pairs_of_every_sentence_in_one_pass(
    contexts: Contexts,
) -> None:
    finder, model = _finder("alliance", 0.9)
    text = "The Alpha Liberation Front and the TTP share safe houses. The TTP and al-Qaeda meet."
    first, second = contexts(text)
    found = [(f.type, f.subject.name, f.object.name) for f in finder.find_all([first, second])]
    assert found == [
        (R.ALLIANCE, "Alpha Liberation Front", "Tehreek-i-Taliban Pakistan"),
        (R.ALLIANCE, "Tehreek-i-Taliban Pakistan", "al-Qaeda"),
    ]
    assert model.passes == 1 and len(model.read) == 2


@pytest.mark.slow
def test_relation_classifier_direction_names_the_subject(contexts: Contexts) -> None:
    finder, _ = _finder("leader_of<", 0.95)
    (context,) = contexts("The TTP relies on Hakim Zaman for its funds.")
    found = {(f.type, f.subject.name, f.object.name) for f in finder.find(context)}
    assert found == {(R.LEADER_OF, "Hakim Zaman", "Tehreek-i-Taliban Pakistan")}


def test_relation_classifier_ships_and_loads() -> None:
    classifier = RelationClassifier.load(default_model_path())
    assert classifier is not None
    assert set(classifier.nlp.get_pipe("textcat").labels) == set(relation_labels())  # type: ignore[attr-defined]


def _classifier_reading_word_vectors() -> Language:
    """A tiny text classifier over the shared word vectors, with the relation labels."""
    tok2vec = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 8, "rows": [50],
                  "attrs": ["NORM"], "include_static_vectors": True},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 8,
                   "window_size": 1, "maxout_pieces": 2, "depth": 1},
    }  # fmt: skip
    model = {"@architectures": "spacy.TextCatReduce.v1", "tok2vec": tok2vec,
             "exclusive_classes": True, "use_reduce_first": False, "use_reduce_last": False,
             "use_reduce_max": True, "use_reduce_mean": True}  # fmt: skip
    nlp = spacy.blank("en")
    attach_word_vectors(nlp.vocab)
    textcat = nlp.add_pipe("textcat", config={"model": model})
    for label in relation_labels():
        textcat.add_label(label)  # type: ignore[attr-defined]
    cats = {label: float(label == "alliance") for label in relation_labels()}
    examples = [Example.from_dict(nlp.make_doc("e1group allied with e2group"), {"cats": cats})]
    nlp.initialize(lambda: examples)
    return nlp


def test_relation_classifier_loads_a_model_reading_word_vectors(tmp_path: Path) -> None:
    nlp = _classifier_reading_word_vectors()
    save_without_word_vectors(nlp, tmp_path / "relations")
    classifier = RelationClassifier.load(tmp_path / "relations")
    assert classifier is not None
    assert classifier.nlp.vocab.vectors is word_vectors()
    text = "e1group allied with e2group | p^nsubj p:ally"
    loaded = classifier.nlp(pair_doc(classifier.nlp.vocab, text)).cats
    assert loaded == pytest.approx(nlp(pair_doc(nlp.vocab, text)).cats)
