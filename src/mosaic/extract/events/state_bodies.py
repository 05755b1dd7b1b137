"""The body of a state that acted where the report names it by its country and a noun.

"Sri Lanka's government banned the group", "Malaysian police arrested eight people",
"police arrested two men" in a report about one country: the actor is that country's
government or police, which the gazetteer may not list. Reports, analysts and the
knowledge base name such a body by its country ("Government of Sri Lanka", "Sri Lanka
police", "Malaysian police"), so it is handed on under those names besides its country,
and under the report's own noun ("police"). A government the gazetteer lists is that record.
"The army", "soldiers", "military aircraft" are the state and the armed force the
gazetteer lists for it under that noun or as its military or army ("Philippine troops",
"Myanmar military": the record that goes by that name), where it lists one; else the
state alone, as the country.
"""

from __future__ import annotations

from mosaic.extract import lexicon
from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.places.table import Place, PlaceTable
from mosaic.model import EntityKind, EntityRef

GOVERNMENT_NOUNS = lexicon.words("events.government_nouns")
"""Nouns for a state's government rather than its forces ("authorities", "government")."""
CIVIL_FORCES = lexicon.words("events.civil_forces")
"""Forces named as themselves where they act ("police"); "the army" is the listed force."""
ARMED_NOUNS = (
    lexicon.words("entities.armed_forces")
    | lexicon.words("events.force_members")
    | lexicon.words("events.state_arms")
)
"""A state's forces, their people and arms ("army", "soldiers", "commandos", "jets")."""
MILITARY_FORCES = ARMED_NOUNS - CIVIL_FORCES
"""A state's armed forces, not its police: the listed force where it acts ("soldiers")."""
MILITARY_NOUNS = ("military", "army")
"""The nouns a country's listed armed force goes by ("Myanmar military", "Indian army"), for
a force or its arms that the gazetteer does not list by their own noun ("soldiers")."""
_FORCE_CATEGORIES = frozenset({"state_force", "government"})


class StateBodies:
    """Names the body a state acted through, from its country and the noun for it."""

    def __init__(self, places: PlaceTable, gazetteer: Gazetteer) -> None:
        self.places = places
        self.gazetteer = gazetteer

    def body(self, iso2: str, noun: str) -> EntityRef | None:
        """The country's government, police or listed armed force that `noun` names; None
        for another noun or a force the gazetteer does not list."""
        country = self.places.country(iso2)
        word = noun.lower()
        if country is None:
            return None
        if word in GOVERNMENT_NOUNS:
            return self.government(country)
        if word in CIVIL_FORCES:
            return self._force(country, word)
        if word in MILITARY_FORCES:
            return self.armed_force(country, word)
        return None

    def armed_force(self, country: Place, noun: str) -> EntityRef | None:
        """The armed force the gazetteer lists for the country under the noun ("Philippine
        troops") or as its military or army ("Myanmar military"); None if it lists none."""
        for word in dict.fromkeys([noun, *MILITARY_NOUNS]):
            forms = [f"{{c}} {word}", f"{{c}}'s {word}"]
            listed = self._listed(country, _FORCE_CATEGORIES, forms)
            if listed is not None:
                return listed.ref()
        return None

    def government(self, country: Place) -> EntityRef:
        """The country's government: the gazetteer's record, else named as the gazetteer
        names governments ("Government of Sri Lanka")."""
        listed = self._listed(country, "government", ["Government of {c}", "{c} government"])
        if listed is not None:
            return listed.ref()
        adjectives = self.places.demonyms(country.country)
        names = [
            f"{country.name} government", f"{country.name}'s government",
            *(f"{a} government" for a in adjectives), "government",
        ]  # fmt: skip
        return _ref(f"Government of {country.name}", names, country.country)

    def _force(self, country: Place, noun: str) -> EntityRef:
        """ "Malaysian police", also "Malaysia police" and "police"."""
        adjectives = self.places.demonyms(country.country)
        names = [*(f"{a} {noun}" for a in adjectives), f"{country.name} {noun}", noun]
        return _ref(names[0], names[1:], country.country)

    def _listed(
        self, country: Place, category: str | frozenset[str], forms: list[str]
    ) -> ActorRecord | None:
        """The record of the country's `category` that one of the name forms names, the
        country written as its name or as its adjective."""
        categories = {category} if isinstance(category, str) else category
        words = [country.name, *self.places.demonyms(country.country)]
        for form in forms:
            for word in words:
                for record in self.gazetteer.lookup(form.format(c=word)):
                    if record.country == country.country and record.category in categories:
                        return record
        return None


def _ref(name: str, aliases: list[str], iso2: str) -> EntityRef:
    others = tuple(dict.fromkeys(a for a in aliases if a != name))
    return EntityRef(name, EntityKind.OTHER, aliases=others, country=iso2)
