"""WikiEvents (Li, Ji & Han, NAACL 2021) read as the five role fillers that MUC-4 scores.

WikiEvents annotates news articles with KAIROS events and their arguments, and links the
argument mentions into coreference clusters. Its documents are not from MUC-4's world
(Boston, Northern Ireland, Afghanistan, Venezuela), and their names are unknown to the
gazetteer, so they measure perpetrators, victims and weapons on reporting Mosaic was
never written against. The violent events map onto GRIT's roles, so CEAF-REE scores them
unchanged:
- PerpInd / PerpOrg: the Attacker of an attack, the Killer of a death or the Injurer of an
  injury; a person (PER) is PerpInd, a group or a state (ORG, GPE) PerpOrg;
- Victim: a person the attack targets, and the Victim of a death or injury that the text
  ties to violence (the event names a killer, injurer or instrument, or its sentence tells
  an attack), so deaths from illness do not count;
- Target: what else an attack targets (buildings, vehicles, places);
- Weapon: the attack's Instrument or ExplosiveDevice.
Each gold entity is the coreference cluster of its argument, as mention strings. Unlike
MUC-4's keys, victims include people described ("a major general", "people"), so the
predicted victims are every target that is a person or a description of people (whose head
is among MUC-4's `HUMAN_NOUNS`; one whose head the list lacks, "guests", counts as a Target).

WikiEvents marks each argument by its head word ("general" in "a Russian major general"),
where Mosaic names whole phrases, so both sides are scored by head word (`heads`): the last
word before any preposition or comma, as `normalise_mention` writes it. Numbers and pronouns
that stand for victims in the gold ("23", "they") are never predicted and cost recall.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mosaic.errors import InputError
from mosaic.evaluation.json_lines import json_records
from mosaic.evaluation.muc4.ceaf_ree import ROLES, normalise_mention
from mosaic.evaluation.muc4.lexicon import HUMAN_NOUNS, last_word
from mosaic.evaluation.muc4.roles import (
    incident_events,
    perpetrator_role,
    surface_form,
    without_parts,
)
from mosaic.model import EntityKind, EntityRef, ReportExtraction

SPLITS = ("dev", "test")
"""The splits on disk (the training split was not published with the data)."""

ATTACK = "Conflict.Attack"
HARM = ("Life.Die", "Life.Injure")
PERPETRATOR_ROLES = frozenset({"Attacker", "Killer", "Injurer"})
WEAPON_ROLES = frozenset({"Instrument", "ExplosiveDevice"})
PERSON_TYPES = frozenset({"PER"})
_VOA_DATE = re.compile(r"_VOA_EN_NW_(\d{4})\.(\d{2})\.(\d{2})\.")
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’")
_HEAD_END = re.compile(r"[,;(]|\s(?:in|of|at|on|from|with|near|for|by|outside|inside)\s", re.I)


@dataclass(frozen=True)
class WikiEventsDocument:
    """One article: its text as sentences rebuilt, its date where its id gives one, its gold."""

    doc_id: str
    text: str
    published: dt.date | None
    gold: dict[str, list[list[str]]]


def load_split(data_dir: Path, split: str) -> list[WikiEventsDocument]:
    """The documents of `split` with their gold role fillers, in the file's order."""
    if split not in SPLITS:
        raise InputError(split, f"unknown WikiEvents split; expected one of {', '.join(SPLITS)}")
    clusters = dict(_read_clusters(data_dir / "coref" / f"{split}.jsonlines"))
    return [
        WikiEventsDocument(
            doc["doc_id"],
            document_text(doc["sentences"]),
            publication_date(doc["doc_id"]),
            gold_fillers(doc, clusters.get(doc["doc_id"], [])),
        )
        for doc in _read_documents(data_dir / f"{split}.jsonl")
    ]


def document_text(sentences: Iterable[Any]) -> str:
    """The sentences joined into one text: a line break after one with no closing mark (a
    headline, a caption), so that it stays a sentence of its own; a space otherwise."""
    text = ""
    for _tokens, sentence in sentences:
        if text:
            text += " " if text.rstrip().endswith(_SENTENCE_END) else "\n\n"
        text += sentence.strip()
    return text


def publication_date(doc_id: str) -> dt.date | None:
    """The date a Voice of America article's id carries; None for the others."""
    match = _VOA_DATE.search(doc_id)
    return dt.date(*map(int, match.groups())) if match else None


def gold_fillers(doc: Mapping[str, Any], clusters: list[list[str]]) -> dict[str, list[list[str]]]:
    """Role -> gold entities (each its cluster's mention strings) of one document."""
    mentions = {m["id"]: m for m in doc["entity_mentions"]}
    cluster_of = {member: tuple(c) for c in clusters for member in c}
    attack_sentences = {
        e["trigger"]["sent_idx"]
        for e in doc["event_mentions"]
        if e["event_type"].startswith(ATTACK)
    }
    fillers: dict[str, dict[tuple[str, ...], list[str]]] = {role: {} for role in ROLES}
    for event in doc["event_mentions"]:
        for argument in event["arguments"]:
            mention = mentions[argument["entity_id"]]
            role = gold_role(event, argument["role"], mention["entity_type"], attack_sentences)
            if role is not None:
                members = cluster_of.get(mention["id"], (mention["id"],))
                fillers[role][members] = [mentions[m]["text"] for m in members if m in mentions]
    return {role: list(entities.values()) for role, entities in fillers.items()}


def gold_role(
    event: Mapping[str, Any], role: str, entity_type: str, attack_sentences: set[int]
) -> str | None:
    """The MUC-4 role an argument of a KAIROS event fills; None where it fills none."""
    kind = event["event_type"]
    if not kind.startswith((ATTACK, *HARM)):
        return None
    if role in PERPETRATOR_ROLES:
        return "PerpInd" if entity_type in PERSON_TYPES else "PerpOrg"
    if role in WEAPON_ROLES:
        return "Weapon"
    if role == "Target" and kind.startswith(ATTACK):
        return "Victim" if entity_type in PERSON_TYPES else "Target"
    if role == "Victim" and _violent(event, attack_sentences):
        return "Victim"
    return None


def _violent(event: Mapping[str, Any], attack_sentences: set[int]) -> bool:
    roles = {argument["role"] for argument in event["arguments"]}
    return bool(roles & (PERPETRATOR_ROLES | WEAPON_ROLES)) or (
        event["trigger"]["sent_idx"] in attack_sentences
    )


def predicted_fillers(extraction: ReportExtraction, text: str) -> dict[str, list[list[str]]]:
    """Mosaic's role fillers of one article: every attack's and killing's perpetrators,
    targets and weapons, each entity once per role in the form the article writes it."""
    fillers: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    seen: set[tuple[str, str]] = set()
    for event in incident_events(extraction):
        found = [(perpetrator_role(ref), ref) for ref in event.perpetrators]
        found += [(target_role(ref), ref) for ref in event.targets]
        forms = [(role, surface_form(ref, extraction, text)) for role, ref in found if role]
        forms += [("Weapon", weapon) for weapon in event.weapons]
        for role, form in forms:
            key = (role, normalise_mention(form))
            if key[1] and key not in seen:
                seen.add(key)
                fillers[role].append([form])
    return {role: without_parts(entities) for role, entities in fillers.items()}


def target_role(ref: EntityRef) -> str | None:
    """Victim for a person or people described, Target for a thing; None for a place."""
    if ref.kind is EntityKind.PLACE:
        return None
    if ref.kind is EntityKind.PERSON or last_word(ref.name) in HUMAN_NOUNS:
        return "Victim"
    return "Target"


def heads(fillers: Mapping[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    """The fillers with each mention cut to its head word, entities left as they are."""
    return {
        role: [[head_word(mention) for mention in entity] for entity in entities]
        for role, entities in fillers.items()
    }


def head_word(mention: str) -> str:
    """The head of a noun phrase: its last word before a preposition, comma or bracket
    ("Camp Shorabak in Helmand Province" -> "shorabak"), in `normalise_mention`'s form."""
    words = normalise_mention(_HEAD_END.split(mention, maxsplit=1)[0]).split()
    return words[-1] if words else ""


def _read_documents(path: Path) -> Iterator[dict[str, Any]]:
    for _number, record in json_records(path, "doc_id"):
        yield record


def _read_clusters(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    for _number, entry in json_records(path, "doc_key"):
        yield entry["doc_key"], entry["clusters"]
