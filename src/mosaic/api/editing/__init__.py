"""Analysts' edits of the knowledge base over HTTP.

Review decisions, corrections, entity merges and splits, each reversible.
"""
