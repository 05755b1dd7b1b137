"""Place names the NER took for a person or an organisation, read as the places they are.

Three ways a name says it is a place's, each overruled by what says it is a person's (a
title, a first name the gazetteer's people bear, a speaker's verb, an age):
- its last word is a facility's or area's noun ("X Bazaar", "X Cathedral", "X Oblast"):
  a place of its own, lying in the place it is said to lie in ("X, Kandahar", "Quetta's X
  area"), else in the place it contains ("Multan" of "Multan Cathedral");
- the place table knows it and the gazetteer lists no actor of that name: the place;
- it stands in a place's slot of the sentence ("at X", "the village of X", "X district"):
  a new place, lying where it is said to lie.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import SPEECH_VERBS
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.mentions import EntityMention, Role, clean_name
from mosaic.extract.entities.name_shapes import (
    PERSON_ROLES,
    after_title,
    looks_like_armed_group,
    looks_like_place_name,
)
from mosaic.extract.models.actor_spans import NEW_GROUP
from mosaic.extract.places.place_slots import (
    container_span,
    facility_span,
    in_place_slot,
    in_settlement_slot,
)
from mosaic.extract.places.table import Place, PlaceTable, strip_descriptor
from mosaic.extract.text.syntax import GROUP_OR_PERSON_LABELS, SUBJECT_DEPS
from mosaic.model import EntityKind, EntityRef
from mosaic.resolve.names import match_key

_LOCATING_FEATURES = frozenset({"city", "town", "village", "area", "venue"})
"""Places small enough that a facility inside one lies where it lies."""
BEING_VERBS = lexicon.words("places.being_verbs")  # fmt: skip
_PERSON_OR_NONE = frozenset({"", "PERSON"})
_GROUP_GAP = 2
"""At most this many marks (a dash, a possessive) between a group's name and its province's."""
_MAIN_COUNTRIES = 4
"""A report's first countries (the sentence's, then the most mentioned), where its places lie."""
_SOLID_FEATURES = frozenset({"city", "province", "region", "district", "venue", "area", "town"})
"""Features of a known place a misread name is taken for; a village's name is too often a
person's too."""


@dataclass(frozen=True)
class FacilityReading:
    """What a facility's or area's name is: a place, or no place at all (`mention` None: a
    group's province)."""

    mention: EntityMention | None


class MisreadPlaces:
    """Tells which names the NER took for actors are places (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, places: PlaceTable) -> None:
        self.gazetteer = gazetteer
        self.places = places

    @functools.cached_property
    def first_names(self) -> frozenset[str]:
        """The first words of the gazetteer's people's names of two words or more."""
        return frozenset(
            name.split()[0].casefold()
            for record in self.gazetteer.records
            if record.kind is EntityKind.PERSON
            for name in record.names
            if len(name.split()) > 1
        )

    def facility(self, ent: Span, context: Sequence[str]) -> FacilityReading | None:
        """A facility's or area's name the entity begins ("Multan Cathedral", "Omar Daud"
        of "Omar Daud International Airport"), as a place; a group's province ("Islamic
        State - Sahel Province") as no place; None (no reading) for another name, one the
        gazetteer lists whole, one with a group's word, or a speaker's ("X Hospital said").
        A first name does not make it a person's: places are named after people ("Benazir
        Bhutto Hospital")."""
        span = facility_span(ent)
        if span is None or is_group_name(ent):
            return None
        if self.after_group(span):
            return FacilityReading(None)
        name = clean_name(span.text)
        if self.gazetteer.lookup(name) or is_speaker(span) or self._names_group(span[:-1]):
            return None
        known = self.places.resolve(name, context)
        if known is not None and known.feature != "country":
            return FacilityReading(place_mention(span, known))
        holder = self._holder(span, context) or self._contained(span[:-1], context)
        return FacilityReading(self._new_place(span, name, holder))

    def after_group(self, span: Span) -> bool:
        """Whether a group's name comes right before the name, a dash or possessive between
        ("Islamic State - Sahel Province", "the Taliban's X Province")."""
        doc, i = span.doc, span.start - 1
        while i >= 0 and i >= span.start - _GROUP_GAP and not doc[i].ent_id_:
            i -= 1
        if i < 0 or not doc[i].ent_id_:
            return False
        between = doc[i + 1 : span.start]
        if any(t.is_alpha for t in between):
            return False
        record = self.gazetteer.get(doc[i].ent_id_)
        return record is not None and record.kind is not EntityKind.PERSON

    def _names_group(self, words: Span) -> bool:
        """Whether a word of the name is a group's or a state's ("the Taliban Hotel attack")."""
        return any(
            record.kind is not EntityKind.PERSON
            for token in words
            for record in self.gazetteer.lookup(token.text)
        )

    def known_place(self, ent: Span, name: str, place: Place) -> bool:
        """Whether a name the table resolves to `place`, which the NER took for a person's or
        an organisation's, is that place: a place of some size that no cue says is a person.
        A name the NER calls a person must be the place's own name (not one of its other
        spellings), in a parsed sentence, neither a possessor ("X's convoy") nor the subject
        of an acting verb ("X left early")."""
        if ent.label_ not in GROUP_OR_PERSON_LABELS or place.feature not in _SOLID_FEATURES:
            return False  # a people's name ("Hazara"), a work's or product's
        if self.has_person_cue(ent):
            return False
        if ent.label_ != "PERSON":
            return True
        if not ent.doc.has_annotation("DEP"):
            return False  # unparsed: nothing says where the name stands
        root = ent.root
        acting = root.dep_ == "nsubj" and root.head.lemma_.lower() not in BEING_VERBS
        return _is_own_name(name, place) and root.dep_ != "poss" and not acting

    def slot_place(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention | None:
        """An unknown name in a place's slot ("at X", "X district"), with no person's cue,
        as a new place lying where it is said to lie; an organisation's name only in a
        settlement's slot ("the village of X", "X district")."""
        if not looks_like_place_name(name):
            return None
        if not in_settlement_slot(ent) and (ent.label_ != "PERSON" or not in_place_slot(ent)):
            return None  # "at the Foundation", "X, Kabul": an organisation's name stands so too
        if self.has_person_cue(ent) or is_group_name(ent):
            return None
        return self._new_place(ent, name, self._holder(ent, context))

    def locate_new(self, ent: Span, name: str, context: Sequence[str]) -> EntityMention:
        """A place name the table lacks, placed where it is said to lie."""
        return self._new_place(ent, name, self._holder(ent, context))

    def has_person_cue(self, span: Span) -> bool:
        """A title or a person's role word before the name, a first name the gazetteer's
        people bear, the name as a speaker ("X said"), other name words the NER left out
        around it ("Juan Ortega X"), or an age after it ("X, 45,")."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        if after_title(span) or (before is not None and before.lemma_.lower() in PERSON_ROLES):
            return True
        if len(span) > 1 and span[0].lower_ in self.first_names:
            return True
        if is_speaker(span) or _in_longer_name(span):
            return True
        end = span.end
        return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].like_num

    def _contained(self, span: Span, context: Sequence[str]) -> Place | None:
        """The known place of the report's main countries a facility's name contains ("Multan"
        of "Multan Cathedral"), longest first; none where the words name an actor first ("Omar
        Daud")."""
        for size in range(len(span), 0, -1):
            for start in range(0, len(span) - size + 1):
                words = clean_name(span[start : start + size].text)
                if self.gazetteer.lookup(words):
                    return None
                place = self.places.resolve(words, context) if words else None
                if place is not None and place.feature != "country" and _at_home(place, context):
                    return place
        return None

    def _holder(self, span: Span, context: Sequence[str]) -> Place | None:
        beside = container_span(span)
        return self.places.resolve(clean_name(beside.text), context) if beside else None

    def _new_place(self, span: Span, name: str, holder: Place | None) -> EntityMention:
        """A place the table lacks, in its holder's country (and, a town or smaller, at its
        holder's position), else in none: the report's or the sentence's countries are no
        guess for a place nothing places (a quarter of a capital told from Washington)."""
        located = holder is not None and holder.feature in _LOCATING_FEATURES
        ref = EntityRef(
            name=name,
            kind=EntityKind.PLACE,
            country=holder.country if holder is not None else None,
            latitude=holder.latitude if located and holder else None,
            longitude=holder.longitude if located and holder else None,
        )
        return EntityMention(
            span.start, span.end, span.start_char, span.end_char, span.text, span.label_,
            Role.PLACE, ref, ref.country,
        )  # fmt: skip


def _is_own_name(name: str, place: Place) -> bool:
    """Whether `name` is the place's own name, a descriptor aside ("Kunar Province")."""
    stripped = strip_descriptor(name)
    names = (name, stripped[0]) if stripped is not None else (name,)
    return match_key(place.name) in {match_key(n) for n in names}


def _at_home(place: Place, context: Sequence[str]) -> bool:
    return not context or place.country in context[:_MAIN_COUNTRIES]


def _in_longer_name(span: Span) -> bool:
    """Whether a proper noun outside every entity but people's stands right before or after
    the name: one person's name the NER cut in two ("Juan Ortega" "Quetta")."""
    doc = span.doc
    beside = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.pos_ == "PROPN" and t.is_alpha and t.ent_type_ in _PERSON_OR_NONE for t in beside)


def is_group_name(ent: Span) -> bool:
    """Whether the actor span tagger or the words around it say the name is an armed group's
    ("the name 'X Province'")."""
    return ent.kb_id_ == NEW_GROUP or looks_like_armed_group(ent)


def is_speaker(span: Span) -> bool:
    """Whether the name is the subject of a verb of saying ("X said")."""
    root = span.root
    return root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in SPEECH_VERBS


def place_mention(span: Span, place: Place) -> EntityMention:
    """The mention of a known place (a country's mention where the place is a country)."""
    role = Role.COUNTRY if place.feature == "country" else Role.PLACE
    return EntityMention(
        span.start, span.end, span.start_char, span.end_char, span.text, span.label_, role,
        place.ref(), place.country, place.feature,
    )  # fmt: skip
