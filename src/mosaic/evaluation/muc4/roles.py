"""Mosaic's extraction of one report, read as the five MUC-4 role fillers GRIT scores.

Only incident events count (attacks and killings; arrests, operations and the rest are not
MUC-4 incidents). For each incident:
- PerpOrg: perpetrators that are organisations, unless their name is a description of
  people ("FMLN guerrillas", "urban commandos"), which goes to PerpInd;
- PerpInd: perpetrators that are persons or other non-place entities, and those descriptions
  (the role tagger's attackers, "urban guerrillas", are perpetrators of kind OTHER);
- Victim: targets that are persons (GRIT's Victim holds only HUM TGT: NAME, so descriptions
  of people such as "peasants" are dropped rather than counted as physical targets);
- Target: the other targets (buildings, vehicles, facilities, organisations' premises), but
  not military or police forces, positions or installations ("army positions", "police
  barracks"), which the task definition leaves out;
- Weapon: the incident's `weapons` (the role tagger's); with `weapons_from_evidence`, also
  the weapon phrases of `lexicon.WEAPONS` in the incident's evidence sentence.
With `attackers_from_evidence`, descriptions of attackers in the evidence sentence
("guerrillas", "heavily armed men") are added to PerpInd as well: Mosaic's perpetrators are
entities, so such descriptions are otherwise never predicted. It is off by default, since it
measures the adapter's word list rather than the extractor.
Each entity becomes one predicted entity with a single mention, the form the report itself
uses: CEAF-REE's similarity needs every predicted mention to be a gold mention, so gazetteer
aliases that the text never writes would only cost matches. Entities are merged within a
role by their normal form; a name the gazetteer did not link ("Farabundo Marti National
Liberation Front" broken over two lines) that is a name of a linked entity of the same
report takes that entity's form, so one group is not predicted twice; and within a role an
entity whose words run inside another's ("ESCOBAR", "PABLO ESCOBAR GAVIRIA") is dropped.
Only the incidents that `relevance.relevant_events` keeps are read: none in a document the
task definition would leave without a template.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from mosaic.evaluation.muc4.ceaf_ree import ROLES, normalise_mention
from mosaic.evaluation.muc4.lexicon import (
    ATTACKER_NOUNS,
    HUMAN_NOUNS,
    MILITARY_NOUNS,
    find_attackers,
    find_weapons,
    last_word,
    names_force,
)
from mosaic.evaluation.muc4.relevance import relevant_events
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType, ReportExtraction

_POSSESSIVE = re.compile(r"['’][sS]?$")

INCIDENT_TYPES: frozenset[EventType] = frozenset({EventType.ATTACK, EventType.KILLING})
"""Event types that are MUC-4 incidents (attack, bombing, kidnapping, arson... all map here)."""


def incident_events(extraction: ReportExtraction) -> list[EventFinding]:
    """The events of an extraction that MUC-4 would template."""
    return [event for event in extraction.events if event.type in INCIDENT_TYPES]


def perpetrator_role(ref: EntityRef) -> str | None:
    """PerpOrg or PerpInd for a perpetrator; None for a place."""
    if ref.kind is EntityKind.PLACE:
        return None
    if ref.kind is EntityKind.ORGANIZATION and last_word(ref.name) not in ATTACKER_NOUNS:
        return "PerpOrg"
    return "PerpInd"


def target_role(ref: EntityRef) -> str | None:
    """Victim for a named person, Target for a thing; None for people described, a place, or
    a military or police force, position or installation (not a terrorist target by the
    MUC-4 task definition)."""
    if ref.kind is EntityKind.PERSON:
        return "Victim"
    if ref.kind is EntityKind.PLACE or last_word(ref.name) in HUMAN_NOUNS | MILITARY_NOUNS:
        return None
    return None if names_force(ref.name) else "Target"


def surface_form(ref: EntityRef, extraction: ReportExtraction, text: str) -> str:
    """How the report writes `ref`, without a possessive "'s"; a person's fullest name.

    The form is the ref's first linked mention, else the first of its names found in the
    text, else its name. For a person, a longer PERSON mention that contains that form
    ("MARIA ELENA DIAZ PEREZ" for "PEREZ") is taken instead, as the key names people in
    full.
    """
    form = _strip_possessive(_written_form(ref, extraction, text))
    if ref.kind is EntityKind.PERSON:
        return fullest_name(form, extraction)
    return form


def _written_form(ref: EntityRef, extraction: ReportExtraction, text: str) -> str:
    linked = [
        mention
        for mention, mention_ref in extraction.mentions
        if mention_ref is not None
        and (mention_ref == ref or (ref.key is not None and mention_ref.key == ref.key))
    ]
    if linked:
        return min(linked, key=lambda mention: mention.start).text
    lowered = text.lower()
    found = [(lowered.find(name.lower()), name) for name in ref.names if name]
    present = [(at, name) for at, name in found if at >= 0]
    if present:
        at, name = min(present)
        return text[at : at + len(name)]
    return ref.name


def fullest_name(form: str, extraction: ReportExtraction) -> str:
    """The longest person's name whose words contain `form`'s words in a row; else `form`.

    The names are the report's PERSON mentions and the persons of its incident events
    (the role tagger reads names fuller than the NER: "Jose Antonio Ruiz" beside "Ruiz").
    """
    words = normalise_mention(form).split()
    best = form
    for name in _person_names(extraction):
        candidate = _strip_possessive(name)
        longer = len(candidate) > len(best)
        if longer and _contains(normalise_mention(candidate).split(), words):
            best = candidate
    return best


def _person_names(extraction: ReportExtraction) -> Iterable[str]:
    for mention, _ref in extraction.mentions:
        if mention.label == "PERSON":
            yield mention.text
    for event in incident_events(extraction):
        for ref in (*event.perpetrators, *event.targets):
            if ref.kind is EntityKind.PERSON:
                yield ref.name


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return n > 0 and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _strip_possessive(form: str) -> str:
    return _POSSESSIVE.sub("", form.strip())


def _add(
    fillers: dict[str, list[list[str]]], seen: set[tuple[str, str]], role: str, form: str
) -> None:
    key = (role, normalise_mention(form))
    if key[1] and key not in seen:
        seen.add(key)
        fillers[role].append([form])


def role_fillers(
    extraction: ReportExtraction,
    text: str,
    weapons_from_evidence: bool = False,
    attackers_from_evidence: bool = False,
    published: dt.date | None = None,
) -> dict[str, list[list[str]]]:
    """The predicted role fillers of one report: role -> entities -> [mention].

    `published` is the message's date, which tells background incidents from recent ones.
    """
    fillers: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    seen: set[tuple[str, str]] = set()
    events = relevant_events(incident_events(extraction), published)
    linked = linked_forms(events, extraction, text)
    for event in events:
        for role, form in _event_fillers(event, extraction, text, weapons_from_evidence):
            _add(fillers, seen, role, linked.get((role, normalise_mention(form)), form))
        if attackers_from_evidence:
            for form in find_attackers(event.evidence.sentence):
                _add(fillers, seen, "PerpInd", form)
    return {role: without_parts(entities) for role, entities in fillers.items()}


def without_parts(entities: list[list[str]]) -> list[list[str]]:
    """The entities less those whose words run inside another one's ("ESCOBAR" beside "PABLO
    ESCOBAR GAVIRIA", "BOMB" beside "CAR BOMB"): a report names one entity in full and then
    short, and the short form would count as a second, unmatched entity."""
    words = [normalise_mention(entity[0]).split() for entity in entities]
    return [
        entity
        for entity, own in zip(entities, words, strict=True)
        if not any(len(own) < len(other) and _contains(other, own) for other in words)
    ]


def linked_forms(
    events: Sequence[EventFinding], extraction: ReportExtraction, text: str
) -> dict[tuple[str, str], str]:
    """(role, normal form of a name) of the events' gazetteer-linked entities -> the form
    the report writes the entity in."""
    forms: dict[tuple[str, str], str] = {}
    for event in events:
        refs = [(perpetrator_role(ref), ref) for ref in event.perpetrators]
        refs += [(target_role(ref), ref) for ref in event.targets]
        for role, ref in refs:
            if role and ref.key is not None:
                form = surface_form(ref, extraction, text)
                for name in ref.names:
                    forms.setdefault((role, normalise_mention(name)), form)
    return forms


def _event_fillers(
    event: EventFinding, extraction: ReportExtraction, text: str, weapons: bool
) -> Iterable[tuple[str, str]]:
    for ref in event.perpetrators:
        role = perpetrator_role(ref)
        if role:
            yield role, surface_form(ref, extraction, text)
    for ref in event.targets:
        role = target_role(ref)
        if role:
            yield role, surface_form(ref, extraction, text)
    for weapon in event.weapons:
        yield "Weapon", weapon
    if weapons:
        for weapon in find_weapons(event.evidence.sentence):
            yield "Weapon", weapon
