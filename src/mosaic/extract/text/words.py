"""Small closed word classes that rules of several packages test: articles and hyphens."""

from __future__ import annotations

from mosaic.extract import lexicon

ARTICLES = lexicon.words("text.articles")
HYPHENS = lexicon.words("text.hyphens")
"""The hyphen and en dash, as written between numbers or names ("10-15")."""
