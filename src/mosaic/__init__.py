"""Mosaic: sourced facts about militant networks, from reports to one knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mosaic.research import KnowledgeBase

__version__ = "0.1.0"


def open(url: str | None = None) -> KnowledgeBase:
    """The knowledge base at `url` as pandas tables and a networkx graph (`mosaic.research`).

    Imported on first use, so that the command line does not load pandas.
    """
    from mosaic.research import open as open_research

    return open_research(url)
