"""Perpetrators named by an encyclopedia page's infobox, for the attack the page is about.

Attack pages open with a box of fields: "Perpetrators: X, Y", "Perps: X (claimed)",
"Assailants: A and B", written as "Label: value", "Label value" or run together
("Perpetratorsal-Qaeda, ..."), a field's further items sometimes on the lines below.
The box is about the page's attack: the first attack or killing told after it, and
any the title or the box itself tells, take every named item.
An item the gazetteer lists is that record; another with the shape of a name is a new
group (a person under "Assailants"); anything else ("Unknown", a sentence) is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from mosaic.extract import lexicon
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.events.rules.registry import rule_for
from mosaic.model import EntityKind, EntityRef, EventFinding, PerpetratorStatus

_FIELD = re.compile(
    r"^[ \t|*-]*(?P<label>(?i:perpetrators?|perps|assailants?))"
    r"(?:[ \t]*[:|][ \t]*|[ \t]+|(?=[a-z]{1,3}-[A-Z])|(?=[A-Z]))(?P<rest>\S[^\n]*)$",
    re.M,
)
_ITEM_SPLIT = re.compile(r"\s*[,;]\s*(?![^()]*\))")
_AND = re.compile(r"\s+and\s+")
_NOTE = re.compile(r"\((?P<note>[^)]*)\)")
_REFS = re.compile(r"\[\d+\]")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}-[A-Z][\w'’-]*|al|ul|e|i|of|the|bin|ibn)$")
_CONTINUATION = re.compile(r"^[^\s:|.,][^:|.]{2,60}$")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
"""Prose, not a field value: a line starting "Perpetrators of the attack were ... ." """
_NOT_NAMES = lexicon.words("events.not_names")
_STATUSES = frozenset(s.value for s in PerpetratorStatus)
_STATUS_WORDS = {
    row.word("note"): PerpetratorStatus(row.choice("status", _STATUSES))
    for row in lexicon.table(
        "events.infobox_statuses", {"note": lexicon.Field.WORD, "status": lexicon.Field.WORD}
    )
}
"""An infobox perpetrator's note ("(claimed)", "(alleged)") and the status it gives."""


def infobox_perpetrators(
    text: str, gazetteer: Gazetteer
) -> tuple[tuple[EntityRef, ...], PerpetratorStatus | None, int]:
    """Everyone the page's infobox names as perpetrator or assailant, the status a note in
    brackets gives them ("(claimed)") else None, and where the last such field ends."""
    refs: list[EntityRef] = []
    status: PerpetratorStatus | None = None
    box_end = 0
    for label, item, end in _field_items(text):
        box_end = max(box_end, end)
        note = _NOTE.search(item)
        status = status or (_STATUS_WORDS.get(note["note"].strip().lower()) if note else None)
        for ref in item_refs(_NOTE.sub("", item), gazetteer, label.startswith("assailant")):
            if ref not in refs:
                refs.append(ref)
    return tuple(refs), status, box_end


def attach_infobox_perpetrators(
    events: Sequence[EventFinding], text: str, gazetteer: Gazetteer, threshold: float
) -> list[EventFinding]:
    """The events with the infobox's perpetrators added to the page's attack: the first attack
    or killing written out (at `threshold` or above) after the box, and any told in the
    page's title or the box itself."""
    refs, status, box_end = infobox_perpetrators(text, gazetteer)
    boxed = [
        i
        for i, e in enumerate(events)
        if rule_for(e.type).report.infobox and e.confidence >= threshold
    ]
    updated = list(events)
    if not refs or not boxed:
        return updated
    after = [i for i in boxed if events[i].evidence.start >= box_end]
    first_after = [min(after, key=lambda i: events[i].evidence.start)] if after else []
    for index in [i for i in boxed if events[i].evidence.start < box_end] + first_after:
        updated[index] = _with_perpetrators(events[index], refs, status)
    return updated


def _with_perpetrators(
    event: EventFinding, refs: Sequence[EntityRef], status: PerpetratorStatus | None
) -> EventFinding:
    known = {ref.key or ref.name for ref in event.perpetrators}
    added = tuple(ref for ref in refs if (ref.key or ref.name) not in known)
    return replace(
        event,
        perpetrators=event.perpetrators + added,
        perpetrator_status=event.perpetrator_status or status or PerpetratorStatus.ATTRIBUTED,
    )


def item_refs(item: str, gazetteer: Gazetteer, person: bool = False) -> list[EntityRef]:
    """What an infobox item names: one record or name, else two joined by "and" ("A and B"),
    the whole item first since names hold "and" too ("the Levant and ...")."""
    whole = item_ref(item, gazetteer, person)
    if whole is not None and (whole.key or not _AND.search(item)):
        return [whole]
    parts = [item_ref(part, gazetteer, person) for part in _AND.split(item)]
    return [part for part in parts if part is not None]


def item_ref(item: str, gazetteer: Gazetteer, person: bool = False) -> EntityRef | None:
    """The record an infobox item names, or a new group (person) for a name-shaped item."""
    name = re.sub(r"^(?:the|The)\s+", "", _REFS.sub("", item)).strip(" .-–")
    found = gazetteer.lookup(name)
    if found:
        return found[0].ref()
    if not is_name_shaped(name):
        return None
    return EntityRef(name, EntityKind.PERSON if person else EntityKind.ORGANIZATION)


def is_name_shaped(name: str) -> bool:
    """A proper name: capitalised words, with the particles names carry ("of", "al-")."""
    words = name.split()
    if not 1 <= len(words) <= 8 or name.lower() in _NOT_NAMES:
        return False
    first = words[0][0].isupper() or re.match(r"[a-z]{1,3}-[A-Z]", words[0]) is not None
    return first and all(_NAME_WORD.match(word) for word in words)


def _field_items(text: str) -> Iterator[tuple[str, str, int]]:
    """(label, item, end of the field) for every item of every perpetrator field."""
    for match in _FIELD.finditer(text):
        label = match["label"].lower()
        if _SENTENCE_END.search(match["rest"]):
            continue
        yield from ((label, item, match.end()) for item in _split(match["rest"]))
        following = text[match.end() :].lstrip("\n").split("\n")
        for line in following[:3]:
            if not _CONTINUATION.match(line.strip()) or not is_name_shaped(line.strip()):
                break
            yield from ((label, item, match.end()) for item in _split(line))


def _split(value: str) -> list[str]:
    return [item.strip() for item in _ITEM_SPLIT.split(_REFS.sub("", value)) if item.strip()]
