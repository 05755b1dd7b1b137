"""When a relation sentence states no date of its own but goes on from the sentence before.

"On 3 May the group announced a new wing. During the announcement it named X as its
chief": the appointment happens at the announcement, so it takes the date of the
paragraph's narrative. A sentence continues the narrative when it refers back to an
event of the previous sentence by a definite noun ("the announcement", "the video",
"the meeting") whose word, or the verb it comes from, the dated sentence uses.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.text.modality import DEFINITE
from mosaic.extract.text.sentences import DateSpan, SentenceContext
from mosaic.extract.text.syntax import ACT_POS, SUBJECT_DEPS

_FRAMES = lexicon.words("relations.frames")
_SUFFIXES = lexicon.ordered("relations.suffixes")
_MIN_STEM = 4


def carried_date(context: SentenceContext) -> DateSpan | None:
    """The paragraph's narrative date, where the sentence refers back to its event."""
    date = context.narrative
    if date is None or context.dates:
        return None
    earlier = context.doc[date.start].sent
    stems = {_stem(t) for t in earlier if t.pos_ in ACT_POS}
    for noun in context.sent:
        if _refers_back(noun, context) and _stem(noun) in stems:
            return date
    return None


def _refers_back(noun: Token, context: SentenceContext) -> bool:
    """ "the video included ...", "during the announcement, ...": a definite event noun
    that is the clause's subject or frames it, and names no party."""
    if noun.pos_ != "NOUN" or context.mention_at(noun) is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    if noun.dep_ in SUBJECT_DEPS:
        return noun.head.dep_ == "ROOT"
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in _FRAMES and head.head.dep_ == "ROOT"


def _stem(token: Token) -> str:
    word = token.lemma_.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")
