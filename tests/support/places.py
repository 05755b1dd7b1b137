"""A place for the small tables extraction tests build."""

from __future__ import annotations

from mosaic.extract.places.table import Place


def make_place(
    key: str, name: str, country: str, feature: str, aliases: tuple[str, ...] = ()
) -> Place:
    """A place with placeholder coordinates and no admin1."""
    return Place(key, name, aliases, country, None, feature, 30.0, 70.0)
