"""Entity mentions: what the linker finds in a parsed document, and the model's Mentions.

An `EntityMention` is a span of the spaCy doc with what it is (its `Role`) and what it
denotes (its `EntityRef`); events and relations are built from them. `to_mentions` turns
them into the model's Mentions, in the report's own text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc

from mosaic.model import EntityRef, Mention, Report

_PLACE_RANK = {"venue": 0, "village": 1, "area": 1, "town": 1, "city": 2, "district": 3,
               "province": 4, "region": 5, "country": 6}  # fmt: skip


class Role(StrEnum):
    """What a mention can do in an event or relation."""

    GROUP = "group"
    STATE = "state"
    ORG = "org"
    PERSON = "person"
    COUNTRY = "country"
    PLACE = "place"
    DEMONYM = "demonym"


@dataclass(frozen=True)
class EntityMention:
    """One entity mention: tokens `start`..`end` of the doc, what it is and what it denotes."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    role: Role
    ref: EntityRef | None = None
    country: str | None = None
    feature: str | None = None

    @property
    def is_actor(self) -> bool:
        """Groups, state bodies and people: what can carry out or suffer an event."""
        return self.role in (Role.GROUP, Role.STATE, Role.PERSON)

    @property
    def place_rank(self) -> int:
        """Lower is more specific; unresolved places rank with towns but after them."""
        if self.feature is None:
            return 2
        return _PLACE_RANK.get(self.feature, 3)


@functools.lru_cache(maxsize=16_384)
def clean_name(text: str) -> str:
    """The name without a leading article, trailing possessive or surrounding punctuation
    (kept for each text: the linker cleans an entity's name several times)."""
    name = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    name = re.sub(r"['’]s?$", "", name).strip(" ,.;:\"'“”‘’()[]")
    return " ".join(name.split())


def to_mentions(
    doc: Doc, mentions: Sequence[EntityMention], report: Report
) -> list[tuple[Mention, EntityRef | None]]:
    """The model's Mentions (with sentence spans) for every entity mention; the text as the
    report writes it (the parsed copy may be recased)."""
    result: list[tuple[Mention, EntityRef | None]] = []
    sents = list(doc.sents) if mentions else []
    starts = [sent.start for sent in sents]
    for m in mentions:
        sent = sents[bisect.bisect_right(starts, m.start) - 1]  # doc[m.start].sent, found faster
        text = report.text[m.start_char : m.end_char]
        mention = Mention(report.id, m.start_char, m.end_char, text, m.label,
                          sent.start_char, sent.end_char)  # fmt: skip
        result.append((mention, m.ref))
    return result
