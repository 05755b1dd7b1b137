"""Sentences that tell their event as another one than those told before them.

"In a separate incident, a roadside bomb struck a police van" or "Separately, gunmen
shot a teacher" opens a new event, and so does "The attack came a day after gunmen shot a
teacher" (`sequels`). Told close behind an event of the same type with
no date of its own, such a sentence would otherwise be taken for more of that event
(merge's dateless follow-up), and the two incidents' places, targets and tolls would
be joined into one.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.events.sequels import tells_a_sequel
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import NOUN_POS
from mosaic.model import Evidence

APART_WORDS = lexicon.words("events.apart_words")
APART_OPENERS = lexicon.words("events.apart_openers")


def told_apart(contexts: Iterable[SentenceContext]) -> frozenset[Evidence]:
    """The evidence of each sentence that opens as the telling of another event."""
    return frozenset(c.evidence for c in contexts if _opens_apart(c.sent) or tells_a_sequel(c.sent))


def _opens_apart(sent: Span) -> bool:
    """Whether the sentence opens with "Separately," or with a phrase before its main verb
    whose noun is marked as another ("In a separate incident", "In another raid")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[0].lower_ in APART_OPENERS:
        return True
    return any(_marks_another(t, sent.root) for t in words if t.i < sent.root.i)


def _marks_another(token: Token, root: Token) -> bool:
    """ "separate" on the noun of a phrase hung on the main verb ("in a separate incident"),
    or on the verb of the clause the main verb reports: wire copy ends a sentence with its
    source ("In a separate attack, gunmen killed two soldiers, police said."), and then
    "said" is the main verb and the phrase hangs on the clause it carries."""
    noun = token.head
    return (
        token.lower_ in APART_WORDS
        and noun.pos_ in NOUN_POS
        and noun.dep_ == "pobj"
        and _main_clause(noun.head.head, root)
    )


def _main_clause(verb: Token, root: Token) -> bool:
    """Whether the verb is the sentence's main verb or the clause that main verb carries."""
    return verb == root or (verb.dep_ == "ccomp" and verb.head == root)
