"""Group names and texts for the actor span tagger's distant supervision, read in place.

`scripts/train_actor_spans.py` labels every place a text names an armed group from the lists
gathered here, so the tagger sees groups named in thousands of sentences about political
violence, not only in the few gold passages:
- the UCDP actor list's rebel groups (short, original and English names);
- the MUC-4 train split's answer keys (PERP: ORGANIZATION ID), less the state forces and
  the generic fillers ("army", "death squads"), with the capitals the upper-case texts lack;
- the UN Security Council consolidated list's Al-Qaida and Taliban entities (less charities,
  firms and exchanges), whose narratives (`COMMENTS1`) are texts too.
The texts are the MUC-4 train and dev messages and the UN list's narratives. Nothing is copied.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

UN_LISTS = frozenset({"Al-Qaida", "Taliban"})
"""The UN lists whose entities are armed groups and whose narratives tell of them."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NOT_ARMED = _words(
    "foundation trust exchange charity charitable society committee company co bank relief "
    "welfare office association medical centre center institute hawala money aid humanitarian "
    "ltd establishment corporation agency fund network"
)
"""Words of a listed entity that is no armed group: a charity, a firm, an exchange."""
STATE_WORDS = _words(
    "army armed forces force military government police air navy troops soldiers regime "
    "battalion brigade guard command officers junta security intelligence cia corps staff"
)
REBEL_WORDS = _words(
    "liberation revolutionary popular people's patriotic front movement guerrilla guerrillas "
    "commando commandos revolution rebel insurgent extraditables"
)
"""A MUC-4 perpetrator with a state word and no rebel word is a state force, not a group."""
TRAILING_PEOPLE = _words(
    "guerrillas guerrilla fighters members militants terrorists rebels troops units"
)
"""Nouns a MUC-4 filler may end with that are no part of the group's name ("ELN guerrillas")."""
GLUE = _words("of the de la del los las y and for el al in")
"""Words that stay lower case inside a name ("Army of National Liberation")."""
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_BRACKETED = re.compile(r"\[([^\]]*)\]|\(([^)]*)\)")
_WORDS_ONLY = re.compile(r"[A-Za-z][\w'’ -]*[\w]")


@dataclass(frozen=True)
class SourceText:
    """A text to label: its id, its words (as the pipeline would read them) and its split."""

    doc_id: str
    text: str
    split: str


def clean_name(name: str) -> str | None:
    """A name on one line without outer punctuation, or None when it is no usable name."""
    name = " ".join(name.replace("\\", "").split()).strip(" -'\"")
    if len(name) < 3 or not _WORDS_ONLY.fullmatch(name):
        return None
    return name


def ucdp_names(path: Path) -> dict[str, list[str]]:
    """The rebel groups of the UCDP actor list: "full" English names (two to eight words,
    to swap in) and "all" their names (short ones and acronyms too, to locate)."""
    full: set[str] = set()
    every: set[str] = set()
    with path.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row["Org"] != "1":
                continue
            for column in ("NameData", "NameOrig", "NameOrigFullEng", "NewNameFullEng"):
                name = clean_name(row[column])
                if name is not None and name.lower() != "n/a":
                    every.add(name)
            english = clean_name(row["NameOrigFullEng"])
            if english is not None and 2 <= len(english.split()) <= 8:
                full.add(english)
    return {"full": sorted(full), "all": sorted(every)}


def key_names(fill: str) -> list[str]:
    """The names of one MUC-4 key fill ('"FMLN" / "FARABUNDO MARTI ... FRONT"'): each
    quoted name, and a bracketed name inside it on its own."""
    names = []
    for quoted in _QUOTED.findall(fill):
        for inner in _BRACKETED.findall(quoted):
            names.append(inner[0] or inner[1])
        names.append(_BRACKETED.sub(" ", quoted))
    return [n for n in (clean_name(_without_people(n)) for n in names) if n is not None]


def _without_people(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in TRAILING_PEOPLE:
        words.pop()
    if words and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words)


def is_state_force(name: str) -> bool:
    """A MUC-4 perpetrator that is a state's army, police or government."""
    words = set(re.split(r"[\s-]+", name.lower()))
    return bool(words & STATE_WORDS) and not words & REBEL_WORDS


def is_generic(name: str, is_common: Callable[[str], bool]) -> bool:
    """A filler that names no one group: every word an English word ("death squads",
    "extreme leftist group"), or a person's possessive ("Cristiani's")."""
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w]
    return name.lower().endswith("'s") or all(is_common(w) for w in words)


def muc4_perpetrator_names(keys_path: Path) -> list[str]:
    """The perpetrator organisations of the answer keys in `keys_path`, upper case as there,
    less the state forces."""
    names: set[str] = set()
    with keys_path.open(encoding="utf-8") as handle:
        for line in handle:
            for template in json.loads(line)["templates"]:
                for fill in template["slots"].get("PERP: ORGANIZATION ID", []):
                    names.update(key_names(fill))
    return sorted(n for n in names if not is_state_force(n))


def muc4_texts(keys_path: Path, split: str) -> Iterator[SourceText]:
    """The messages of a MUC-4 keys file, each paragraph's wrapped lines joined."""
    with keys_path.open(encoding="utf-8") as handle:
        for line in handle:
            message = json.loads(line)
            text = re.sub(r"(?<!\n)\n(?!\n)", " ", message["text"])
            yield SourceText(message["docid"], text, split)


def un_entries(path: Path) -> Iterator[ElementTree.Element]:
    """The entities and individuals of the UN list's Al-Qaida and Taliban lists."""
    root = ElementTree.parse(path).getroot()
    for section in ("ENTITIES", "INDIVIDUALS"):
        for entry in root.find(section) or ():
            if entry.findtext("UN_LIST_TYPE") in UN_LISTS:
                yield entry


def un_group_names(path: Path) -> list[str]:
    """The names and aliases of the listed entities that are armed groups."""
    names: set[str] = set()
    for entry in un_entries(path):
        if entry.findtext("REFERENCE_NUMBER", "").strip()[2:3] != "e":
            continue
        written = [entry.findtext("FIRST_NAME", "")]
        written += [a.findtext("ALIAS_NAME", "") for a in entry.findall("ENTITY_ALIAS")]
        found = [n for w in written for n in _split_aliases(w)]
        if not any(set(re.split(r"[\s-]+", n.lower())) & NOT_ARMED for n in found):
            names.update(found)
    return sorted(names)


def _split_aliases(written: str) -> list[str]:
    parts = re.split(r"\s/\s|;|\n", " ".join(written.split("\n")))
    names = []
    for part in parts:
        for inner in _BRACKETED.findall(part):
            names.append(inner[0] or inner[1])
        names.append(_BRACKETED.sub(" ", part))
    return [n for n in (clean_name(n) for n in names) if n is not None and n.isascii()]


def un_texts(path: Path) -> Iterator[SourceText]:
    """The narratives of the listed entities and individuals; one in ten is the dev split."""
    for entry in un_entries(path):
        text = " ".join(entry.findtext("COMMENTS1", "").split())
        reference = entry.findtext("REFERENCE_NUMBER", "").strip()
        if len(text) > 40:
            split = "dev" if sum(map(ord, reference)) % 10 == 0 else "train"
            yield SourceText(f"un:{reference}", text, split)


def cased(name: str, known: dict[str, str], acronyms: Iterable[str]) -> str:
    """An upper-case name as a news text writes it: its known form where a list has one,
    else acronyms in capitals, glue words in lower case, the other words capitalised."""
    form = known.get(name.lower())
    if form is not None:
        return form
    short = {a.lower() for a in acronyms}
    words = []
    for i, word in enumerate(name.split(" ")):
        lower = word.lower()
        if lower in short or any(c.isdigit() for c in word):
            words.append(word.upper())
        elif i and lower in GLUE:
            words.append(lower)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(words)
