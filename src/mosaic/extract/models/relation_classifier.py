"""A learned relation classifier over pairs of actor mentions in one sentence.

`mosaic_relations_v1` reads a pair of group or person mentions of a sentence as a short
marked text: a few words before the first, the first as `e1<role>`, the words between
(other actors as their role), the second as `e2<role>`, a few words after. Names are
hidden, so the model learns how a relation is said, not who holds it. Its labels are the
FORMAT.md relation types, with the direction of the asymmetric ones (`leader_of>`: the
first mention leads the second; `leader_of<`: the second leads the first), and "none".
The model is a spaCy bag-of-ngrams text classifier trained by
`scripts/train_relations.py` on the gold sets and shipped in `data/models/relations/`.
It runs only on sentences that hold two actors, and only on pairs the rules left alone.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Token

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import RelationType

NONE_LABEL = "none"
PAIR_REACH = 30
"""Tokens between two mentions beyond which the pair is not read."""
WINDOW = 4
"""Words read before the first mention and after the second."""
THRESHOLD = 0.6
"""Probability from which a pair the rules missed becomes a relation (picked on held-out
gold: see `scripts/train_relations.py`)."""
GAP_WORDS = 5
"""Words kept after the first mention and before the second when more lie between."""
PAIR_ROLES = (Role.GROUP, Role.PERSON)
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


def mention_key(mention: EntityMention) -> str:
    """What tells two mentions' entities apart."""
    ref = mention.ref
    return ref.key or ref.name.casefold() if ref is not None else mention.text.casefold()


def pair_key(one: EntityMention, other: EntityMention) -> frozenset[str]:
    """The two entities of a pair, in either order."""
    return frozenset((mention_key(one), mention_key(other)))


def mention_pairs(context: SentenceContext) -> list[MentionPair]:
    """Pairs of group or person mentions of the sentence naming different entities, near
    enough to be read together."""
    actors = [m for m in context.mentions if m.role in PAIR_ROLES]
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
    return " ".join(words)


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
        return cls(spacy.load(path)) if (path / "config.cfg").is_file() else None

    def relations(
        self, context: SentenceContext, known: Collection[frozenset[str]] = ()
    ) -> list[PairRelation]:
        """The relations the classifier is sure enough of, for pairs of entities (by
        `mention_key`) not in `known`."""
        pairs = [p for p in mention_pairs(context) if pair_key(p.first, p.second) not in known]
        if not pairs:
            return []
        texts = [pair_text(context, p) for p in pairs]
        found = []
        for pair, doc in zip(pairs, self.nlp.pipe(texts), strict=True):
            label, probability = max(doc.cats.items(), key=lambda item: item[1])
            read = relation_of(label)
            if read is None or probability < self.threshold:
                continue
            kind, first_leads = read
            subject, obj = (pair.first, pair.second) if first_leads else (pair.second, pair.first)
            found.append(
                PairRelation(kind, subject, obj, pair.second.start, kind in _DATED, probability)
            )
        return found


def default_model_path() -> Path:
    """The shipped classifier's folder."""
    return Path(str(resources.files("mosaic").joinpath("data", "models", "relations")))
