"""A learned relation classifier over pairs of actor mentions in one sentence.

`mosaic_relations_v2` reads a pair of group or person mentions of a sentence as a short
marked text: a few words before the first, the first as `e1<role>`, the words between
(other actors as their role), the second as `e2<role>`, a few words after, and after a
bar the parse's path from one to the other (`p:leader p_appos p:of p_pobj`). Names are
hidden, so the model learns how a relation is said, not who holds it. A word standing for
a group named before ("the group", "its", "they") is a mention of that group, so that a
relation said of "the group" sentences after its name is read too. Its labels are the
FORMAT.md relation types, with the direction of the asymmetric ones (`leader_of>`: the
first mention leads the second; `leader_of<`: the second leads the first), and "none";
a pair whose likeliest relation reaches `THRESHOLD` holds it, whatever "none" scores.
The model is a spaCy bag-of-ngrams text classifier trained by
`scripts/train_relations.py` on the gold sets and shipped in `data/models/relations/`.
It runs only on sentences that hold an actor, and only on pairs the rules left alone.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import GROUP_HEADS, GROUP_PRONOUNS, party
from mosaic.extract.models.word_vectors import load_with_word_vectors
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import RelationType

NONE_LABEL = "none"
PAIR_REACH = 30
"""Tokens between two mentions beyond which the pair is not read."""
WINDOW = 4
"""Words read before the first mention and after the second."""
THRESHOLD = 0.6
"""Probability from which a pair the rules missed becomes a relation: in two-fold
cross-validation on the odd half of dev-news (`make cv-relations`) 0.5 added two false
relations to 0.6 and 0.7 one fewer, with the same true ones."""
GAP_WORDS = 5
"""Words kept after the first mention and before the second when more lie between."""
PAIR_ROLES = (Role.GROUP, Role.PERSON)
PATH_REACH = 8
"""Arcs of the parse between two mentions beyond which their path reads as far."""
REFERRING_LABEL = "REFERRING"
"""The label of a word standing for a group named before ("the group", "its")."""
_DATED = frozenset({RelationType.ALLEGIANCE, RelationType.SPLIT_FROM, RelationType.LEADER_OF})


@dataclass(frozen=True)
class MentionPair:
    """Two actor mentions of one sentence, in text order."""

    first: EntityMention
    second: EntityMention


@dataclass(frozen=True)
class PairRelation:
    """What the classifier says of a pair: the relation, its subject and object, how sure."""

    type: RelationType
    subject: EntityMention
    object: EntityMention
    anchor: int
    dated: bool
    probability: float


def relation_labels() -> list[str]:
    """Every label: the symmetric types once, the others once per direction, and none."""
    labels = [NONE_LABEL]
    for kind in RelationType:
        labels += [kind.value] if kind.symmetric else [f"{kind.value}>", f"{kind.value}<"]
    return labels


def label_of(kind: RelationType, subject_first: bool) -> str:
    """The label of a relation whose subject is the first mention of the pair (or not)."""
    if kind.symmetric:
        return kind.value
    return f"{kind.value}{'>' if subject_first else '<'}"


def relation_of(label: str) -> tuple[RelationType, bool] | None:
    """The type and whether the first mention is the subject; None for "none"."""
    if label == NONE_LABEL:
        return None
    return RelationType(label.rstrip("<>")), not label.endswith("<")


def likeliest_relation(cats: dict[str, float]) -> tuple[str, float]:
    """The likeliest label other than "none", with its probability: a relation is said
    when its own probability reaches the threshold, whatever "none" scores."""
    related = {label: p for label, p in cats.items() if label != NONE_LABEL}
    return max(related.items(), key=lambda item: item[1]) if related else (NONE_LABEL, 1.0)


def mention_key(mention: EntityMention) -> str:
    """What tells two mentions' entities apart."""
    ref = mention.ref
    return ref.key or ref.name.casefold() if ref is not None else mention.text.casefold()


def pair_key(one: EntityMention, other: EntityMention) -> frozenset[str]:
    """The two entities of a pair, in either order."""
    return frozenset((mention_key(one), mention_key(other)))


def referring_mentions(context: SentenceContext) -> list[EntityMention]:
    """Words of the sentence standing for a group named before ("the group", "its", "they"),
    each as a mention of that group: a relation said of "the group" two sentences after
    its name is a relation of the named group."""
    found = []
    for token in context.sent:
        referring = token.lower_ in GROUP_PRONOUNS or token.lemma_.lower() in GROUP_HEADS
        if not referring or context.mention_at(token) is not None:
            continue
        group = party(token, context)
        if (
            group is not None
            and group.role is Role.GROUP
            and not group.start <= token.i < group.end
        ):
            found.append(
                EntityMention(token.i, token.i + 1, token.idx, token.idx + len(token), token.text,
                              REFERRING_LABEL, Role.GROUP, group.ref, group.country)
            )  # fmt: skip
    return found


def mention_pairs(context: SentenceContext) -> list[MentionPair]:
    """Pairs of group or person mentions of the sentence, or words standing for a group
    named before, naming different entities, near enough to be read together."""
    named = [m for m in context.mentions if m.role in PAIR_ROLES]
    if not named:
        return []
    actors = sorted([*named, *referring_mentions(context)], key=lambda m: m.start)
    pairs = []
    for index, first in enumerate(actors):
        for second in actors[index + 1 :]:
            near = second.start - first.end <= PAIR_REACH
            if near and second.start >= first.end and mention_key(first) != mention_key(second):
                pairs.append(MentionPair(first, second))
    return pairs


def pair_text(context: SentenceContext, pair: MentionPair) -> str:
    """The pair as the classifier reads it: names hidden, the words around them kept."""
    sent, doc = context.sent, context.doc
    left = doc[max(sent.start, pair.first.start - WINDOW) : pair.first.start]
    right = doc[pair.second.end : min(sent.end, pair.second.end + WINDOW)]
    words = [_word(t) for t in left]
    words.append(f"e1{pair.first.role.value}")
    between = _between(context, pair)
    if len(between) > 2 * GAP_WORDS:
        between = [*between[:GAP_WORDS], "…", *between[-GAP_WORDS:]]
    words += between
    words.append(f"e2{pair.second.role.value}")
    words += [_word(t) for t in right]
    return " ".join([*words, "|", *dependency_path(context, pair)])


def dependency_path(context: SentenceContext, pair: MentionPair) -> list[str]:
    """The parse's path from the first mention to the second, as `p`-marked arcs and lemmas
    ("p^appos p:leader p_prep p:of p_pobj"): how the sentence ties the two, whatever
    words lie between."""
    doc = context.doc
    one, other = (
        doc[pair.first.start : pair.first.end].root,
        doc[pair.second.start : pair.second.end].root,
    )
    up = [one, *one.ancestors]
    down = [other, *other.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return ["p:none"]
    rising, falling = up[: up.index(common)], down[: down.index(common)]
    if len(rising) + len(falling) > PATH_REACH:
        return ["p:far"]
    path = [f"p^{t.dep_}" for t in rising]
    if common not in (one, other):
        path.append(_path_word(context, common))
    for token in reversed(falling):
        if token is not other:
            path.append(_path_word(context, token))
        path.append(f"p_{token.dep_}")
    return [part for index, part in enumerate(path) if index == 0 or part != path[index - 1]]


def _path_word(context: SentenceContext, token: Token) -> str:
    other = context.mention_at(token)
    return f"p:x{other.role.value}" if other is not None else f"p:{token.lemma_.lower()}"


def _between(context: SentenceContext, pair: MentionPair) -> list[str]:
    words: list[str] = []
    index = pair.first.end
    while index < pair.second.start:
        other = context.mention_at(context.doc[index])
        if other is not None and other.role in (*PAIR_ROLES, Role.STATE, Role.COUNTRY):
            words.append(f"x{other.role.value}")
            index = max(other.end, index + 1)
            continue
        words.append(_word(context.doc[index]))
        index += 1
    return words


def _word(token: Token) -> str:
    return "0" if token.like_num else token.lower_


class RelationClassifier:
    """Scores the actor pairs of a sentence with the shipped text classifier."""

    def __init__(self, nlp: Language, threshold: float = THRESHOLD) -> None:
        self.nlp = nlp
        self.threshold = threshold

    @classmethod
    def load(cls, model_path: Path | None = None) -> RelationClassifier | None:
        """The shipped classifier, or None where no model is shipped."""
        path = model_path or default_model_path()
        return cls(load_with_word_vectors(path)) if (path / "config.cfg").is_file() else None

    def relations(
        self, context: SentenceContext, known: Collection[frozenset[str]] = ()
    ) -> list[PairRelation]:
        """The relations the classifier is sure enough of, for pairs of entities (by
        `mention_key`) not in `known`."""
        return self.relations_of_each([(context, known)])[0]

    def relations_of_each(
        self, sentences: Sequence[tuple[SentenceContext, Collection[frozenset[str]]]]
    ) -> list[list[PairRelation]]:
        """`relations` of each (sentence, known pairs), the pairs of all of them scored in one
        pass of the model: a pass per sentence cost more than the scoring (a bag of words
        scores a pair alike in any batch)."""
        pairs = [
            [p for p in mention_pairs(context) if pair_key(p.first, p.second) not in known]
            for context, known in sentences
        ]
        docs = [
            pair_doc(self.nlp.vocab, pair_text(context, pair))
            for (context, _), sentence_pairs in zip(sentences, pairs, strict=True)
            for pair in sentence_pairs
        ]
        scored = iter(self.nlp.pipe(docs) if docs else ())
        read = [
            [self._read(pair, next(scored)) for pair in sentence_pairs] for sentence_pairs in pairs
        ]
        return [[found for found in sentence if found is not None] for sentence in read]

    def _read(self, pair: MentionPair, doc: Doc) -> PairRelation | None:
        """The pair's relation, if its likeliest is one and the model is sure enough of it."""
        label, probability = likeliest_relation(doc.cats)
        read = relation_of(label)
        if read is None or probability < self.threshold:
            return None
        kind, first_leads = read
        subject, obj = (pair.first, pair.second) if first_leads else (pair.second, pair.first)
        return PairRelation(kind, subject, obj, pair.second.start, kind in _DATED, probability)


def pair_doc(vocab: Vocab, text: str) -> Doc:
    """The pair text as the classifier reads it, a word at each space: its words are the
    sentence's tokens already, so spaCy's tokenizer is not run again."""
    return Doc(vocab, words=[word for word in text.split(" ") if word])


def default_model_path() -> Path:
    """The shipped classifier's folder."""
    return Path(str(resources.files("mosaic").joinpath("data", "models", "relations")))
