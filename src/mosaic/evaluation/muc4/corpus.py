"""Reading the MUC-4 splits: GRIT's role-filler gold plus the full answer keys.

A split is read from two files that describe the same documents: GRIT's processed JSON
lines (`grit_processed/<split>.json`: docid, a lower-cased `doctext` without the dateline,
and `extracts`, the gold role fillers with character offsets) and the JSONL conversion of
the 1992 answer keys (`keys_json/<part>.jsonl`: docid, the original text with its dateline,
in capitals or, for TST4, mixed case, and every slot of every relevant template as raw
strings). The role fillers are scored with CEAF-REE; the key templates give incident date,
location and human-target effects.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mosaic.errors import InputError
from mosaic.evaluation.json_lines import json_records
from mosaic.evaluation.muc4.ceaf_ree import ROLES

SPLITS: dict[str, tuple[str, ...]] = {
    "train": ("dev",),
    "dev": ("tst1", "tst2"),
    "test": ("tst3", "tst4"),
}
"""Split name -> the keys_json parts it is made of (GRIT's dev is TST1+TST2, test TST3+TST4)."""

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?\s+(\d{2}|\d{4})\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b([A-Z]{3})[A-Z]*\.?\s+(\d{1,2}),?\s+(\d{2}|\d{4})\b", re.IGNORECASE)


@dataclass(frozen=True)
class KeyTemplate:
    """One relevant answer-key template: its number, whether it is optional, its raw slots."""

    number: str
    optional: bool
    slots: dict[str, tuple[str, ...]]

    def slot(self, name: str) -> tuple[str, ...]:
        """The fills of slot `name` ("INCIDENT: DATE"); () when the key leaves it out."""
        return self.slots.get(name, ())


@dataclass(frozen=True)
class Muc4Document:
    """One MUC-4 message with its gold role fillers and its answer-key templates."""

    doc_id: str
    text: str
    grit_text: str
    gold: dict[str, tuple[tuple[str, ...], ...]]
    templates: tuple[KeyTemplate, ...]

    @property
    def dateline(self) -> dt.date | None:
        return dateline_date(self.text)


def grit_number(doc_id: str) -> str:
    """The numeric id GRIT's and GTT's prediction files use: TST3-MUC4-0002 -> "30002"."""
    part, _, number = doc_id.rpartition("-")
    try:
        return str(int(part.split("-")[0][-1]) * 10000 + int(number))
    except (ValueError, IndexError) as e:
        raise InputError(doc_id, "not a MUC-4 message id") from e


def dateline_date(text: str) -> dt.date | None:
    """The date of the dateline ("SAN SALVADOR, 16 NOV 89 (RADIO) --"); None when undated."""
    head = text[:200].split("--", 1)[0]
    for pattern, order in ((_DAY_MONTH, (0, 1, 2)), (_MONTH_DAY, (1, 0, 2))):
        match = pattern.search(head)
        if match:
            day, month, year = (match.group(i + 1) for i in order)
            found = _date(day, month, year)
            if found:
                return found
    return None


def _date(day: str, month: str, year: str) -> dt.date | None:
    if month.upper() not in MONTHS:
        return None
    full_year = int(year) + (1900 if len(year) == 2 else 0)
    try:
        return dt.date(full_year, MONTHS.index(month.upper()) + 1, int(day))
    except ValueError:
        return None


def read_grit_split(path: Path) -> dict[str, tuple[str, dict[str, tuple[tuple[str, ...], ...]]]]:
    """docid -> (GRIT's lower-cased text, gold role fillers as mention strings, offsets dropped)."""
    documents: dict[str, tuple[str, dict[str, tuple[tuple[str, ...], ...]]]] = {}
    for number, record in json_records(path, "docid"):
        extracts = record.get("extracts")
        if not isinstance(extracts, dict):
            raise InputError(str(path), "no extracts object", line=number)
        gold = {
            role: tuple(
                tuple(str(mention[0]) for mention in entity)
                for entity in extracts.get(role, [])
                if entity
            )
            for role in ROLES
        }
        documents[record["docid"]] = (str(record.get("doctext", "")), gold)
    return documents


def read_keys(path: Path) -> dict[str, tuple[str, tuple[KeyTemplate, ...]]]:
    """docid -> (original text, relevant key templates) from one keys_json file."""
    documents: dict[str, tuple[str, tuple[KeyTemplate, ...]]] = {}
    for number, record in json_records(path, "docid"):
        templates = record.get("templates", [])
        if not isinstance(templates, list):
            raise InputError(str(path), "templates is not a list", line=number)
        documents[record["docid"]] = (
            str(record.get("text", "")),
            tuple(_template(t) for t in templates),
        )
    return documents


def _template(raw: dict[str, Any]) -> KeyTemplate:
    number = str(raw.get("template_no", ""))
    slots = {str(k): tuple(str(v) for v in values) for k, values in raw.get("slots", {}).items()}
    optional = "OPTIONAL" in number or any(
        "OPTIONAL" in v for v in slots.get("MESSAGE: TEMPLATE", ())
    )
    return KeyTemplate(number=number.split()[0] if number else "", optional=optional, slots=slots)


def load_split(data_dir: Path, split: str) -> list[Muc4Document]:
    """The documents of `split` (train, dev or test) in GRIT's order, from a muc4 data folder."""
    if split not in SPLITS:
        raise InputError(split, f"unknown MUC-4 split; expected one of {', '.join(SPLITS)}")
    grit = read_grit_split(data_dir / "grit_processed" / f"{split}.json")
    keys: dict[str, tuple[str, tuple[KeyTemplate, ...]]] = {}
    for part in SPLITS[split]:
        keys.update(read_keys(data_dir / "keys_json" / f"{part}.jsonl"))
    missing = sorted(set(grit) - set(keys))
    if missing:
        raise InputError(str(data_dir / "keys_json"), f"no key entry for {missing[0]}")
    return [
        Muc4Document(doc_id, keys[doc_id][0], grit_text, gold, keys[doc_id][1])
        for doc_id, (grit_text, gold) in grit.items()
    ]
