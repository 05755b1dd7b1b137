"""Actors and their mentions: the gazetteer of groups, states and people (`gazetteer`), its entity
ruler placed before spaCy's NER (`ruler`), and the linker that turns NER spans into Mentions of
known entities (`linker`), with repairs of cut or joined spans (`name_repairs`, `name_runs`), name
shapes, surnames, state actors, the parties a word stands for, and place names the NER took for
actors (`misread_places`).

Reads the Doc's entity spans; adds `Mention`s (model/mention.py) for the later stages.
"""
