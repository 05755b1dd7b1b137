"""How an attack was carried out, told in a sentence of its own after it.

A report tells an attack by its toll ("at least 40 people were killed in yesterday's
attacks") and the attackers' arms next, naming them again: "The attackers, who were armed
with rifles and grenades, took hostages." That sentence states no event of its own; the
guns of attackers named again with a definite article make the attack told just before it
(within FOLLOW_UP_REACH characters) an armed assault, where that attack had no kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from mosaic.extract import lexicon
from mosaic.extract.events.followups import FOLLOW_UP_REACH
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.numbers.casualties import ATTACKER_WORDS
from mosaic.extract.text.modality import DEFINITE
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import AttackType, EventFinding

GUN_WORDS = lexicon.words("events.gun_words")


def join_arms_sentences(
    findings: Sequence[EventFinding], contexts: Sequence[SentenceContext], threshold: float
) -> list[EventFinding]:
    """The findings with each attack of no kind typed by a sentence after it, stating no
    event at or above `threshold`, that tells the attackers' guns."""
    kept = list(findings)
    told = {f.evidence for f in kept if f.confidence >= threshold}
    for context in contexts:
        if context.evidence in told or not _armed_attackers(context.sent):
            continue
        index = _attack_before(kept, context, threshold)
        if index is not None:
            kept[index] = replace(kept[index], attack_type=AttackType.ARMED_ASSAULT)
    return kept


def _armed_attackers(sent: Span) -> bool:
    """ "The attackers, who were armed with rifles", "the militants carried guns": attackers
    named again whose phrase or clause names guns."""
    for token in sent:
        named_again = any(c.lower_ in DEFINITE for c in token.children)
        if token.lemma_.lower() not in ATTACKER_WORDS or not named_again:
            continue
        told = token.head.subtree if token.dep_ == "nsubj" else token.subtree
        if {t.lemma_.lower() for t in told} & GUN_WORDS:
            return True
    return False


def _attack_before(
    findings: Sequence[EventFinding], context: SentenceContext, threshold: float
) -> int | None:
    """The event told last before the sentence, within reach, if it is an attack of no kind."""
    start = context.evidence.start
    near = [
        i for i, f in enumerate(findings)
        if f.confidence >= threshold and 0 <= start - f.evidence.end <= FOLLOW_UP_REACH
    ]  # fmt: skip
    if not near:
        return None
    last = max(near, key=lambda i: (findings[i].evidence.end, findings[i].confidence))
    typed = rule_for(findings[last].type).slots.attack_type is not None
    return last if typed and findings[last].attack_type is None else None
