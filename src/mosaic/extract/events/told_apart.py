"""Sentences that tell their event as another one than those told before them.

"In a separate incident, a roadside bomb struck a police van" or "Separately, gunmen
shot a teacher" opens a new event, and so does "The attack came a day after gunmen shot a
teacher" (`sequels`). Told close behind an event of the same type with
no date of its own, such a sentence would otherwise be taken for more of that event
(merge's dateless follow-up), and the two incidents' places, targets and tolls would
be joined into one.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.events.sequels import tells_a_sequel
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import NOUN_POS
from mosaic.model import Evidence

APART_WORDS = lexicon.words("events.apart_words")
APART_OPENERS = lexicon.words("events.apart_openers")
EARLIER_WORDS = lexicon.words("events.earlier_words")
PERIOD_NOUNS = lexicon.words("events.period_nouns")
_MONTHS = frozenset(name.lower() for name in calendar.month_name[1:])
_PERIOD_REACH = 3
"""How many words after "Earlier" may name the month or period ("Earlier this month")."""


def told_apart(contexts: Iterable[SentenceContext]) -> frozenset[Evidence]:
    """The evidence of each sentence that opens as the telling of another event."""
    return frozenset(c.evidence for c in contexts if _opens_apart(c.sent) or tells_a_sequel(c.sent))


def _opens_apart(sent: Span) -> bool:
    """Whether the sentence opens with "Separately," or with a phrase before its main verb
    whose noun is marked as another ("In a separate incident", "In another raid")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[0].lower_ in APART_OPENERS or _recaps_an_earlier_period(words):
        return True
    return any(_marks_another(t, sent.root) for t in words if t.i < sent.root.i)


def _recaps_an_earlier_period(words: list[Token]) -> bool:
    """ "Earlier in August, a car bomb ...", "Earlier this year, ...": an event of another
    month, week or year recapped, not more of the one told ("Earlier on Tuesday, police had
    put the toll at ten")."""
    if words[0].lower_ not in EARLIER_WORDS:
        return False
    following = words[1 : 1 + _PERIOD_REACH]
    return any(w.lower_ in _MONTHS or w.lemma_.lower() in PERIOD_NOUNS for w in following)


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
