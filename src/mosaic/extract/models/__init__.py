"""Trained components that ship as package data (data/models/): the role-filler tagger of
attackers, targets, victims and weapons (`role_spans`) and the tagger of armed groups'
names the gazetteer does not list (`actor_spans`).

Reads the report text; adds role spans that join the events of their sentence.
"""
