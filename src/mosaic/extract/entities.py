"""Entity mentions: spaCy's entities linked to the actor gazetteer and the place table.

Ruler hits carry their gazetteer key in `ent.ent_id_`; other ORG and PERSON
names are looked up by name. An ORG the gazetteer does not list is kept only
when it looks like an armed group, by its words ("Lashkar", "Front", "Army")
or by what the text says around it ("a militant group called X"), so
newspapers and think-tanks do not become perpetrators. Places resolve with
the document's countries as context, counted over the whole document, so
"Hyderabad" in a Pakistani story is Pakistan's.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from mosaic.extract.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.locations import is_location_span
from mosaic.extract.places import Place, PlaceTable
from mosaic.model import EntityKind, EntityRef, Mention, Report

LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
MISLABELLED_PLACES = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP"})
ARMED_NAME_WORDS = frozenset(
    {"lashkar", "jaish", "tehreek", "tehrik", "harakat", "harkat", "jamaat", "jama'at", "front",
     "brigade", "brigades", "army", "movement", "islamic", "mujahideen", "mujahidin", "taliban",
     "ansar", "ansarul", "jund", "jundallah", "jundullah", "hizb", "hezb", "hizbul", "militia",
     "battalion", "sipah", "wilayat", "caliphate", "emirate", "katibat", "jihad", "jihadi",
     "liberation", "tigers", "daesh", "fedayeen", "lashkar-e", "jaish-e", "al-qaeda", "qaeda"}
)  # fmt: skip
_ARMED_CONTEXT = re.compile(
    r"\b(?:militant|terrorist|armed|insurgent|jihadi|jihadist|extremist|separatist|rebel|"
    r"splinter|breakaway|banned|outlawed|proscribed)\s+(?:group|outfit|organi[sz]ation|faction|"
    r"movement|network)\b|\baffiliate\b|\boffshoot\b|\bfaction\b|\boutfit\b",
    re.IGNORECASE,
)
STATE_NOUNS = frozenset(
    {"military", "army", "forces", "force", "troops", "police", "government", "authorities",
     "security", "navy", "jets", "warplanes", "drones", "intelligence", "officials",
     "paramilitary", "soldiers", "regime", "administration"}
)  # fmt: skip
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


def clean_name(text: str) -> str:
    """The name without a leading article, trailing possessive or surrounding punctuation."""
    name = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    name = re.sub(r"['’]s?$", "", name).strip(" ,.;:\"'“”‘’()[]")
    return name


def document_countries(doc: Doc, country_of: Callable[[str], str | None]) -> list[str]:
    """The document's countries, most mentioned first (country names and demonyms)."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            iso2 = country_of(clean_name(ent.text))
            if iso2:
                counts[iso2] += 1
    return [iso2 for iso2, _ in counts.most_common()]


def sentence_ents(doc: Doc) -> list[list[Span]]:
    """The document's entities grouped by sentence, in one pass (`Span.ents` rescans them)."""
    starts = [sent.start for sent in doc.sents]
    groups: list[list[Span]] = [[] for _ in starts]
    for ent in doc.ents:
        groups[bisect.bisect_right(starts, ent.start) - 1].append(ent)
    return groups


class EntityLinker:
    """Turns a parsed document's entities into EntityMentions."""

    def __init__(self, gazetteer: Gazetteer, places: PlaceTable) -> None:
        self.gazetteer = gazetteer
        self.places = places
        self.country_of = functools.lru_cache(maxsize=4096)(places.country_of_word)

    def link(self, doc: Doc) -> list[EntityMention]:
        """Every linkable entity mention of the document, in order; places resolve with the
        sentence's countries first, then the document's."""
        countries = document_countries(doc, self.country_of)
        found = []
        for ents in sentence_ents(doc):
            context = [*self._countries(ents), *countries]
            found += [self._mention(ent, context) for ent in ents if ent.label_ in LABELS]
        return [self._state(m, doc) for m in found if m is not None]

    def _state(self, mention: EntityMention, doc: Doc) -> EntityMention:
        """ "the Pakistani military", "Afghan government": a state actor, named by its country."""
        return state_actor(mention, doc, self.places, noun_needed=True) or mention

    def _countries(self, ents: Sequence[Span]) -> list[str]:
        words = (clean_name(e.text) for e in ents if e.label_ in ("GPE", "NORP"))
        return list(dict.fromkeys(c for w in words if (c := self.country_of(w))))

    def _mention(self, ent: Span, context: Sequence[str]) -> EntityMention | None:
        name = clean_name(ent.text)
        if not name:
            return None
        record = self.gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if ent.label_ in ("ORG", "PERSON", "NORP") or record is not None:
            record = self._record(name, context) or record
        if record is not None:
            return _mention(ent, _actor_role(record), record.ref(), record.country)
        if ent.label_ in ("GPE", "LOC", "FAC"):
            return self._place(ent, name, context)
        if ent.label_ in MISLABELLED_PLACES:
            place = self._misread_place(ent, name, context)
            if place is not None:
                return _place_mention(ent, place)
        return self._other(ent, name, context)

    def _misread_place(self, ent: Span, name: str, context: Sequence[str]) -> Place | None:
        """A known place the NER took for a person or product ("Abbottabad", "Gwadar"), when it
        stands where a location stands and lies in one of the document's main countries."""
        place = self.places.resolve(name, context)
        if place is None or place.feature == "country":
            return None
        if context and place.country not in context[:4]:
            return None
        return place if is_location_span(ent.doc, ent.start, ent.end) else None

    def _record(self, name: str, context: Sequence[str]) -> ActorRecord | None:
        records = self.gazetteer.lookup(name)
        if len(records) > 1:
            records.sort(key=lambda r: context.index(r.country) if r.country in context else 99)
        return records[0] if records else None

    def _place(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention | None:
        place = self.places.resolve(name, context)
        if place is not None:
            return _place_mention(ent, place)
        if ent.label_ == "LOC" or not name[:1].isupper():
            return None
        ref = EntityRef(name=name, kind=EntityKind.PLACE)
        return _mention(ent, Role.PLACE, ref)

    def _other(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention | None:
        iso2 = self.country_of(name)
        if iso2 is not None and (ent.label_ == "NORP" or len(ent) == 1):
            return _mention(ent, Role.DEMONYM, None, iso2)
        if ent.label_ in ("ORG", "PERSON") and looks_like_armed_group(ent):
            return _mention(ent, Role.GROUP, EntityRef(name=name, kind=EntityKind.ORGANIZATION))
        if ent.label_ == "PERSON" and looks_like_person(name):
            return _mention(ent, Role.PERSON, EntityRef(name=name, kind=EntityKind.PERSON))
        if ent.label_ == "ORG":
            return _mention(ent, Role.ORG, None)
        return None


def _actor_role(record: ActorRecord) -> Role:
    if record.kind is EntityKind.PERSON:
        return Role.PERSON
    if record.category == "armed_group":
        return Role.GROUP
    if record.category in ("state_force", "agency", "government"):
        return Role.STATE
    return Role.ORG


def _mention(
    ent: Span, role: Role, ref: EntityRef | None, country: str | None = None
) -> EntityMention:
    return EntityMention(
        ent.start, ent.end, ent.start_char, ent.end_char, ent.text, ent.label_, role, ref, country
    )


def _place_mention(ent: Span, place: Place) -> EntityMention:
    role = Role.COUNTRY if place.feature == "country" else Role.PLACE
    return EntityMention(
        ent.start, ent.end, ent.start_char, ent.end_char, ent.text, ent.label_, role,
        place.ref(), place.country, place.feature,
    )  # fmt: skip


def looks_like_person(name: str) -> bool:
    """At least one capitalised word, no digits, not shouting: "Malik Ishaq", not "ISIS"."""
    words = name.split()
    if any(c.isdigit() for c in name) or name.isupper():
        return False
    return any(w[:1].isupper() for w in words)


def looks_like_armed_group(ent: Span) -> bool:
    """A name with armed-group words, or one the text calls a militant group or affiliate."""
    words = {w.lower().strip("'’") for w in re.split(r"[\s-]+", ent.text)}
    if words & ARMED_NAME_WORDS:
        return True
    sent = ent.sent
    before = ent.doc[max(sent.start, ent.start - 6) : ent.start].text
    after = ent.doc[ent.end : min(sent.end, ent.end + 8)].text
    return bool(_ARMED_CONTEXT.search(before) or _ARMED_CONTEXT.search(after))


def state_actor(
    mention: EntityMention,
    doc: Doc,
    places: PlaceTable,
    noun_needed: bool = False,
    acts: Sequence[Token] = (),
) -> EntityMention | None:
    """A country or demonym heading a state noun ("the Pakistani military", "US forces") or
    an act of state among `acts` ("an American drone strike") as the state actor, named by
    its country; a bare country too unless `noun_needed`."""
    if mention.role not in (Role.COUNTRY, Role.DEMONYM) or mention.country is None:
        return None
    head = doc[mention.end - 1].head
    with_noun = head.lemma_.lower() in STATE_NOUNS or head.lower_ in STATE_NOUNS or head in acts
    is_state = with_noun or (mention.role is Role.COUNTRY and not noun_needed)
    country = places.country(mention.country)
    if not is_state or country is None:
        return None
    end = head.i + 1 if with_noun and head.i == mention.end else mention.end
    return EntityMention(
        mention.start, end, mention.start_char, doc[end - 1].idx + len(doc[end - 1]),
        doc[mention.start : end].text, mention.label, Role.STATE, country.ref(), mention.country,
        "country",
    )  # fmt: skip


def to_mentions(
    doc: Doc, mentions: Sequence[EntityMention], report: Report
) -> list[tuple[Mention, EntityRef | None]]:
    """The model's Mentions (with sentence spans) for every entity mention; the text as the
    report writes it (the parsed copy may be recased)."""
    result: list[tuple[Mention, EntityRef | None]] = []
    for m in mentions:
        sent = doc[m.start].sent
        text = report.text[m.start_char : m.end_char]
        mention = Mention(report.id, m.start_char, m.end_char, text, m.label,
                          sent.start_char, sent.end_char)  # fmt: skip
        result.append((mention, m.ref))
    return result
