"""Reading gold folders and extraction output files in FORMAT.md's shape."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mosaic.errors import InputError

_HEADER_LINE = re.compile(r"^[A-Z][A-Z_]*: ")


@dataclass(frozen=True)
class GoldDocument:
    """One gold file: its id, publication date, the passage it annotates and the raw dict."""

    doc_id: str
    published: str | None
    text: str
    path: Path
    data: dict[str, Any] = field(repr=False, compare=False)


def load_gold_dir(gold_dir: Path) -> list[GoldDocument]:
    """Load every gold file of a folder, sorted by file name.

    A `*.json` file counts as gold when it is an object with an "events" or "relations" key;
    others (settings, notes) are passed over. The passage is read from `text_file`,
    relative to the gold file.
    """
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "gold folder does not exist")
    documents = []
    for path in sorted(gold_dir.glob("*.json")):
        data = _read_json(path)
        if isinstance(data, dict) and ("events" in data or "relations" in data):
            check_shape(str(path), data)
            documents.append(_gold_document(path, data))
    return documents


def read_extraction_file(path: Path) -> dict[str, Any]:
    """Read one gold or system file and check its shape (lists of objects)."""
    data = _read_json(path)
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a JSON object with events and relations")
    check_shape(str(path), data)
    return data


def check_shape(source: str, data: dict[str, Any]) -> None:
    """Raise InputError unless "events", "relations" and "mentions", where present, are lists
    of objects."""
    for key in ("events", "relations", "mentions"):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise InputError(source, f'"{key}" is not a list')
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise InputError(source, f'"{key}"[{index}] is not an object')


def passage(raw: str) -> str:
    """Drop a leading header block ("URL: ...", "TITLE: ...", then a blank line), if any.

    The dev-wiki texts carry such a header; gold evidence is quoted from the passage after it.
    """
    head, separator, body = raw.partition("\n\n")
    lines = head.splitlines()
    if separator and lines and all(_HEADER_LINE.match(line) for line in lines):
        return body
    return raw


def _gold_document(path: Path, data: dict[str, Any]) -> GoldDocument:
    published = data.get("published")
    return GoldDocument(
        doc_id=str(data.get("doc_id") or path.stem),
        published=published if isinstance(published, str) else None,
        text=_read_text(path, data),
        path=path,
        data=data,
    )


def _read_text(gold_path: Path, data: dict[str, Any]) -> str:
    text_file = data.get("text_file")
    if text_file is None:
        text = data.get("text")
        return text if isinstance(text, str) else ""
    text_path = gold_path.parent / str(text_file)
    try:
        return passage(text_path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(str(gold_path), f"cannot read text_file {text_file}: {e}") from e


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise InputError(str(path), f"invalid JSON: {e.msg}", line=e.lineno) from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read: {e}") from e
