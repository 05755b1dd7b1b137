"""Distant supervision for the relation classifier from the UN sanctions list's narratives.

The UN Security Council consolidated list (XML, read in place) tells of each entry in a
short narrative, COMMENTS1, that cites other entries by reference number: "Member of
Egyptian Islamic Jihad (QDe.003)", "Splinter group of Tehrik-e Taliban Pakistan
(QDe.132)", "Led by X (QDi.290)". Each sentence that cites an entry is given the entry it
describes as its subject ("Member of Y" -> "X is a member of Y"), and every cited name,
found just before its reference number, is written as the shipped gazetteer names its
record, so that the pipeline finds and links it as it would in a report.

Labels come from records, never from the sentence's words: a pair of mentions holds the
relation the shipped gazetteer records between its two records, in that direction. A pair
for which the gazetteer records no relation is left out rather than labelled "none": the
narratives cite an entry because it is tied to the one described, in a way the gazetteer
may not record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from mosaic.exchange.reference_lists import read_un_sanctions
from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.model import Entity

CITATION = re.compile(r"\s*\(([A-Z]{2}[ei]\.\d{3})\)")
SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
BOILERPLATE = re.compile(
    r"(INTERPOL-UN Security Council Special Notice web link:\s*\S+"
    r"|\[Old Reference #[^\]]*\]|Review pursuant to .*? \d{4}\.)"
)
ACRONYM_AFTER = r"(?:\s*\([^()]{1,15}\))?"
"""A bracketed acronym between a name and its reference: "Al-Qaida in Iraq (AQI) (QDe.115)"."""
PASSIVE_PAST = ("formed", "founded", "co-founded", "established", "created", "announced")
AS_SAID = ("belongs", "acts", "has", "had", "is", "was", "provides", "operates", "controls")
"""Verbs a narrative sentence may open with, its subject left unsaid ("Belongs to Y")."""
ITS_NOUN = re.compile(r"^(?:The|Its|Current|Former) ([\w-]+(?: [\w-]+)?) (is|was|are|were) ")


def un_narratives(path: Path, gazetteer: Gazetteer) -> list[str]:
    """The sentences citing an entry, of every entry of the list that the gazetteer knows,
    each with its subject written in and its citations written as the gazetteer's names."""
    entries = read_un_sanctions(path.read_text(encoding="utf-8"), str(path)).entities
    records = gazetteer_records(entries, gazetteer)
    found = []
    for ref, record in records.items():
        for sentence in narrative_sentences(entries[ref].description or ""):
            if CITATION.search(sentence):
                found.append(
                    with_subject(resolve_citations(sentence, entries, records), record.name)
                )
    return found


def gazetteer_records(entries: dict[str, Entity], gazetteer: Gazetteer) -> dict[str, ActorRecord]:
    """The gazetteer's record of each list entry it knows: the record citing the entry's
    reference number, else the one record going by the entry's name, where no other entry
    goes by it (the list's aliases name kindred groups too, so they are not used)."""
    cited = {un: r for r in gazetteer.records if (un := dict(r.external_ids).get("un"))}
    named: dict[str, list[str]] = {}
    for ref, entry in entries.items():
        hits = [] if ref in cited else gazetteer.lookup(entry.name)
        if len(hits) == 1 and hits[0].kind is entry.kind and hits[0] not in cited.values():
            named.setdefault(hits[0].key, []).append(ref)
    by_key = {r.key: r for r in gazetteer.records}
    found = {ref: record for ref, record in cited.items() if ref in entries}
    found.update({refs[0]: by_key[key] for key, refs in named.items() if len(refs) == 1})
    return found


def narrative_sentences(comment: str) -> Iterator[str]:
    """The narrative's sentences, without the list's boilerplate (review dates, links)."""
    text = " ".join(BOILERPLATE.sub(" ", comment).split())
    for sentence in SENTENCE_END.split(text):
        if sentence.strip():
            yield sentence.strip()


def resolve_citations(
    sentence: str, entries: dict[str, Entity], records: dict[str, ActorRecord]
) -> str:
    """The sentence with each cited name and its reference written as the gazetteer's name
    of the cited record (the name as written where the gazetteer lacks the record)."""
    for ref in dict.fromkeys(CITATION.findall(sentence)):
        entry = entries.get(ref)
        names = sorted((entry.name, *entry.aliases), key=len, reverse=True) if entry else []
        record = records.get(ref)
        for name in names:
            cited = re.compile(re.escape(name) + ACRONYM_AFTER + re.escape(f" ({ref})"), re.I)
            if cited.search(sentence):
                written = record.name if record else name
                sentence = cited.sub(lambda _, w=written: w, sentence)  # type: ignore[misc]
                break
        sentence = sentence.replace(f" ({ref})", "")
    return sentence


def with_subject(sentence: str, name: str) -> str:
    """The sentence said of `name`: "Member of Y" -> "X is a member of Y", "Led by Y" ->
    "X is led by Y", "Pledged allegiance to Y" -> "X pledged allegiance to Y", "The founder
    is Y" -> "X's founder is Y". A sentence that has a subject is kept as it is."""
    words = sentence.split()
    first = words[0].lower()
    rest = sentence[len(words[0]) :]
    if first in ("he", "she", "it"):
        return f"{name}{rest}"
    if len(words) > 1 and words[0][0].isupper() and words[1][0].isupper():
        return sentence
    if (its := ITS_NOUN.match(sentence)) is not None:
        return f"{name}'s {its.group(1).lower()} {its.group(2)} {sentence[its.end() :]}"
    if first.endswith("ed") and len(words) > 1:
        if words[1].lower() in ("by", "with", "to", "in", "as", "on", "from", "into", "for"):
            verb = "was" if first in PASSIVE_PAST else "is"
            return f"{name} {verb} {first}{rest}"
        return f"{name} {first}{rest}"
    if first in AS_SAID:
        return f"{name} {first}{rest}"
    if first in ("also", "previously", "formerly") and words[1:] and words[1].endswith("ed"):
        return f"{name} {'is' if first == 'also' else 'was'} {first}{rest}"
    if first in ("as", "in", "since", "from", "on", "previously", "also", "formerly"):
        return sentence
    article = "" if first in ("a", "an", "the") else "an " if first[0] in "aeiou" else "a "
    return f"{name} is {article}{first}{rest}"
