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
from dataclasses import replace

from spacy.tokens import Doc, Span

from mosaic.extract import lexicon
from mosaic.extract.entities.acronyms import join_acronyms, own_short_forms
from mosaic.extract.entities.apposed_names import is_new_group, join_apposed_names
from mosaic.extract.entities.branch_names import link_branches
from mosaic.extract.entities.capital_phrases import capital_mentions
from mosaic.extract.entities.gazetteer import NATIONAL_CATEGORIES, ActorRecord, Gazetteer
from mosaic.extract.entities.group_forms import mark_group_forms
from mosaic.extract.entities.mentions import EntityMention, Role, clean_name
from mosaic.extract.entities.misread_places import MisreadPlaces, is_group_name, place_mention
from mosaic.extract.entities.name_repairs import (
    GENERIC_NAME_WORDS,
    GroupCores,
    dash_parts,
    drop_covered,
    has_group_cue,
    is_new_person,
    is_person_name,
    name_tail_end,
    person_name_start,
    possessive_place,
    possessive_places,
    wrapped_between,
)
from mosaic.extract.entities.name_runs import is_joint, name_run_end, name_run_start
from mosaic.extract.entities.name_shapes import (
    ARMED_NAME_WORDS,
    after_title,
    apposed_to_role,
    is_people_word,
    leads_by_agent,
    looks_like_armed_group,
    looks_like_person,
    looks_like_place_name,
    titled_name,
)
from mosaic.extract.entities.state_actors import state_actor
from mosaic.extract.entities.state_units import state_unit, unit_initials
from mosaic.extract.entities.surnames import refer_surnames
from mosaic.extract.events.types import entry_for
from mosaic.extract.models.actor_spans import NEW_GROUP
from mosaic.extract.models.initials_context import named_as_group
from mosaic.extract.places.place_names import free_name_spans, in_place_position
from mosaic.extract.places.place_slots import in_settlement_slot, of_parts
from mosaic.extract.places.table import Place, PlaceTable
from mosaic.extract.text.surface import as_written, stems
from mosaic.extract.text.syntax import (
    ACTOR_LABELS,
    COUNTRY_LABELS,
    GROUP_OR_PERSON_LABELS,
    IDENTITY_LABELS,
    NAME_LABELS,
    PLACE_LABELS,
)
from mosaic.model import EntityKind, EntityRef
from mosaic.resolve.names import match_key

LABELS = PLACE_LABELS | NAME_LABELS
"""The entity labels the linker reads: places and names."""
_MINOR = lexicon.words("entities.minor_features")
"""Place features small enough that an English word naming one is rather the word."""
_MAJOR = lexicon.words("entities.major_features")
"""Place features a name is rarely anything else than, wherever it stands ("Balochistan")."""
_NAME_PARTS = re.compile(r"[\s-]+")
"""What parts a name's words: spaces and hyphens."""


def document_countries(doc: Doc, country_of: Callable[[str], str | None]) -> list[str]:
    """The document's countries, most mentioned first (country names and demonyms)."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in COUNTRY_LABELS:
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
        self.misread = MisreadPlaces(gazetteer, places)

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
        found = self._join_wrapped(doc, drop_covered(self._whole_people(doc, found)))
        found = possessive_places(doc, self._group_cores(doc, found))
        found = mark_group_forms(doc, refer_surnames(doc, found))
        found = own_short_forms(doc, join_acronyms(join_apposed_names(doc, found)))
        found = unit_initials(found)
        found = link_branches(doc, found, self.gazetteer, self.country_of)
        found = capital_mentions(doc, found, self.places)
        return [self._state(m, doc) for m in found]

    def _mentions(
        self, ent: Span, context: Sequence[str], lower_words: Set[str]
    ) -> list[EntityMention]:
        """The entity's mention, or one per place where a spaced dash or "of" joins known
        places ("Nangarhar - Achin", "the Rostov Oblast of Southern Russia")."""
        parts = [] if ent.ent_id_ else dash_parts(ent)
        if len(parts) == 1:
            parts = of_parts(ent)
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
            if last is None or not is_person_name(last) or not is_person_name(m):
                result.append(m)
            elif wrapped_between(doc, last.end, m.start):
                result[-1] = self._joined_person(doc, last, m)
            else:
                result.append(m)
        return result

    def _whole_people(self, doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
        """New people's names with the first names the NER cut off put back; the mentions it
        made of those words are then inside the name and go. A listed person's one-word name
        ("al-Awlaki") after first names none of that person's names holds ("Omar bin Salem
        al-Awlaki") is another person of that family, new to the gazetteer."""
        result = list(mentions)
        for i, m in enumerate(result):
            if is_new_person(m):
                start = person_name_start(doc, m)
            elif self._surname_alone(m):
                start = self._other_bearer(doc, m)
            else:
                start = m.start
            if start < m.start:
                result[i] = self._named_person(doc, m, doc[start : m.end])
        return result

    @staticmethod
    def _surname_alone(mention: EntityMention) -> bool:
        """A listed person named by one word of their name only ("al-Awlaki", "Omar")."""
        return (
            mention.role is Role.PERSON
            and mention.ref is not None
            and mention.ref.key is not None
            and len(clean_name(mention.text).split()) == 1
        )

    def _other_bearer(self, doc: Doc, mention: EntityMention) -> int:
        """Where the name of another bearer of a listed person's surname begins: the first
        names before it, where none of them is a word of the listed person's names."""
        start = person_name_start(doc, mention)
        names = (mention.ref.name, *mention.ref.aliases) if mention.ref else ()
        known = {word for name in names for word in name.lower().split()}
        taken = {t.lower_ for t in doc[start : mention.start]}
        return mention.start if taken & known else start

    def _named_person(self, doc: Doc, mention: EntityMention, span: Span) -> EntityMention:
        name = " ".join(clean_name(span.text).split())
        records = [r for r in self.gazetteer.lookup(name) if r.kind is EntityKind.PERSON]
        ref = records[0].ref() if records else EntityRef(name, EntityKind.PERSON)
        return replace(
            mention, start=span.start, start_char=span.start_char, text=span.text, ref=ref,
            country=ref.country,
        )  # fmt: skip

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
        Amaru"), as that group (so too such a name the NER took for a person's and the
        linker for a new group's, "Tupac Amaru rebels"): where it stands as a group's name
        does, or, a core of two words or more, where the report names the group in full
        and no title precedes it. The generic words of the name after it go with it ("the
        Lautaro youth front")."""
        named = {m.ref.key for m in mentions if m.ref is not None and m.ref.key}
        result: list[EntityMention] = []
        for i, m in enumerate(mentions):
            core = is_new_person(m) or (m.label == "PERSON" and is_new_group(m))
            record = self._core_group(doc[m.start : m.end], named) if core else None
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
        in_full = len(name.split()) > 1 and record.key in named and not after_title(span)
        return record if in_full or has_group_cue(span) else None

    def _state(self, mention: EntityMention, doc: Doc) -> EntityMention:
        """ "the Pakistani military", "Afghan government": a state actor, named by its
        country; one told through a possessive ("Somalia's government") by the gazetteer's
        record of that country's state where it lists one."""
        state = state_actor(mention, doc, self.places, noun_needed=True)
        if state is None:
            return mention
        if state.end <= mention.end + 1 or doc[state.end - 1].ent_iob_ == "B":
            return state  # no possessive, or the noun begins a name ("Colombian Army of ...")
        record = self._state_record(state)
        return replace(state, ref=record.ref()) if record is not None else state

    def _state_record(self, state: EntityMention) -> ActorRecord | None:
        """The record the words name without their possessive ("Myanmar's military" as
        "Myanmar military"), else the one whose names include the country's own ("Federal
        Government of Somalia" goes by "Somalia"): the state the country stands for."""
        country = state.ref.name if state.ref is not None else ""
        for name in (re.sub(r"['’]s\b", "", state.text), country):
            found = [r for r in self.gazetteer.lookup(name) if r.country == state.country]
            if len(found) == 1:
                return found[0]
        return None

    def _countries(self, ents: Sequence[Span]) -> list[str]:
        words = (clean_name(e.text) for e in ents if e.label_ in IDENTITY_LABELS)
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
        facility = self.misread.facility(ent, context)
        if facility is not None:
            return facility.mention
        record = self.gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if ent.label_ in ACTOR_LABELS or record is not None:
            record = self._record(name, context) or record
        if record is not None:
            return _mention(ent, _actor_role(record), record.ref(), record.country)
        if (person := self._person_by_role(ent, name, context)) is not None:
            return person
        if ent.label_ in PLACE_LABELS:
            return self._place(ent, name, context, lower_words) or self._place_before_event(
                ent, context
            )
        if (headline := self._place_before_event(ent, context)) is not None:
            return headline
        if ent.label_ in NAME_LABELS:  # a place the NER took for a name
            place = self._misread_place(ent, name, context)
            if place is not None:
                return place_mention(ent, place)
        if ent.label_ in GROUP_OR_PERSON_LABELS and self.country_of(name) is None:
            slot = self.misread.slot_place(ent, name, context)
            if slot is not None:
                return slot
        return self._other(ent, name, context)

    def _person_by_role(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention | None:
        """An unknown name the sentence gives a person's role, though the NER called it an
        organisation's or a place's: the agent of "led by", "headed by", or apposed to a role
        noun ("its second-in-command, X"); never a known place's name nor one shaped as an
        armed group's. A name the NER calls a person's goes the way of other people's (a
        surname of one named before, a place's name it also is)."""
        if ent.label_ == "PERSON" or ent.label_ not in GROUP_OR_PERSON_LABELS | PLACE_LABELS:
            return None
        if not looks_like_person(name):
            return None
        if not (leads_by_agent(ent) or apposed_to_role(ent)) or looks_like_armed_group(ent):
            return None
        if ent.kb_id_ == NEW_GROUP or self.places.resolve(name, context) is not None:
            return None
        return _mention(ent, Role.PERSON, EntityRef(name=as_written(name), kind=EntityKind.PERSON))

    def _place_before_event(self, ent: Span, context: Sequence[str]) -> EntityMention | None:
        """ "in New Delhi Bomb Blasts": a headline's entity (a place, or a person to the NER) run
        on from a known town or province over the event it names; the place is the longest
        start of it that names one."""
        if entry_for(ent[-1]) is None:
            return None
        for end in range(ent.end - 1, ent.start, -1):
            text = ent.doc[ent.start : end].text
            place = self.places.resolve(text, context) if self.places.lookup(text) else None
            if place is not None and place.feature != "country":
                return place_mention(Span(ent.doc, ent.start, end, label="GPE"), place)
        return None

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
        as_place = ent.label_ != "PERSON" or possessive_place(ent, place.name)
        if at_home and (place.feature in ("province", "region") or (
            place.feature == "city" and as_place
        )):  # fmt: skip
            return place
        if not (at_home or place.feature in _MAJOR):
            return None
        if at_home and self.misread.known_place(ent, name, place):
            return place
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
                found.append(place_mention(span, place))
            elif (new := self._unlabelled_settlement(span, countries, lower_words)) is not None:
                taken.update(range(start, end))
                found.append(new)
        return found

    def _unlabelled_settlement(
        self, span: Span, countries: Sequence[str], lower_words: Set[str]
    ) -> EntityMention | None:
        """A name the table lacks and the NER left unlabelled (or took for a language's),
        standing where only a place's name stands ("the western district of X", "X
        district"): a new place, as a labelled name there is (`MisreadPlaces.slot_place`)."""
        name = clean_name(span.text)
        if not looks_like_place_name(name) or not in_settlement_slot(span):
            return None
        if any(self._is_common(w.lower(), lower_words) for w in name.split()):
            return None
        if self.places.lookup(name) or self.gazetteer.lookup(name):
            return None
        if self.misread.has_person_cue(span) or is_group_name(span):
            return None
        return self.misread.locate_new(span, name, countries)

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
        if place is not None and not (is_people_word(ent) and place.feature in _MINOR):
            return place_mention(ent, place)
        if place is not None or ent.label_ == "LOC" or not looks_like_place_name(name):
            return None
        words = name.split()
        if all(self._is_common(w.lower(), lower_words) for w in words) or is_people_word(ent):
            return None
        return self.misread.locate_new(ent, name, context)

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
        first = name_run_start(doc, ent.start, sent.start)
        last = name_run_end(doc, ent.end, sent.end)
        if (first, last) == (ent.start, ent.end):
            return None
        for size in range(last - first, len(ent), -1):
            for start in range(max(first, ent.end - size), min(ent.start, last - size) + 1):
                end = start + size
                if is_joint(doc[start]) or is_joint(doc[end - 1]):
                    continue
                text = doc[start:end].text
                place = self.places.resolve(text, context) if self.places.lookup(text) else None
                if place is not None:
                    span = Span(doc, start, end, label=ent.label_)
                    return place_mention(span, place)
        return None

    def _other(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention | None:
        iso2 = self.country_of(name)
        if iso2 is not None and (ent.label_ == "NORP" or len(ent) == 1):
            return _mention(ent, Role.DEMONYM, None, iso2)
        name = as_written(name)
        unit = self._state_unit(ent, name, context)
        if unit is not None:
            return unit
        if ent.label_ in GROUP_OR_PERSON_LABELS and _new_group(ent) and not self._origins(name):
            named = name + _qualifier(ent)
            return _mention(ent, Role.GROUP, EntityRef(name=named, kind=EntityKind.ORGANIZATION))
        said_person = ent.label_ == "PERSON" or titled_name(ent) or apposed_to_role(ent)
        if said_person and looks_like_person(name):
            return _mention(ent, Role.PERSON, EntityRef(name=name, kind=EntityKind.PERSON))
        if ent.label_ == "ORG":
            return _mention(ent, Role.ORG, None)
        return None

    def _state_unit(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention | None:
        """ "the Border Security Force": a state's unit by its name's form, not a new group;
        of the country its name or owner says, else of the sentence's or document's."""
        if ent.label_ not in GROUP_OR_PERSON_LABELS:
            return None
        unit = state_unit(ent, self._place_country)
        if unit is None:
            return None
        country = unit.country or (context[0] if context else None)
        ref = EntityRef(name=name, kind=EntityKind.ORGANIZATION, country=country)
        return _mention(ent, Role.STATE, ref, country)

    def _place_country(self, name: str) -> str | None:
        """The country of a country, a people, or a city, province or region ("Sindh")."""
        country = self.country_of(name)
        if country is not None:
            return country
        place = self.places.resolve(name)
        return place.country if place is not None and place.feature in _MAJOR else None

    def _origins(self, name: str) -> bool:
        """Demonyms or countries joined ("British-Libyan", "Afghan-American"): where a person
        or a people comes from, never a group's name."""
        parts = [part for part in _NAME_PARTS.split(name) if part]
        return len(parts) > 1 and all(self.country_of(part) for part in parts)


def _new_group(ent: Span) -> bool:
    """A group's name the gazetteer lacks: found by the actor span tagger, shaped or
    described as a group's, or used as one ("X fighters", "X, a militia")."""
    return ent.kb_id_ == NEW_GROUP or looks_like_armed_group(ent) or named_as_group(ent)


def _qualifier(ent: Span) -> str:
    """A word in brackets right after a group's name that tells it from others of that name
    ("Communist Party of Nepal (Maoist)", "X (Khaplang)"): part of its name; initials in
    brackets ("Zulu Front (ZF)") are another name, not part of this one."""
    doc = ent.doc
    start = ent.end - 1 if doc[ent.end - 1].text == "(" else ent.end
    words = doc[start : start + 3]
    if len(words) < 3 or words[0].text != "(" or words[2].text != ")":
        return ""
    word = words[1].text
    return f" ({word})" if word[:1].isupper() and not word.isupper() and word.isalpha() else ""


def _actor_role(record: ActorRecord) -> Role:
    if record.kind is EntityKind.PERSON:
        return Role.PERSON
    if record.category == "armed_group":
        return Role.GROUP
    if record.category in NATIONAL_CATEGORIES:
        return Role.STATE
    return Role.ORG


def _mention(
    ent: Span, role: Role, ref: EntityRef | None, country: str | None = None
) -> EntityMention:
    return EntityMention(
        ent.start, ent.end, ent.start_char, ent.end_char, ent.text, ent.label_, role, ref, country
    )


def names_venue(name: str, place: Place) -> bool:
    """Whether `name` is a venue's own name of two words or more ("Erawan Shrine"): a named
    building is the building wherever it stands, whatever the NER took it for."""
    key = match_key(name)
    return (
        place.feature == "venue"
        and len(name.split()) > 1
        and any(match_key(n) == key for n in place.names)
    )
