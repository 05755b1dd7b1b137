"""Dates: one date phrase read (`phrases`) and every DATE span of a document normalised against
the publication date and the narrative's year (`document`).

Reads the Doc's DATE spans; adds `DateValue`s with their precision, keyed by span.
"""
