"""Deterministic identifiers, so that re-running the same work writes the same records."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def digest(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, stable across runs and machines."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def content_hash(text: str, owner: str | None = None) -> str:
    """The hash that decides exact duplicates: whitespace-normalised text, and the
    organisation that holds it when one is named (each keeps its own copy)."""
    normalised = " ".join(text.split())
    held = normalised if owner is None else f"{owner}\x1f{normalised}"
    return hashlib.sha256(held.encode("utf-8")).hexdigest()


def slugify(name: str) -> str:
    """ASCII lower-case slug: "Tehreek-i-Taliban Pakistan" -> "tehreek-i-taliban-pakistan"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or digest(name, length=8)
