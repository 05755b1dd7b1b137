"""Deaths a report states of people, which end the leadership or membership they held.

"A (killed July 2016) and B (killed April 2017)": a parenthesis after a name dates that
person's death. "He was killed in a drone strike in June 2018", "X died in 2016": a
sentence whose subject is a person (named, or "he" for the last person named) and whose
verb is a killing or a death, with a date, dates it; negated or hypothetical ones ("may
have been killed") do not. "X, the group's former chief, killed in July 2016", "the emir
killed in a drone strike in 2016": a killing participle on a person, or on the role noun
that describes him, dates his death by a date of its own clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.parties import party
from mosaic.extract.text import modality
from mosaic.extract.text.sentences import DateSpan, SentenceContext
from mosaic.extract.text.syntax import (
    PARTICIPLE_CLAUSE_DEPS,
    PAST_TAGS,
    SUBJECT_DEPS,
    children,
    is_passive,
    tree_distance,
)
from mosaic.model import FuzzyDate

KILLING_VERBS = lexicon.words("relations.killing_verbs")
DYING_VERBS = lexicon.words("relations.dying_verbs")
_PARENTHESIS_WORDS = KILLING_VERBS | DYING_VERBS | set(lexicon.words("relations.parenthesis_words"))
_PARENTHESIS_REACH = 8


def parenthesised_death(mention: EntityMention, context: SentenceContext) -> FuzzyDate | None:
    """The death date a parenthesis right after a name gives ("A (killed July 2016)")."""
    doc, i = context.doc, mention.end
    if i >= context.sent.end or doc[i].text != "(":
        return None
    window = doc[i : min(context.sent.end, i + _PARENTHESIS_REACH)]
    close = next((t.i for t in window if t.text == ")"), None)
    said = close is not None and any(
        t.lemma_.lower() in _PARENTHESIS_WORDS for t in doc[i + 1 : close]
    )
    if close is None or not said:
        return None
    dates = [d for d in context.dates if i < d.start and d.end <= close]
    return dates[0].value.start if dates else None


def stated_deaths(contexts: Iterable[SentenceContext]) -> dict[str, FuzzyDate]:
    """Person key -> the date the report says he was killed or died (the first it says)."""
    deaths: dict[str, FuzzyDate] = {}
    for context in contexts:
        for verb in context.sent:
            for person, date in _deaths_of(verb, context):
                deaths.setdefault(_key(person), date)
    return deaths


def _deaths_of(verb: Token, context: SentenceContext) -> list[tuple[EntityMention, FuzzyDate]]:
    verb_lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not context.dates:
        return []
    dates: Sequence[DateSpan] = context.dates
    if _killing_participle(verb):  # "X, the former emir, killed in July 2016"
        subjects = [verb.head]
        dates = [d for d in dates if context.date_root(d) in verb.subtree]
    elif verb_lemma in KILLING_VERBS and is_passive(verb):
        subjects = children(verb, "nsubjpass")
    elif verb_lemma in DYING_VERBS:
        subjects = children(verb, "nsubj")
    else:
        return []
    if not dates or modality.is_negated(verb) or modality.is_hypothetical(verb):
        return []
    date = _nearest(verb, dates, context)
    people = [m for t in subjects if (m := party(t, context)) and m.role is Role.PERSON]
    return [(person, date.value.start) for person in people]


def _killing_participle(verb: Token) -> bool:
    """A past participle of killing with no subject of its own, on the noun it describes."""
    return (
        verb.lemma_.lower() in KILLING_VERBS
        and verb.tag_ in PAST_TAGS
        and verb.dep_ in PARTICIPLE_CLAUSE_DEPS
        and not children(verb, *SUBJECT_DEPS)
    )


def _nearest(verb: Token, dates: Sequence[DateSpan], context: SentenceContext) -> DateSpan:
    return min(dates, key=lambda d: tree_distance(verb, context.date_root(d)))


def _key(mention: EntityMention) -> str:
    ref = mention.ref
    return "" if ref is None else ref.key or ref.name.casefold()
