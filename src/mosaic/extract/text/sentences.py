"""What the event and relation rules see of one sentence: its mentions, dates, speaker, evidence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import last_person_before, speaker
from mosaic.extract.dates.document import DateMention
from mosaic.extract.dates.phrases import DateValue
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.syntax import NOUN_POS, TRAILING_DEPS, VERB_POS, char_span_tokens
from mosaic.extract.text.syntax import SUBJECT_DEPS as MAIN_SUBJECT_DEPS
from mosaic.model import Evidence


@dataclass(frozen=True)
class DateSpan:
    """A resolved date phrase at tokens `start`..`end`."""

    start: int
    end: int
    value: DateValue


@dataclass(frozen=True)
class SentenceContext:
    """One sentence with everything found in it."""

    sent: Span
    mentions: tuple[EntityMention, ...]
    dates: tuple[DateSpan, ...]
    evidence: Evidence
    speaker: str | None
    doc_mentions: tuple[EntityMention, ...] = ()
    narrative: DateSpan | None = None
    """The paragraph's last date before the sentence: the date a dateless sentence of a
    narrative goes on in ("On 3 May ... . Another bomb hit Kunduz.")."""
    full_text: str | None = field(default=None, compare=False, repr=False)
    """The doc's text, shared by its contexts: `Doc.text` joins every token at each call."""

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    @cached_property
    def words(self) -> frozenset[str]:
        """The sentence's words lower-cased and their lemmas lower-cased (`sentence_words`),
        read once however many rules ask."""
        return sentence_words(self.sent)

    @property
    def doc_text(self) -> str:
        """The text of the whole doc (the prepared text it was parsed from)."""
        return self.full_text if self.full_text is not None else self.doc.text

    def mention_at(self, token: Token) -> EntityMention | None:
        """The mention covering the token, if any."""
        for mention in self.mentions:
            if mention.start <= token.i < mention.end:
                return mention
        return None

    def mentions_in(self, tokens: Sequence[Token]) -> list[EntityMention]:
        """Mentions covering any of the tokens, in text order, without repeats."""
        indices = {t.i for t in tokens}
        return [m for m in self.mentions if any(i in indices for i in range(m.start, m.end))]

    def date_root(self, date: DateSpan) -> Token:
        return self.doc[date.start : date.end].root


_Item = TypeVar("_Item", EntityMention, DateSpan)
_GROUP_PRONOUNS = lexicon.words("entities.group_pronouns")
_GROUP_WORDS = lexicon.words("entities.group_words")
_SUBJECT_STEPS = 2
"""How many sentences back "it" or "the group" as a sentence's subject is followed."""
_WORD_KEYS = "mosaic_word_keys"
"""`Doc.user_data` key of the doc's array of word keys (lower-case form, lemma), made once per
doc: no stage changes a word or lemma after the parse."""
_LOWERED: dict[int, str] = {}
"""String-store key -> its string lower-cased: a key names the same string in every store."""
_LOWERED_MAX = 500_000


def sentence_words(sent: Span) -> frozenset[str]:
    """Each token's lower-case form and lower-cased lemma, read from the doc's array of them
    (a span's own array per sentence cost as much as the rules that read it; a Token per
    word, more)."""
    doc = sent.doc
    keys = doc.user_data.get(_WORD_KEYS)
    if keys is None:
        keys = doc.user_data[_WORD_KEYS] = doc.to_array([LOWER, LEMMA])
    strings = doc.vocab.strings
    return frozenset(
        _lowered(key, strings) for key in set(keys[sent.start : sent.end].ravel().tolist())
    )


def _lowered(key: int, strings: StringStore) -> str:
    word = _LOWERED.get(key)
    if word is None:
        if len(_LOWERED) >= _LOWERED_MAX:
            _LOWERED.clear()
        word = _LOWERED[key] = strings[key].lower()
    return word


def build_contexts(
    doc: Doc, text: str, mentions: Sequence[EntityMention], dates: Sequence[DateMention]
) -> list[SentenceContext]:
    """A SentenceContext for every sentence; evidence quotes `text` (the report's own)."""
    spans = [(tokens, d.value) for d in dates if (tokens := char_span_tokens(doc, d.start, d.end))]
    contexts = []
    every = tuple(mentions)
    every_date = [DateSpan(s, e, value) for (s, e), value in spans]
    doc_text = doc.text
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    mentions_of, dates_of = by_sentence(mentions, starts), by_sentence(every_date, starts)
    for sent, inside, sent_dates, last_person in zip(
        sents, mentions_of, dates_of, last_people_before(mentions, starts), strict=True
    ):
        evidence = Evidence(sent.start_char, sent.end_char, text[sent.start_char : sent.end_char])
        who = speaker(sent, inside, last_person)
        narrative = narrative_date(doc, every_date, sent, doc_text)
        contexts.append(
            SentenceContext(sent, inside, sent_dates, evidence, who, every, narrative, doc_text)
        )
    return contexts


def by_sentence(items: Sequence[_Item], starts: Sequence[int]) -> list[tuple[_Item, ...]]:
    """The items (mentions or dates) that start in each sentence, in their order; `starts`
    are the sentences' first tokens, in order."""
    groups: list[list[_Item]] = [[] for _ in starts]
    for item in items:
        index = bisect.bisect_right(starts, item.start) - 1
        if index >= 0:
            groups[index].append(item)
    return [tuple(group) for group in groups]


def last_people_before(
    mentions: Sequence[EntityMention], positions: Sequence[int]
) -> list[str | None]:
    """`last_person_before(mentions, position)` for each of the ascending positions, in one
    pass over the people: the last person in the mentions' order ending by the position."""
    people = sorted((m.end, i) for i, m in enumerate(mentions) if m.role is Role.PERSON)
    result: list[str | None] = []
    taken, last = 0, -1
    for position in positions:
        while taken < len(people) and people[taken][0] <= position:
            last = max(last, people[taken][1])
            taken += 1
        result.append(last_person_before([mentions[last]], position) if last >= 0 else None)
    return result


def narrative_date(
    doc: Doc, dates: Sequence[DateSpan], sent: Span, doc_text: str
) -> DateSpan | None:
    """The last date before the sentence in its paragraph (no line break in between);
    `doc_text` is `doc.text`."""
    earlier = [d for d in dates if d.end <= sent.start]
    if not earlier:
        return None
    last = max(earlier, key=lambda d: d.end)
    between = doc_text[doc[last.end - 1].idx : sent.start_char]
    return None if "\n" in between else last


def group_before(
    context: SentenceContext, position: int, exclude: str | None = None, nearest: bool = False
) -> EntityMention | None:
    """The group "it", "its" or "the group" at token `position` stands for: the last group
    named before it in the sentence; else the subject of the sentence just before, if a
    group; else the document's topic (its most named group) once named; else (or if
    `nearest`) the last group named before. `exclude` names the relation's other side."""
    earlier = [
        m for m in context.doc_mentions
        if m.end <= position and m.role is Role.GROUP and m.ref is not None
        and m.ref.name != exclude
    ]  # fmt: skip
    if not earlier or earlier[-1].start >= context.sent.start:
        if not earlier:
            return None
        return _described_owner(context, earlier[-1], earlier) or earlier[-1]
    previous = _previous_subject(context, earlier)
    if previous is not None or nearest:
        return previous or earlier[-1]
    topic = topic_group(context.doc_mentions, exclude)
    named = [m for m in earlier if topic is not None and m.ref == topic.ref]
    return named[-1] if named else earlier[-1]


def _described_owner(
    context: SentenceContext, mention: EntityMention, earlier: list[EntityMention]
) -> EntityMention | None:
    """The group a relative clause or an apposition holding the mention describes: "X, which
    split from Y, said it ..." and "X, a faction that broke away from Y, said its men ..."
    speak of X, though Y is named last. A name apposed to a name is the same group's other
    name ("X – Khorasan Province (ISIL)"), and describes none. None past a verb of the
    mention's own clause."""
    for above in context.doc[mention.start : mention.end].root.ancestors:
        if above.dep_ in TRAILING_DEPS and context.mention_at(above) is None:
            owner = next((m for m in earlier if m.start <= above.head.i < m.end), None)
            if owner is not None:
                return owner
        elif above.pos_ in VERB_POS:
            return None
    return None


def previous_subject_group(context: SentenceContext) -> EntityMention | None:
    """The group that is the main clause's subject in the sentence just before this one
    ("X has claimed several attacks this year. In July, militants stormed a garrison"), or
    that its "it" or "the group" stands for."""
    earlier = [
        m for m in context.doc_mentions
        if m.end <= context.sent.start and m.role is Role.GROUP and m.ref is not None
    ]  # fmt: skip
    return _previous_subject(context, earlier) if earlier else None


def _previous_subject(
    context: SentenceContext, earlier: list[EntityMention]
) -> EntityMention | None:
    """The group that is the main clause's subject in the sentence just before this one
    ("X has carried out attacks. Its leader ..."): what the text was just about."""
    start = context.sent.start
    if start == 0:
        return None
    return _subject_group(context.doc, earlier, context.doc[start - 1].sent, _SUBJECT_STEPS)


def _subject_group(
    doc: Doc, earlier: list[EntityMention], sent: Span, steps: int
) -> EntityMention | None:
    """The group that is the sentence's main subject, or is named in apposition to it ("A
    second group, X, announced ..."); where that subject is "it" or "the group" with no group
    named before it in its sentence, the group it stands for, from the sentence before ("X
    remained active. The group was formed in 2018. It is led by ...")."""
    for mention in reversed(earlier):
        if mention.start < sent.start:
            break
        if mention.start >= sent.end:
            continue
        root = doc[mention.start : mention.end].root
        if root.dep_ == "appos" and root.head.pos_ in NOUN_POS:
            root = root.head
        if root.dep_ in MAIN_SUBJECT_DEPS and root.head == sent.root:
            return mention
    subjects = [c for c in sent.root.children if c.dep_ in MAIN_SUBJECT_DEPS]
    if steps == 0 or sent.start == 0 or not subjects or not stands_for_group(subjects[0]):
        return None
    if any(sent.start <= m.start < subjects[0].i for m in earlier):
        return None
    return _subject_group(doc, earlier, doc[sent.start - 1].sent, steps - 1)


def stands_for_group(word: Token) -> bool:
    """ "it", "the group": a subject standing for a group named before."""
    if word.lower_ in _GROUP_PRONOUNS:
        return True
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in word.children)
    return definite and word.lemma_.lower() in _GROUP_WORDS


def topic_group(
    mentions: Sequence[EntityMention], exclude: str | None = None
) -> EntityMention | None:
    """The group the document names most often (the first named on a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, EntityMention] = {}
    for mention in mentions:
        if mention.role is Role.GROUP and mention.ref is not None and mention.ref.name != exclude:
            counts[mention.ref.name] = counts.get(mention.ref.name, 0) + 1
            first.setdefault(mention.ref.name, mention)
    if not counts:
        return None
    return first[max(counts, key=lambda name: counts[name])]
