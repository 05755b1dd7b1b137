"""Trained components that ship as package data (data/models/): the role-filler tagger of
attackers, targets, victims and weapons (`role_spans`), the tagger of armed groups' names the
gazetteer does not list (`actor_spans`), and the relation classifier over pairs of actors in a
sentence (`relation_classifier`).

Reads the report text; adds role spans that join the events of their sentence, and relations
the rules missed.
"""
