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
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from mosaic.extract.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.locations import is_location_span
from mosaic.extract.name_repairs import (
    GENERIC_NAME_WORDS,
    GroupCores,
    dash_parts,
    has_group_cue,
    is_possessive,
    name_tail_end,
    wrapped_between,
)
from mosaic.extract.place_names import free_name_spans, in_place_position
from mosaic.extract.places import Place, PlaceTable
from mosaic.extract.surface import stems
from mosaic.model import EntityKind, EntityRef, Mention, Report
from mosaic.resolve.names import match_key

LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
MISLABELLED_PLACES = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP"})
ARMED_NAME_WORDS = frozenset(
    {"lashkar", "jaish", "tehreek", "tehrik", "harakat", "harkat", "jamaat", "jama'at", "front",
     "brigade", "brigades", "army", "movement", "islamic", "mujahideen", "mujahidin", "taliban",
     "ansar", "ansarul", "jund", "jundallah", "jundullah", "hizb", "hezb", "hizbul", "militia",
     "battalion", "sipah", "wilayat", "caliphate", "emirate", "katibat", "jihad", "jihadi",
     "liberation", "tigers", "daesh", "fedayeen", "lashkar-e", "jaish-e", "al-qaeda", "qaeda"}
)  # fmt: skip
_ARMED_PHRASE = (
    r"(?:militant|terrorist|armed|insurgent|jihadi|jihadist|extremist|separatist|rebel|"
    r"splinter|breakaway|banned|outlawed|proscribed)\s+(?:group|outfit|organi[sz]ation|faction|"
    r"movement|network)"
)
_GROUP_NOUN = r"(?:affiliate|offshoot|faction|outfit|splinter\s+group|branch|franchise)"
_ARMED_BEFORE = re.compile(
    rf"\b(?:(?:{_ARMED_PHRASE}|{_GROUP_NOUN})\s*,?\s*|group\s+(?=called|named|known|dubbed))"
    r"(?:(?:called|named|known\s+as|dubbed)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
"""A cue that introduces the name: "the militant group X", "an affiliate called X"."""
_ARMED_AFTER = re.compile(
    r"^\s*(?:,|\(|(?:is|was|are|were|became|has\s+been)\s)\s*(?:(?:a|an|the|its|one)\s+)?"
    rf"(?:(?!(?:of|for|by|as|with|from|to)\s)[\w'’-]+\s+){{0,4}}?(?:{_ARMED_PHRASE}|{_GROUP_NOUN})"
    r"\b(?!\s*['’])"
    r"|^\s*(?:faction|offshoot|outfit)\b",
    re.IGNORECASE,
)
"""A cue that describes the name: its apposition ("X, an al-Qaeda affiliate"), a copula
("X is a banned outfit") or a group noun right after it ("the X faction")."""
PERSON_ROLES = frozenset(
    {"chief", "commander", "leader", "spokesman", "spokesperson", "emir", "amir", "founder",
     "head", "deputy", "member", "cleric", "preacher", "official", "operative", "ideologue",
     "mastermind", "bomber", "militant", "fighter", "son", "brother", "father", "who", "whose",
     "he", "she", "his", "her"}
)  # fmt: skip
"""Words that make the words around a person's name about that person."""
STATE_NOUNS = frozenset(
    {"military", "army", "forces", "force", "troops", "police", "government", "authorities",
     "security", "navy", "jets", "warplanes", "drones", "intelligence", "officials",
     "paramilitary", "soldiers", "regime", "administration"}
)  # fmt: skip
_MINOR = frozenset({"town", "village", "area", "venue", "district"})
_MAJOR = frozenset({"city", "province", "region"})
"""Place features a name is rarely anything else than, wherever it stands ("Balochistan")."""
"""Place features small enough that an English word naming one is rather the word."""
PEOPLE_NOUNS = frozenset(
    {"separatist", "militant", "fighter", "insurgent", "rebel", "nationalist", "man", "men",
     "woman", "women", "people", "person", "tribe", "tribesman", "tribesmen", "community",
     "leader", "worker", "youth", "student", "refugee", "migrant", "shia", "shias", "sunni",
     "sunnis", "family", "families", "pilgrim", "activist", "politician", "population",
     "minority", "guerrilla", "jihadist", "extremist", "elder", "labourer", "laborer",
     "civilian", "miner", "origin", "descent", "ethnicity", "language", "speaker"}
)  # fmt: skip
"""Nouns for people a people's name modifies ("Baloch separatists", "Hazara Shias")."""
_JOINTS = frozenset({"-", "e", "i", "o", "u", "ul", "ud", "us", "ur", "al", "el", "as", "ash"})
"""Hyphen pieces that join the words of a place name ("Mazar-e-Sharif", "Dar-ul-Aman")."""
_RUN = 5
"""At most this many tokens a place name may reach beyond the entity on each side."""
TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "general", "maj", "major", "col", "colonel", "capt",
     "captain", "lt", "sheikh", "shaikh", "mullah", "mulla", "maulana", "maulvi", "mufti",
     "hafiz", "qari", "commander", "president", "prime", "minister", "sir", "imam", "haji"}
)  # fmt: skip
"""Titles a later mention may put before a surname ("Mr Khan", "Mullah Rasool")."""
_SHORTEST_SURNAME = 3
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
    return " ".join(name.split())


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

    def __init__(
        self, gazetteer: Gazetteer, places: PlaceTable, common_words: Iterable[str] = ()
    ) -> None:
        self.gazetteer = gazetteer
        self.places = places
        self.common_words = frozenset(common_words)
        self.country_of = functools.lru_cache(maxsize=4096)(places.country_of_word)
        self.cores = GroupCores(gazetteer.records, self._is_generic)

    def link(self, doc: Doc) -> list[EntityMention]:
        """Every linkable entity mention of the document, in order; places resolve with the
        sentence's countries first, then the document's. A bare surname of a person named
        earlier is that person ("Basra" after "Riaz Basra"), not a place."""
        countries = document_countries(doc, self.country_of)
        lower_words = {t.text for t in doc if t.is_lower and t.is_alpha}
        found: list[EntityMention] = []
        for ents in sentence_ents(doc):
            context = [*self._countries(ents), *countries]
            for ent in ents:
                if ent.label_ in LABELS:
                    found += self._mentions(ent, context, lower_words)
        found += self._unlabelled_places(doc, countries, lower_words)
        found = self._join_wrapped(doc, _drop_covered(found))
        found = _possessive_places(doc, self._group_cores(doc, found))
        found = refer_surnames(doc, found)
        return [self._state(m, doc) for m in found]

    def _mentions(
        self, ent: Span, context: Sequence[str], lower_words: Set[str]
    ) -> list[EntityMention]:
        """The entity's mention, or one per place where a spaced dash joins known places
        ("Nangarhar - Achin")."""
        parts = [] if ent.ent_id_ else dash_parts(ent)
        if len(parts) > 1 and all(self.places.lookup(clean_name(p.text)) for p in parts):
            spans = (Span(ent.doc, p.start, p.end, label="GPE") for p in parts)
            places = (self._place(span, clean_name(span.text), context) for span in spans)
            return [m for m in places if m is not None]
        mention = self._mention(ent, context, lower_words)
        return [mention] if mention is not None else []

    def _join_wrapped(self, doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
        """Two people's names with only a line wrap between them, as one person: wire copy
        breaks lines mid-name ("Gonzalo" / "Rodriguez Gacha")."""
        result: list[EntityMention] = []
        for m in mentions:
            last = result[-1] if result else None
            if last is None or not _is_person_name(last) or not _is_person_name(m):
                result.append(m)
            elif wrapped_between(doc, last.end, m.start):
                result[-1] = self._joined_person(doc, last, m)
            else:
                result.append(m)
        return result

    def _joined_person(
        self, doc: Doc, first: EntityMention, second: EntityMention
    ) -> EntityMention:
        span = doc[first.start : second.end]
        name = " ".join(clean_name(span.text).split())
        records = [r for r in self.gazetteer.lookup(name) if r.kind is EntityKind.PERSON]
        known = [m.ref for m in (first, second) if m.ref is not None and m.ref.key]
        ref = records[0].ref() if records else (known or [EntityRef(name, EntityKind.PERSON)])[0]
        return replace(
            first, end=span.end, end_char=span.end_char, text=span.text, ref=ref,
            country=ref.country,
        )  # fmt: skip

    def _group_cores(self, doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
        """A person's name that is the proper-name core of one group's name ("the Tupac
        Amaru"), as that group: where it stands as a group's name does, or, a core of two
        words or more, where the report names the group in full and no title precedes it.
        The generic words of the name after it go with it ("the Lautaro youth front")."""
        named = {m.ref.key for m in mentions if m.ref is not None and m.ref.key}
        result: list[EntityMention] = []
        for i, m in enumerate(mentions):
            record = self._core_group(doc[m.start : m.end], named) if _is_new_person(m) else None
            if record is not None:
                limit = mentions[i + 1].start if i + 1 < len(mentions) else len(doc)
                last = doc[min(name_tail_end(doc, m.end), limit) - 1]
                m = replace(
                    m, end=last.i + 1, end_char=last.idx + len(last),
                    text=doc[m.start : last.i + 1].text, role=Role.GROUP, ref=record.ref(),
                    country=record.country,
                )  # fmt: skip
            result.append(m)
        return result

    def _core_group(self, span: Span, named: Set[str]) -> ActorRecord | None:
        name = clean_name(span.text)
        record = self.cores.group_of(name)
        if record is None or self.places.lookup(name):
            return None
        in_full = len(name.split()) > 1 and record.key in named and not _after_title(span)
        return record if in_full or has_group_cue(span) else None

    def _state(self, mention: EntityMention, doc: Doc) -> EntityMention:
        """ "the Pakistani military", "Afghan government": a state actor, named by its country."""
        return state_actor(mention, doc, self.places, noun_needed=True) or mention

    def _countries(self, ents: Sequence[Span]) -> list[str]:
        words = (clean_name(e.text) for e in ents if e.label_ in ("GPE", "NORP"))
        return list(dict.fromkeys(c for w in words if (c := self.country_of(w))))

    def _mention(
        self, ent: Span, context: Sequence[str], lower_words: Set[str] = frozenset()
    ) -> EntityMention | None:
        name = clean_name(ent.text)
        if not name:
            return None
        whole = None if ent.ent_id_ else self._whole_place(ent, context)
        if whole is not None:
            return whole
        record = self.gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if ent.label_ in ("ORG", "PERSON", "NORP") or record is not None:
            record = self._record(name, context) or record
        if record is not None:
            return _mention(ent, _actor_role(record), record.ref(), record.country)
        if ent.label_ in ("GPE", "LOC", "FAC"):
            return self._place(ent, name, context, lower_words)
        if ent.label_ in MISLABELLED_PLACES:
            place = self._misread_place(ent, name, context)
            if place is not None:
                return _place_mention(ent, place)
        return self._other(ent, name, context)

    def _misread_place(self, ent: Span, name: str, context: Sequence[str]) -> Place | None:
        """A known place the NER took for a person, group or product ("Abbottabad", "Gwadar"):
        one that stands where a place name stands ("from Tirah", "Khyber agency") and lies in
        one of the document's main countries or is a city or province; or, anywhere, a
        province or region of those countries, a city there the NER did not call a person
        ("Karachi is the hub") or called one only in a possessive ("Kabul's streets"), or a
        venue by its full name ("Crocus City Hall")."""
        place = self.places.resolve(name, context)
        if place is None or place.feature == "country":
            return None
        if names_venue(name, place):
            return place
        at_home = not context or place.country in context[:4]
        as_place = ent.label_ != "PERSON" or _possessive_place(ent, place.name)
        if at_home and (place.feature in ("province", "region") or (
            place.feature == "city" and as_place
        )):  # fmt: skip
            return place
        if not (at_home or place.feature in _MAJOR):
            return None
        return place if in_place_position(ent) else None

    def _unlabelled_places(
        self, doc: Doc, countries: Sequence[str], lower_words: Set[str]
    ) -> list[EntityMention]:
        """Known places the NER left unlabelled, where a place name stands: "the Kerman
        attack", "Batikot and Chaparhar districts"; in the document's main countries or a
        city or province, never an English word ("Police")."""
        found: list[EntityMention] = []
        taken: set[int] = set()
        for start, end in free_name_spans(doc, LABELS):
            if taken.intersection(range(start, end)):
                continue
            span = Span(doc, start, end, label="GPE")
            place = self._unlabelled_place(span, countries, lower_words)
            if place is not None:
                taken.update(range(start, end))
                found.append(_place_mention(span, place))
        return found

    def _unlabelled_place(
        self, span: Span, countries: Sequence[str], lower_words: Set[str]
    ) -> Place | None:
        if not self.places.lookup(span.text):
            return None
        place = self.places.resolve(span.text, countries)
        if place is None or (len(span) == 1 and self._is_word(span.text, place, lower_words)):
            return None
        if names_venue(span.text, place):
            return place
        if place.country not in countries[:4] and place.feature not in (*_MAJOR, "country"):
            return None
        return place if in_place_position(span) else None

    def _record(self, name: str, context: Sequence[str]) -> ActorRecord | None:
        records = self.gazetteer.lookup(name)
        if len(records) > 1:
            records.sort(key=lambda r: context.index(r.country) if r.country in context else 99)
        return records[0] if records else None

    def _place(
        self, ent: Span, name: str, context: Sequence[str], lower_words: Set[str] = frozenset()
    ) -> EntityMention | None:
        """A known place, or a new one named by a capitalised name; never an English word
        ("Suicide car bombing"), a people's name ("a Baloch separatist") or a rare place
        whose name is an English word outside the document's countries ("Fatwa")."""
        place = self.places.resolve(name, context)
        if place is not None and self._collides(name, place, context, lower_words):
            place = None
        if place is not None and not (_is_people_word(ent) and place.feature in _MINOR):
            return _place_mention(ent, place)
        if place is not None or ent.label_ == "LOC" or not looks_like_place_name(name):
            return None
        words = name.split()
        if all(self._is_common(w.lower(), lower_words) for w in words) or _is_people_word(ent):
            return None
        ref = EntityRef(name=name, kind=EntityKind.PLACE)
        return _mention(ent, Role.PLACE, ref)

    def _is_generic(self, lower: str) -> bool:
        """Whether a word of a group's name names no group by itself ("front", "national")."""
        return (
            lower in ARMED_NAME_WORDS
            or lower in GENERIC_NAME_WORDS
            or self._is_common(lower, frozenset())
        )

    def _is_common(self, lower: str, lower_words: Set[str]) -> bool:
        """Whether a word is English: written in lower case in the document, or (a stem of
        it) among the common words."""
        return lower in lower_words or any(stem in self.common_words for stem in stems(lower))

    def _is_word(self, word: str, place: Place, lower_words: Set[str]) -> bool:
        """Whether a capitalised word is rather English than the place: written in lower case
        in the document, or a common word naming a minor place ("Police", "Chicken")."""
        lower = word.lower()
        return lower in lower_words or (
            place.feature in _MINOR and self._is_common(lower, frozenset())
        )

    def _collides(
        self, name: str, place: Place, context: Sequence[str], lower_words: Set[str]
    ) -> bool:
        """A minor place named by one English word, outside the document's main countries:
        the word, not the place ("Fatwa", a town in India)."""
        if place.feature not in _MINOR or " " in name.strip():
            return False
        if context and place.country in context[:2]:
            return False
        return self._is_common(name.strip().lower(), lower_words)

    def _whole_place(self, ent: Span, context: Sequence[str]) -> EntityMention | None:
        """A place whose name the NER cut short: "Mazar" of "Mazar-e-Sharif", "Ismail Khan"
        of "Dera Ismail Khan"; the longest run of name words around the entity that names
        a known place."""
        doc = ent.doc
        sent = doc[ent.start].sent
        first = _name_run_start(doc, ent.start, sent.start)
        last = _name_run_end(doc, ent.end, sent.end)
        if (first, last) == (ent.start, ent.end):
            return None
        for size in range(last - first, len(ent), -1):
            for start in range(max(first, ent.end - size), min(ent.start, last - size) + 1):
                end = start + size
                if _is_joint(doc[start]) or _is_joint(doc[end - 1]):
                    continue
                text = doc[start:end].text
                place = self.places.resolve(text, context) if self.places.lookup(text) else None
                if place is not None:
                    span = Span(doc, start, end, label=ent.label_)
                    return _place_mention(span, place)
        return None

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


def _is_person_name(mention: EntityMention) -> bool:
    """A name the NER took for a person's and the linker kept as one."""
    return mention.label == "PERSON" and mention.role is Role.PERSON


def _is_new_person(mention: EntityMention) -> bool:
    """A person's name the gazetteer does not list."""
    return _is_person_name(mention) and (mention.ref is None or mention.ref.key is None)


def _possessive_places(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """A possessive the NER took for a new person's name ("Kabul's") where the report names
    that known place elsewhere: the place."""
    places = {
        match_key(clean_name(m.text)): m
        for m in mentions
        if m.role is Role.PLACE and m.ref is not None and m.ref.key
    }
    result: list[EntityMention] = []
    for m in mentions:
        place = places.get(match_key(clean_name(m.text))) if _is_new_person(m) else None
        if (
            place is not None
            and place.ref
            and _possessive_place(doc[m.start : m.end], place.ref.name)
        ):
            m = replace(m, role=Role.PLACE, ref=place.ref, country=place.country,
                        feature=place.feature)  # fmt: skip
        result.append(m)
    return result


def _after_title(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in TITLES


def _possessive_place(ent: Span, place_name: str) -> bool:
    """A possessive the NER took for a person's that names a place by its own name and that
    no title makes a person's ("Kabul's streets", not "General Ponce's house", nor "Rivera's"
    of a place also called "San Pedro de Rivera")."""
    same = match_key(clean_name(ent.text)) == match_key(place_name)
    return same and is_possessive(ent) and not _after_title(ent)


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


def names_venue(name: str, place: Place) -> bool:
    """Whether `name` is a venue's own name of two words or more ("Erawan Shrine"): a named
    building is the building wherever it stands, whatever the NER took it for."""
    key = match_key(name)
    return (
        place.feature == "venue"
        and len(name.split()) > 1
        and any(match_key(n) == key for n in place.names)
    )


def looks_like_person(name: str) -> bool:
    """At least one capitalised word, no digits, not shouting: "Malik Ishaq", not "ISIS"."""
    words = name.split()
    if any(c.isdigit() for c in name) or name.isupper():
        return False
    return any(w[:1].isupper() for w in words)


def looks_like_armed_group(ent: Span) -> bool:
    """A name with armed-group words, or one the text calls a militant group or affiliate:
    a cue that introduces the name ("a group called X") or its apposition ("X, an al-Qaeda
    affiliate"), never a cue about something else nearby ("X, named as the affiliate's chief").
    A name labelled a person and described as one (chief, commander) stays a person."""
    words = {w.lower().strip("'’") for w in re.split(r"[\s-]+", ent.text)}
    if words & ARMED_NAME_WORDS:
        return True
    doc, sent = ent.doc, ent.sent
    before = doc[max(sent.start, ent.start - 6) : ent.start]
    apposition = _apposition(doc[ent.end : min(sent.end, ent.end + 10)])
    if ent.label_ == "PERSON" and _about_person(apposition, before):
        return False
    return bool(_ARMED_BEFORE.search(before.text) or _ARMED_AFTER.search(apposition))


def _apposition(after: Span) -> str:
    """The words after a name up to the end of its apposition or clause."""
    text = after.text
    cut = re.search(r"(?<=.)[,;:)]|\s[-–—]\s", text)
    return text[: cut.start()] if cut else text


def _about_person(apposition: str, before: Span) -> bool:
    """Whether the words around a name describe a person: "X, named as its chief",
    "commander X"."""
    words = re.findall(r"[\w'’]+", apposition.lower())
    if re.search(r"\b(?:named|identified)\s+as\b", apposition, re.IGNORECASE):
        return True
    return any(w in PERSON_ROLES for w in words) or any(
        t.lower_ in PERSON_ROLES or t.lemma_.lower() in PERSON_ROLES for t in before
    )


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


def looks_like_place_name(name: str) -> bool:
    """A name a new place may have: capitalised, no digits, no run-together words
    ("HeadquartersAfghanistan" is a table cell that lost its border)."""
    if not name[:1].isupper() or any(c.isdigit() for c in name):
        return False
    return not (re.search(r"[a-z][A-Z]", name) or re.search(r"[^\w\s'’.-]", name))


def _is_people_word(ent: Span) -> bool:
    """A one-word name used for a people: "ethnic X", or modifying a noun for people
    ("a Baloch separatist attack", "Hazara Shias")."""
    doc = ent.doc
    if len(ent) != 1:
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ == "ethnic":
        return True
    if ent.end >= len(doc) or ent.root.dep_ not in (
        "compound",
        "amod",
        "nmod",
        "nsubj",
        "npadvmod",
    ):
        return False
    after = doc[ent.end]
    return after.lower_ in PEOPLE_NOUNS or after.lemma_.lower() in PEOPLE_NOUNS


def _is_joint(token: Token) -> bool:
    return (token.lower_ in _JOINTS and token.text.islower()) or token.text == "-"


def _is_name_word(token: Token) -> bool:
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.is_stop
        and not token.ent_id_
        and token.ent_type_ in ("", "GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")
    )


def _hyphened(doc: Doc, i: int) -> bool:
    """Whether token `i` is a hyphen or connector written with no space on either side."""
    if not _is_joint(doc[i]) or doc[i].whitespace_ or i == 0 or doc[i - 1].whitespace_:
        return False
    return doc[i].text == "-" or (
        doc[i - 1].text == "-" and i + 1 < len(doc) and doc[i + 1].text == "-"
    )


def _name_run_end(doc: Doc, end: int, limit: int) -> int:
    """How far the name words and hyphen pieces after token `end` reach."""
    i = end
    while i < min(limit, end + _RUN):
        if _hyphened(doc, i) or (
            _is_name_word(doc[i]) and (doc[i - 1].whitespace_ or doc[i - 1].text == "-")
        ):
            i += 1
        else:
            break
    while i > end and _is_joint(doc[i - 1]):
        i -= 1
    return i


def _name_run_start(doc: Doc, start: int, limit: int) -> int:
    """How far the name words and hyphen pieces before token `start` reach."""
    i = start
    while i > max(limit, start - _RUN):
        token = doc[i - 1]
        if _hyphened(doc, i - 1) or (
            _is_name_word(token) and (token.whitespace_ or doc[i].text == "-")
        ):
            i -= 1
        else:
            break
    while i < start and _is_joint(doc[i]):
        i += 1
    return i


def _drop_covered(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions without those inside another's span (a place name the NER cut in two
    yields one mention for the whole)."""
    kept: list[EntityMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and kept[-1].start <= m.start and m.end <= kept[-1].end:
            continue
        kept.append(m)
    return kept


def _surname_key(name: str) -> str:
    return re.sub(r"^(?:al|el|ul|ad|ar|as|ash)[-\s]", "", name.lower()).strip("'’")


def _bare_surname(text: str) -> str | None:
    """The surname a later mention calls a person by: "Khan", "Mr Khan", "Mullah Rasool"."""
    words = clean_name(text).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    return _surname_key(words[0])


def _surnames(mentions: Sequence[EntityMention]) -> dict[str, EntityMention | None]:
    """Each person's last name (of two words or more) and the first mention naming them;
    None for a surname two people share."""
    found: dict[str, EntityMention | None] = {}
    for m in mentions:
        words = clean_name(m.text).split()
        if m.role is not Role.PERSON or m.ref is None or len(words) < 2:
            continue
        last = _surname_key(words[-1])
        if len(last) < _SHORTEST_SURNAME or not words[-1][:1].isupper():
            continue
        known = found.get(last, m)
        same = known is not None and known.ref is not None and known.ref.name == m.ref.name
        found[last] = known if same else None
    return found


def refer_surnames(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Bare surnames ("Basra", "Mr Khan") of a person named earlier in the document, as that
    person: a surname the NER took for a place or an unknown name, and a surname it did not
    tag at all. A surname standing where a place stands ("in Basra") stays a place."""
    surnames = _surnames(mentions)
    if not any(surnames.values()):
        return list(mentions)
    result: list[EntityMention] = []
    for m in mentions:
        person = surnames.get(_bare_surname(m.text) or "")
        if person is not None and person.start < m.start and _may_be_person(doc, m):
            m = replace(m, role=Role.PERSON, ref=person.ref, country=person.country, feature=None)
        result.append(m)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or token.ent_type_:
            continue
        person = surnames.get(_surname_key(token.text))
        if person is None or person.start > token.i or _in_longer_name(token):
            continue
        result.append(
            EntityMention(
                token.i,
                token.i + 1,
                token.idx,
                token.idx + len(token),
                token.text,
                "PERSON",
                Role.PERSON,
                person.ref,
                person.country,
            )
        )
    return sorted(result, key=lambda m: m.start)


def _may_be_person(doc: Doc, mention: EntityMention) -> bool:
    """Whether a mention may be a bare surname: not a gazetteer group or state, a country,
    a demonym or a place in a location's position."""
    if mention.role in (Role.COUNTRY, Role.DEMONYM, Role.STATE):
        return False
    if mention.role is Role.GROUP:
        return mention.ref is None or mention.ref.key is None
    if mention.role is Role.PLACE:
        return not is_location_span(doc, mention.start, mention.end)
    return mention.role in (Role.PERSON, Role.ORG)


def _in_longer_name(token: Token) -> bool:
    """Whether a capitalised token is part of a longer name ("Basra Road")."""
    doc = token.doc
    before = (
        token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].text[:1].isupper()
    )
    after = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"
    return before or after
