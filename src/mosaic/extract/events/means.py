"""An act told with the act it was done by, in one sentence: one event, the act.

"Police arrested four men in a raid on a house on Wednesday" tells one arrest; the raid is how
it was made, not a second event beside it. Left apart, the raid (nearer the sentence's date in
the parse) takes the day and the arrest none, and the two are stored as an operation and an
undated arrest that the merge cannot join, their types differing. A rule's `settle` hook made
by `absorb_means` folds such a finding of the means into the act's, which takes its date,
place and actors where it has none of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.events.rules.base import Settle, Told
from mosaic.model import EventFinding, EventType

MEANS_PREPS = lexicon.words("events.means_preps")


def absorb_means(act: EventType, means: EventType) -> Settle:
    """A settle hook: each finding of type `act` absorbs the finding of type `means` told in a
    phrase hung on its trigger ("arrested in a raid", "detained during an operation")."""

    def settle(found: Told) -> Told:
        acts = [t for t, f in found if f.type is act]
        by_act = {
            t.i: a.i
            for t, f in found
            for a in acts
            if f.type is means and (_told_as_means(t, a) or _joined_means(t, f, a))
        }
        kept: Told = []
        for token, finding in found:
            if token.i in by_act:
                continue
            if finding.type is act:
                done = [f for t, f in found if by_act.get(t.i) == token.i]
                finding = _with_means(finding, done)
            kept.append((token, finding))
        return kept

    return settle


def _told_as_means(means: Token, act: Token) -> bool:
    """ "arrested four men in a raid": the means is the object of a preposition of manner or
    time hung on the act's trigger."""
    prep = means.head
    return means.dep_ == "pobj" and prep.lower_ in MEANS_PREPS and prep.head == act


def _joined_means(means: Token, finding: EventFinding, act: Token) -> bool:
    """ "officers raided houses in the west of the city and detained four men": a raid joined
    to the act as the clause before it is how the act was done, unless it counts dead of its
    own ("raided a camp, killing five, and detained two")."""
    joined = act.dep_ == "conj" and act.head == means and means.i < act.i
    return joined and means.pos_ == "VERB" and finding.killed is None


def _with_means(act: EventFinding, means: Sequence[EventFinding]) -> EventFinding:
    """The act with the date, place and actors of the act it was done by, where it lacks them."""
    for done in means:
        act = replace(
            act,
            date=act.date or done.date,
            date_end=act.date_end if act.date else done.date_end,
            place=act.place or done.place,
            country=act.country or done.country,
            perpetrators=act.perpetrators or done.perpetrators,
        )
    return act
