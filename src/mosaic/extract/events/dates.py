"""The date of an event: the sentence's date nearest its trigger in the parse.

A date goes to the trigger nearest it unless another trigger is nearer; "the
attack" referring back takes only a date inside its own phrase, so it does not
keep the sentence's other date from a trigger further off. A date counted from another of the
sentence ("on March 18 ..., two days previously") yields to that one, as the
parser hangs such a phrase on the main verb whatever it dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import TELLING_VERBS
from mosaic.extract.dates.document import is_occasion
from mosaic.extract.dates.phrases import SHIFT_UNITS, shift
from mosaic.extract.places.datelines import DATELINE_CHARS, dateline_end
from mosaic.extract.text.modality import (
    CLAIM_NOUNS,
    MESSAGE_NOUNS,
    claimed_definite,
    is_anaphoric,
)
from mosaic.extract.text.sentences import DateSpan, SentenceContext
from mosaic.extract.text.syntax import (
    NOUN_CLAUSE_DEPS,
    NOUN_MODIFIER_DEPS,
    NOUN_POS,
    PRESENT_TAGS,
    SUBJECT_DEPS,
    VERB_POS,
    children,
    tree_distance,
)
from mosaic.extract.text.words import INDEFINITE_ARTICLES, NUMBER_WORDS
from mosaic.model import FuzzyDate

TOLL_NOUNS = lexicon.words("events.toll_nouns")


def event_date(
    trigger: Token, context: SentenceContext, rivals: Sequence[Token]
) -> DateSpan | None:
    """The sentence's date nearest the trigger in the parse, unless another trigger is nearer;
    "the attack" referring back takes only a date of its own. Of two as near, the one hung
    below the trigger ("reported today that she was killed on Monday") dates it. An event
    told as some time before another ("a day after gunmen stormed X") takes a date of its own
    or else the other's, moved back by that time."""
    measured = measured_clause(trigger)
    own = {t.i for t in trigger.subtree} if is_anaphoric(trigger) or measured else None
    claimed = _claim_days(trigger)
    own = claimed if claimed is not None else own
    best = _nearest_date(trigger, context, rivals, own)
    if best is None and measured is not None:  # "X on Monday, a day after gunmen stormed Y"
        return _counted_back(trigger, context, measured)
    return best


def _claim_days(trigger: Token) -> set[int] | None:
    """ "X claimed the attack on Monday": an event told before, named again as what a group
    claims with nothing of its own but a day, which dates the claim wherever the parser hangs
    it; the words the event may still take a date from, or None for any other trigger
    ("claimed the 2 September attack", "claimed the attack on the embassy on Monday")."""
    if not claimed_definite(trigger):
        return None
    days = [p for p in trigger.children if p.dep_ == "prep" and _names_a_day(p)]
    told = [p for p in trigger.children if p.dep_ == "prep" and _names_a_telling(p)]
    others = [c for c in trigger.children if c.dep_ != "det" and c not in days + told]
    if others:
        return None
    return {t.i for t in trigger.subtree} - {t.i for p in days for t in p.subtree}


def _names_a_day(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in prep.children)


def _names_a_telling(prep: Token) -> bool:
    """ "claimed the bombing in a statement": the claim's words the parser hung on the event."""
    return any(c.dep_ == "pobj" and c.lemma_.lower() in CLAIM_NOUNS for c in prep.children)


def _nearest_date(
    trigger: Token, context: SentenceContext, rivals: Sequence[Token], own: set[int] | None
) -> DateSpan | None:
    best: tuple[tuple[int, bool], DateSpan] | None = None
    for date in _told_dates(context):
        root = context.date_root(date)
        if own is not None and root.i not in own:
            continue
        if _dates_the_telling(root, trigger) or _dates_another_noun(root, trigger, rivals):
            continue
        if _dates_an_outer_act(date, root, trigger, rivals) or _dates_a_telling_of_before(
            root, trigger
        ):
            continue
        if revises_a_toll(root):
            continue
        distance = tree_distance(trigger, root)
        if any(tree_distance(o, root) < distance and _may_take(o, root) for o in rivals):
            continue
        distance += _relative(date, context)
        rank = (distance, root not in trigger.subtree)  # a tie goes to the trigger's own date
        if best is None or rank < best[0]:
            best = (rank, date)
    return best[1] if best else None


def _told_dates(context: SentenceContext) -> Sequence[DateSpan]:
    """The sentence's dates, less a wire dateline's ("KABUL, March 5 (AP) -- ... on Monday")
    where it has others: the dateline's is the day the report was filed, nearest the first
    verb only by its place in the text; with no other date it stands for the event's."""
    if not context.dates or context.sent.start_char >= DATELINE_CHARS:
        return context.dates
    end = dateline_end(context.doc[: context.sent.end].text)
    if end is None:
        return context.dates
    told = [d for d in context.dates if context.doc[d.start].idx >= end]
    return told or context.dates


def states_a_time(context: SentenceContext) -> bool:
    """Whether the sentence states a time of its own ("last year", "during the past year"), so
    that what it tells is not simply more of the event told before it; the day a toll was
    revised ("the toll rose to 54 on Monday") or a statement made ("officials said on Monday
    that ...") is no time of the event."""
    own = acts_dates(context)
    revised = {i for d in context.dates if d not in own for i in range(d.start, d.end)}
    return bool(own) or any(t.ent_type_ == "DATE" and t.i not in revised for t in context.sent)


def acts_dates(context: SentenceContext) -> list[DateSpan]:
    """The sentence's dates less those of a statement or a toll's revision ("officials said on
    Monday", "the toll rose to 21 on Sunday"), which date no act."""
    return [
        d for d in context.dates
        if not revises_a_toll(context.date_root(d)) and not _dates_a_saying(context.date_root(d))
    ]  # fmt: skip


def _dates_a_saying(root: Token) -> bool:
    """ "The ministry said on Sunday that 21 people had died": a date hung on a verb of
    telling dates the statement, not what it tells."""
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in TELLING_VERBS


def revises_a_toll(root: Token) -> bool:
    """ "The death toll from the attack rose to 21 on Sunday": a date hung on a verb whose
    subject is a toll dates the toll's revision, not the event it counts."""
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return any(s.lemma_.lower() in TOLL_NOUNS for s in children(verb, *SUBJECT_DEPS))


def _dates_the_telling(root: Token, trigger: Token) -> bool:
    """ "X claimed the attack, its agency said on Thursday": the date of the telling, hung on a
    speech verb the event is not, dates the report rather than the event."""
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TELLING_VERBS or verb == trigger:
        return False
    return trigger not in verb.subtree or trigger.i < verb.i


def _dates_a_telling_of_before(root: Token, trigger: Token) -> bool:
    """ "Officials said Tuesday that a party had organized an attack", "In a statement on
    Thursday, the group said its men had detonated belts": a date of the telling, hung on its
    verb or on the message it came in, does not date an act it tells in the past perfect,
    which was done before it was told. A teller telling its own act ("police said Saturday
    they had detained six") tells it as it is done: the date stands."""
    telling = _telling_verb(root.head.head if root.dep_ == "pobj" else root.head)
    if telling is None:
        return False
    return any(_past_perfect(t) and not _own_act(t) for t in _path_up(trigger, telling))


def _telling_verb(head: Token) -> Token | None:
    """The verb of telling the head is, or whose message it names ("in a statement")."""
    while head.lemma_.lower() in MESSAGE_NOUNS and head.dep_ == "pobj":
        head = head.head.head
    if head.pos_ == "VERB" and head.lemma_.lower() in TELLING_VERBS:
        return head
    return None


def _own_act(verb: Token) -> bool:
    """ "they had detained", "it had arrested": a pronoun's act, the teller's own."""
    return any(s.pos_ == "PRON" for s in children(verb, *SUBJECT_DEPS))


def _past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _dates_an_outer_act(
    date: DateSpan, root: Token, trigger: Token, rivals: Sequence[Token]
) -> bool:
    """ "Troops on Saturday pressed a search for militants who ambushed a truck", "police on
    Thursday released sketches of men suspected of gunning down 26": a date told before a
    clause that tells who a noun is, hung on a verb above it, dates that verb's act (the
    search, the sketches), not the event the clause recalls. A clause on the date itself
    ("since April 2021, when rebels ambushed ...") or on an event ("a bombing that hit the
    gate") is dated by it; a date told after the clause may be the clause's own, hung too high
    by the parser ("X, who was killed, ..., in an encounter in 2015")."""
    verb = root.head
    while verb.pos_ not in VERB_POS and verb.head != verb:
        verb = verb.head  # "troops on Saturday pressed": the date's clause is the verb's
    return root not in trigger.subtree and any(
        t.dep_ in NOUN_CLAUSE_DEPS
        and t.tag_ != "VB"  # an infinitive tells what a noun is for: "deployed jets to hit"
        and date.end <= min(w.i for w in t.subtree)
        and not date.start <= t.head.i < date.end
        and t.head.pos_ in NOUN_POS  # not a count's participle: "over 340 injured in a bombing"
        and t.head not in rivals
        for t in _path_up(trigger, verb)
    )


def _path_up(token: Token, top: Token) -> list[Token]:
    """The token and its heads up to, not including, `top`; empty when `top` is not above it."""
    path = []
    while token != top:
        if token.head == token:
            return []
        path.append(token)
        token = token.head
    return path


def _dates_another_noun(root: Token, trigger: Token, rivals: Sequence[Token]) -> bool:
    """ "the group, which has vowed to disrupt the April 5 election, has carried out attacks":
    a date modifying a noun outside the trigger's phrase dates that noun (a plan, a vote),
    not the event; one on a rival trigger is left to the rivals' test. A time of day is no
    other noun: "on Sunday evening", "at 8 a.m. Wednesday" date what that time dates, and
    nor is an occasion ("during Sunday Mass")."""
    noun = root.head
    return (
        root.dep_ in NOUN_MODIFIER_DEPS
        and noun.pos_ in NOUN_POS
        and noun.lower_ not in TIME_NOUNS
        and noun.ent_type_ != "TIME"
        and not is_occasion(noun)
        and noun != trigger
        and noun not in rivals
        and noun not in trigger.subtree
        and trigger not in noun.subtree
    )


def _may_take(trigger: Token, root: Token) -> bool:
    """Whether the trigger may take the date: "the attack" referring back, or an event told as
    some time before another ("a day after gunmen stormed X"), only its own."""
    return not (is_anaphoric(trigger) or measured_clause(trigger)) or root in trigger.subtree


_STEP_MARKS = {"after": -1, "before": 1}
"""Which way from the main clause's date a clause "a day after ..." ("before ...") lies."""


def measured_clause(trigger: Token) -> tuple[str, int] | None:
    """ "..., a day after gunmen stormed X", "two weeks before the vote was held": the unit and
    the signed count of them that the clause's event lies from the date of the clause it hangs
    on; None for any other trigger."""
    mark = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in _STEP_MARKS), None)
    if mark is None or trigger.dep_ != "advcl":
        return None
    spans = [c for c in (*mark.children, *trigger.children) if c.dep_ == "npadvmod"]
    measure = _measure(spans[0]) if spans else None
    if measure is None:
        return None
    unit, count = measure
    return unit, count * _STEP_MARKS[mark.lower_]


def _measure(span: Token) -> tuple[str, int] | None:
    """ "a day", "two weeks", "3 months": the unit and how many of it, or None."""
    unit = ELAPSED_UNITS.get(span.lower_)
    counts = [_NUMBERS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
              for c in span.children if c.dep_ in ("nummod", "det")]  # fmt: skip
    if unit is None or len(counts) != 1 or not counts[0]:
        return None
    return unit, counts[0]


def _counted_back(
    trigger: Token, context: SentenceContext, measured: tuple[str, int]
) -> DateSpan | None:
    """The date of the clause the measured one hangs on, moved by the measure."""
    main = trigger.head
    outside = [d for d in _told_dates(context) if context.date_root(d) not in trigger.subtree]
    if not outside:
        return None
    date = min(outside, key=lambda d: tree_distance(main, context.date_root(d)))
    moved = shift(date.value.start, *measured) if date.value.end is None else None
    return DateSpan(date.start, date.end, moved) if moved is not None else None


RELATIVE_WORDS = lexicon.words("events.relative_words")  # fmt: skip
TIME_NOUNS = lexicon.words("dates.time_nouns")


def _relative(date: DateSpan, context: SentenceContext) -> int:
    """1 for a date counted from another named in the sentence ("on March 18 ..., two days
    previously"): the parser hangs such a phrase on the main verb, which the other dates."""
    if not _is_relative(date, context):
        return 0
    return int(any(not _is_relative(other, context) for other in context.dates))


def _is_relative(date: DateSpan, context: SentenceContext) -> bool:
    return any(t.lower_ in RELATIVE_WORDS for t in context.doc[date.start : date.end])


ELAPSED_UNITS = {
    row.word("word"): row.choice("unit", SHIFT_UNITS)
    for row in lexicon.table(
        "events.elapsed_units", {"word": lexicon.Field.WORD, "unit": lexicon.Field.WORD}
    )
}
"""Words for a span of time and the unit `shift` moves a date by ("three weeks after")."""
_NUMBERS = dict.fromkeys(INDEFINITE_ARTICLES, 1) | NUMBER_WORDS


def elapsed_date(trigger: Token, published: FuzzyDate | None) -> FuzzyDate | None:
    """ "Three weeks after the US dropped the bomb, the group continues ...": an event told as
    the start of a time that runs to the telling (the main clause in the present) lies that
    long before the report's date, at the precision the unit allows. "To mark one year since
    the bombing", "it has been two years since the attack": a time counted since an event
    runs to the telling whatever the tense of the clause that counts it."""
    after = _elapsed_mark(trigger)
    if after is None or published is None or published.day is None:
        return None
    spans = [c for c in (*after.children, *trigger.children) if c.dep_ == "npadvmod"]
    main = trigger.head if trigger.dep_ == "advcl" else after.head
    if after.lower_ == "since":
        counted = [main, *main.children]  # "two years since", "marks one year since"
        spans += [c for c in counted if c.lower_ in ELAPSED_UNITS and c.i < after.i]
    elif main.tag_ not in PRESENT_TAGS:
        return None
    measure = _measure(spans[0]) if spans else None
    if measure is None:
        return None
    unit, count = measure
    moved = shift(published, unit, -count)
    return moved.start if moved else None


def _elapsed_mark(trigger: Token) -> Token | None:
    """The "after" or "since" the trigger's event is counted from."""
    for mark in ("after", "since"):
        word = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ == mark), None)
        if word is None and trigger.dep_ == "pobj" and trigger.head.lower_ == mark:
            word = trigger.head
        if word is not None:
            return word
    return None


def counted_since(trigger: Token, date: DateSpan | None) -> bool:
    """ "Residents gathered on Tuesday to mark one year since the bombing": the sentence's date
    is the gathering's, so the time counted since the event dates it; not a date in the
    event's own phrase ("since the bombing on March 3")."""
    mark = _elapsed_mark(trigger)
    if mark is None or mark.lower_ != "since":
        return False
    return date is None or date.start not in {t.i for t in trigger.subtree}
