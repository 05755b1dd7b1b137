"""An ingested article, note or document, kept with its original bytes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mosaic.model.ids import content_hash
from mosaic.model.marking import DEFAULT_MARKING, LOCAL_ORGANISATION, Marking


@dataclass
class Report:
    """One report: its extracted text plus what is known of where it came from.

    `id` is the content hash's first 16 hex digits, so the same text read twice
    is the same report whatever file it came in. An organisation other than the
    local one holds its own copy: its name is part of the hash, so that ingesting
    a text another organisation holds tells nothing of it. Give a report another
    owner with `dataclasses.replace`, which computes both again.
    """

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    source_path: str | None = None
    media_type: str = "text/plain"
    original: bytes | None = None
    marking: Marking = DEFAULT_MARKING
    content_hash: str = field(init=False)
    id: str = field(init=False)

    def __post_init__(self) -> None:
        owner = self.marking.owner
        self.content_hash = content_hash(self.text, None if owner == LOCAL_ORGANISATION else owner)
        self.id = self.content_hash[:16]

    @property
    def word_count(self) -> int:
        return len(self.text.split())
