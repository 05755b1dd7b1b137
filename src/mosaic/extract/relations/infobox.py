"""Relations stated by infobox lines of encyclopedia-style pages, with their years.

"Part of X (2014–present)" makes the page's group an affiliate of X; "Allegiance: A
(2001–2007), B (2007–2014)" makes the page's person a member of each (a group's
allegiance stays allegiance); "Office: Emir of X" or "Emir of X" over "In office"
makes him its leader, dated by "Term Start:"/"Term End:" or the "In office" line's
span. Further items of a field continue on the lines below when they carry their
own years ("Y (2007–2014)"). The page is about the first person or group it names.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mosaic.extract import lexicon
from mosaic.extract.dates.phrases import DateContext, clean_phrase, read_absolute
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.relations.nouns import LEADER_NOUNS, Candidate
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import Evidence, FuzzyDate, RelationType

R = RelationType
_LINE_START = re.compile(r"^[\s|*-]+")
_FIELD = re.compile(r"^(?P<label>part of|allegiance)\b\s*[:|]?\s*(?P<rest>.*)$", re.I)
_OFFICE_FIELD = re.compile(r"^office\d*\s*:\s*(?P<rest>.+)$", re.I)
_ROLE = re.compile(r"^(?P<role>[\w'’ .-]{1,40}?)\s+of\s+(?:the\s+)?(?P<owner>.+)$", re.I)
_TERM = re.compile(r"^term\s*(?P<which>start|end)\d*\s*:\s*(?P<date>.+)$", re.I)
_IN_OFFICE = re.compile(r"^in office\s*$", re.I)
_SPAN = re.compile(r"^(?P<a>[\w ,]+?)\s*[–—-]\s*(?P<b>[\w ,]+?)\s*$")
_YEARS = re.compile(r"\(\s*(?P<a>\d{4})\s*[–—-]\s*(?P<b>\d{4}|present)\s*\)")
_SINCE = re.compile(r"\(\s*since\s+(?P<a>\d{4})\s*\)", re.I)
"""An item held from a year on: "Afghan Taliban (since 2015)"."""
_CONTINUED = re.compile(r"^[^:|]{3,80}?\s*(?:\[\d+\])*\s*\(\s*\d{4}\s*[–—-]\s*(?:\d{4}|present)\)")
_ITEM_SPLIT = re.compile(r"[,|](?![^()]*\))")
_REFS = re.compile(r"(?:\[\d+\]|\s)*")
_OFFICE_WORDS = LEADER_NOUNS | set(lexicon.words("relations.office_words"))
_TERM_LINES = 4


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def body(self) -> str:
        return _LINE_START.sub("", self.text).strip()

    @property
    def body_start(self) -> int:
        return self.start + len(self.text) - len(_LINE_START.sub("", self.text))


@dataclass(frozen=True)
class InfoboxRelation:
    """A relation an infobox states, with the years or dates it gives."""

    candidate: Candidate
    start: FuzzyDate | None
    end: FuzzyDate | None
    evidence: Evidence


@functools.lru_cache(maxsize=4)
def lines_of(text: str) -> tuple[Line, ...]:
    """The text's lines; cached, as every sentence of a document reads them."""
    found: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        found.append(Line(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return tuple(found)


@functools.lru_cache(maxsize=4)
def _body_starts(text: str) -> tuple[int, ...]:
    """Where each line's body starts: increasing, as lines do not overlap."""
    return tuple(line.body_start for line in lines_of(text))


def infobox_relations(context: SentenceContext) -> list[InfoboxRelation]:
    """The infobox relations whose field begins in this sentence."""
    topic = page_topic(context.doc_mentions)
    if topic is None:
        return []
    text = context.doc_text
    lines, starts = lines_of(text), _body_starts(text)
    first = bisect_left(starts, context.sent.start_char)
    found: list[InfoboxRelation] = []
    for index in range(first, bisect_left(starts, context.sent.end_char)):
        found += _field(lines, index, topic, context)
    return found


def page_topic(mentions: tuple[EntityMention, ...]) -> EntityMention | None:
    """The first person or group the page names (its title)."""
    for mention in mentions:
        if mention.role in (Role.PERSON, Role.GROUP) and mention.ref is not None:
            return mention
    return None


def _field(
    lines: Sequence[Line], index: int, topic: EntityMention, context: SentenceContext
) -> list[InfoboxRelation]:
    line = lines[index]
    match = _FIELD.match(line.body)
    if match is not None:
        offset = line.body_start + match.start("rest")
        rel = _membership(match["label"].lower(), topic)
        if rel is None:
            return []
        items = list(_items(match["rest"], offset))
        for follower in lines[index + 1 :]:
            if not _CONTINUED.match(follower.body):
                break
            items += list(_items(follower.body, follower.body_start))
        return [
            found
            for start, end, text in items
            if (found := _item_relation(rel, topic, start, end, text, context)) is not None
        ]
    return _office(lines, index, topic, context)


def _membership(label: str, topic: EntityMention) -> RelationType | None:
    if label == "part of":
        return R.AFFILIATE_OF if topic.role is Role.GROUP else None
    return R.MEMBER_OF if topic.role is Role.PERSON else R.ALLEGIANCE


def _items(text: str, offset: int) -> Iterator[tuple[int, int, str]]:
    position = 0
    for piece in [*_ITEM_SPLIT.split(text)]:
        start = text.index(piece, position)
        position = start + len(piece)
        if piece.strip():
            yield offset + start, offset + start + len(piece), piece


def _item_relation(
    rel: RelationType,
    topic: EntityMention,
    start: int,
    end: int,
    text: str,
    context: SentenceContext,
) -> InfoboxRelation | None:
    group = _first_group(context, start, end)
    if group is None:
        return None
    years = _YEARS.search(text) or _SINCE.search(text)
    first = FuzzyDate(int(years["a"])) if years else None
    until = years.groupdict().get("b") if years else None
    last = FuzzyDate(int(until)) if until and until.isdigit() else None
    evidence = Evidence(start, end, text.strip())
    return InfoboxRelation(Candidate(rel, topic, group, group.start, False), first, last, evidence)


def _first_group(context: SentenceContext, start: int, end: int) -> EntityMention | None:
    for mention in context.doc_mentions:
        if start <= mention.start_char < end and mention.role is Role.GROUP and mention.ref:
            return mention
    return None


def _office(
    lines: Sequence[Line], index: int, topic: EntityMention, context: SentenceContext
) -> list[InfoboxRelation]:
    """ "Office: Emir of X" with "Term Start:" lines, or "Emir of X" over "In office"."""
    if topic.role is not Role.PERSON:
        return []
    line = lines[index]
    labelled = _OFFICE_FIELD.match(line.body)
    following = lines[index + 1 : index + 1 + _TERM_LINES]
    in_office = bool(following) and bool(_IN_OFFICE.match(following[0].body))
    if labelled is None and not in_office:
        return []
    text = labelled["rest"] if labelled else line.body
    role = _ROLE.match(text)
    if role is None or not set(role["role"].lower().split()) & _OFFICE_WORDS:
        return []
    owner_start = line.body_start + (labelled.start("rest") if labelled else 0)
    owner_start += role.start("owner")
    group = _first_group(context, owner_start, line.end)
    text_of = context.doc_text
    if group is None or text_of[owner_start : group.start_char].strip():
        return []  # "Emir of Orakzai Agency, X": an office in a unit of X, not of X
    if _REFS.fullmatch(text_of[group.end_char : line.end]) is None:
        return []
    start, end = _in_office(following[1:2]) if in_office else _terms(following)
    evidence = Evidence(line.body_start, line.end, line.body)
    candidate = Candidate(R.LEADER_OF, topic, group, group.start, False)
    return [InfoboxRelation(candidate, start, end, evidence)]


def _terms(lines: Sequence[Line]) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    dates: dict[str, FuzzyDate | None] = {"start": None, "end": None}
    for line in lines:
        if _OFFICE_FIELD.match(line.body):
            break
        term = _TERM.match(line.body)
        if term is not None:
            dates[term["which"].lower()] = _date(term["date"])
    return dates["start"], dates["end"]


def _in_office(lines: Sequence[Line]) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    span = _SPAN.match(lines[0].body) if lines else None
    if span is None:
        return None, None
    return _date(span["a"]), _date(span["b"])


def _date(text: str) -> FuzzyDate | None:
    value = read_absolute(clean_phrase(text), DateContext(None, None))
    return value.start if value is not None else None
