"""Small closed word classes that rules of several packages test: articles, hyphens and the
numbers written as words."""

from __future__ import annotations

from mosaic.extract import lexicon

INDEFINITE_ARTICLES = lexicon.words("text.indefinite_articles")
ARTICLES = INDEFINITE_ARTICLES | lexicon.words("text.definite_article")
NUMBER_WORDS = {word: n for n, word in enumerate(lexicon.ordered("text.number_words"), 1)}
"""The small numbers written as words ("two days later"), with their values."""
HYPHENS = lexicon.words("text.hyphens")
"""The hyphen and en dash, as written between numbers or names ("10-15")."""
