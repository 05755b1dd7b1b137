"""Estimates of a group's strength: how many fighters it has, and who says so.

Reports give a group's size as a number of fighters or members owned by the
group ("some 2,000 ISKP fighters", "the fighters of the TTP"), held by it ("the
TTP has between 4,000 and 6,500 fighters", "the group numbers about 3,000
men") or as its strength ("put the group's strength at 1,500 fighters"). The
estimate keeps the sentence's speaker, so two sources' figures stay side by
side in the knowledge base. Numbers of fighters killed, captured or wounded
are casualties, not strength.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import party
from mosaic.extract.numbers.casualties import (
    casualty_trigger,
    count_phrase,
    counted_noun,
    is_count_token,
)
from mosaic.extract.numbers.counts import parse_count
from mosaic.extract.text.modality import is_negated
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    NOUN_MODIFIER_DEPS,
    SUBJECT_DEPS,
    VERB_COMPLEMENT_DEPS,
    children,
    prep_objects,
    subject,
)
from mosaic.model import StrengthFinding

FIGHTER_NOUNS = lexicon.words("numbers.fighter_nouns")  # fmt: skip
HOLDING_VERBS = lexicon.words("numbers.holding_verbs")
STRENGTH_NOUNS = lexicon.words("numbers.strength_nouns")
ACTED_ON = lexicon.words("numbers.acted_on")  # fmt: skip
"""What happens to some fighters, not how many a group has."""
MIN_FIGHTERS = 10
"""Fewer than this is a cell or a squad in a story, not the strength of a group."""


def strength_findings(context: SentenceContext, extractor: str) -> list[StrengthFinding]:
    """Every estimate of a group's number of fighters the sentence gives."""
    found: list[StrengthFinding] = []
    consumed: set[int] = set()
    for token in context.sent:
        if token.i in consumed or not is_count_token(token):
            continue
        text, tokens = count_phrase(token)
        consumed.update(t.i for t in tokens)
        noun = counted_noun(token)
        count = parse_count(text)
        if count is None or count.low < MIN_FIGHTERS or not _counts_fighters(noun):
            continue
        group = _owner(noun, context)
        if group is None or group.ref is None:
            continue
        found.append(
            StrengthFinding(group.ref, count, context.evidence, extractor, context.speaker, 0.6)
        )
    return found


def _counts_fighters(noun: Token) -> bool:
    """Whether the number counts a group's fighters, not its dead, captured or sent."""
    if noun.lemma_.lower() not in FIGHTER_NOUNS or casualty_trigger(noun) is not None:
        return False
    verb = noun.head.lemma_.lower()
    complements = {c.lemma_.lower() for c in noun.head.children if c.dep_ in VERB_COMPLEMENT_DEPS}
    if complements & ACTED_ON:
        return False  # "17 militants were reported killed"
    if noun.dep_ == "dobj" and verb not in HOLDING_VERBS:
        return False  # "arrested 25 members", "sent 300 fighters"
    if noun.dep_ in SUBJECT_DEPS and verb in ACTED_ON:
        return False  # "25 members were arrested"
    return not is_negated(noun)


def _owner(noun: Token, context: SentenceContext) -> EntityMention | None:
    """The group the fighters belong to: named on the noun ("2,000 ISKP fighters", "fighters
    of IS"), holding them ("X has 4,000 fighters"), or whose strength they are."""
    heads = children(noun, "compound", "poss", "nmod", "amod") + prep_objects(noun, "of", "from")
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "at":  # "put its strength at 2,000 fighters"
        verb = verb.head
        heads += [c for c in children(verb, "dobj") if c.lemma_.lower() in STRENGTH_NOUNS]
    elif noun.dep_ == "dobj" and verb.lemma_.lower() in HOLDING_VERBS:
        heads += subject(verb)
    elif noun.dep_ == "appos" and verb.lemma_.lower() == "number":  # parsed as a noun
        heads += children(verb, "compound")
    return _group(heads, context)


def _group(heads: Sequence[Token], context: SentenceContext) -> EntityMention | None:
    for head in heads:
        if head.lemma_.lower() in STRENGTH_NOUNS:  # "the group's strength", "strength of X"
            head = next(iter(children(head, "poss") + prep_objects(head, "of")), head)
        mention = context.mention_at(head) or (party(head, context) if _bare(head) else None)
        if mention is not None and mention.role is Role.GROUP:
            return mention
    return None


def _bare(head: Token) -> bool:
    """ "it", "their", "the group": words that stand for the group talked about. A described
    one ("the Khorasan branch") may be another group, and a wrong owner is worse than none."""
    return head.pos_ == "PRON" or not any(c.dep_ in NOUN_MODIFIER_DEPS for c in head.children)
