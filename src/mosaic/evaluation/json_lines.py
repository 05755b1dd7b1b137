"""Reading the JSON-lines files of the benchmark corpora (MUC-4's keys and GRIT's gold,
WikiEvents' documents and coreference), with errors that name the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mosaic.errors import InputError


def json_records(path: Path, id_field: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each non-blank line of `path`; each record must be an
    object whose `id_field` is a string."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(str(path), f"not JSON: {e.msg}", line=number) from e
        if not isinstance(record, dict) or not isinstance(record.get(id_field), str):
            raise InputError(str(path), f"expected an object with a string {id_field}", line=number)
        yield number, record
