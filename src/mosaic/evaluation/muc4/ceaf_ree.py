"""CEAF-REE, the role-filler entity metric of GRIT (Du, Rush & Cardie, EACL 2021) on MUC-4.

Each document has one merged set of role fillers; each role holds entities and each entity
is a list of coreferent mention strings. Per document and role, predicted and gold
entities are aligned one to one so that the number of similar pairs is largest; a pair is
similar (phi_strict) when every mention of the predicted entity is among the gold entity's
mentions, after `normalise_mention`. Precision is matched / predicted entities, recall
matched / gold entities, both micro-averaged over documents (per role) and then over the
five roles (the total).

This follows GRIT's `eval.py` step for step, with two differences that change no figure on
real output: a predicted entity without mentions is dropped (GRIT would count it as
similar to any gold entity), and a role absent from a prediction counts as empty (GRIT
raises). The assignment is a maximum bipartite matching, which is what the Hungarian
algorithm computes when similarities are 0 or 1, so scipy is not needed.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
"""The five MUC-4 string roles GRIT scores, in its order."""

RoleFillers = Mapping[str, Sequence[Sequence[str]]]
"""Role name -> entities -> coreferent mention strings (GRIT's "extracts" without offsets)."""

_PUNCTUATION = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)


def normalise_mention(text: str) -> str:
    """GRIT's normal form: lower case, no ASCII punctuation, no a/an/the, single spaces.

    Punctuation is deleted, not turned into a space, so "car-bomb" becomes "carbomb".
    """
    bare = "".join(c for c in text.lower() if c not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", bare).split())


def is_similar(gold: Sequence[str], predicted: Sequence[str]) -> bool:
    """phi_strict: every predicted mention is among the gold mentions (both normalised)."""
    return all(mention in gold for mention in predicted)


def max_matching(similar: Sequence[Sequence[bool]]) -> int:
    """The most gold-predicted pairs that can be matched one to one (Kuhn's augmenting paths).

    `similar[i][j]` says whether gold entity i may pair with predicted entity j. With 0/1
    similarities this equals the total of scipy's `linear_sum_assignment(-scores)`.
    """
    owner: dict[int, int] = {}

    def augment(gold: int, seen: set[int]) -> bool:
        for pred, ok in enumerate(similar[gold]):
            if ok and pred not in seen:
                seen.add(pred)
                if pred not in owner or augment(owner[pred], seen):
                    owner[pred] = gold
                    return True
        return False

    return sum(augment(gold, set()) for gold in range(len(similar)))


@dataclass
class RoleCounts:
    """Matched, predicted and gold entity counts of one role, summed over documents."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: RoleCounts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CeafReeResult:
    """Counts per role over a corpus; `total` is GRIT's micro average over the five roles."""

    roles: dict[str, RoleCounts] = field(
        default_factory=lambda: {role: RoleCounts() for role in ROLES}
    )
    documents: int = 0

    @property
    def total(self) -> RoleCounts:
        total = RoleCounts()
        for counts in self.roles.values():
            total.add(counts)
        return total

    def add_document(self, predicted: RoleFillers, gold: RoleFillers) -> None:
        for role, counts in score_document(predicted, gold).items():
            self.roles[role].add(counts)
        self.documents += 1


def _entities(entities: Sequence[Sequence[str]]) -> list[list[str]]:
    normalised = [[normalise_mention(mention) for mention in entity] for entity in entities]
    return [entity for entity in normalised if entity]


def score_role(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> RoleCounts:
    """Align one role's predicted entities with its gold entities and count the matches."""
    pred_entities, gold_entities = _entities(predicted), _entities(gold)
    similar = [[is_similar(g, p) for p in pred_entities] for g in gold_entities]
    return RoleCounts(max_matching(similar), len(pred_entities), len(gold_entities))


def score_document(predicted: RoleFillers, gold: RoleFillers) -> dict[str, RoleCounts]:
    """Counts for each of the five roles of one document (a missing role is empty)."""
    return {role: score_role(predicted.get(role, ()), gold.get(role, ())) for role in ROLES}


def score_corpus(pairs: Iterable[tuple[RoleFillers, RoleFillers]]) -> CeafReeResult:
    """Micro-averaged CEAF-REE over (predicted, gold) role fillers, one pair per document."""
    result = CeafReeResult()
    for predicted, gold in pairs:
        result.add_document(predicted, gold)
    return result
