"""Mosaic: sourced facts about militant networks, from reports to one knowledge base."""

__version__ = "0.1.0"
