"""Relations between actors: one rule per relation type (`rules/`: its roles, patterns and
endings, in a registry), role nouns (`nouns`), verbs and event nouns (`verbs`), one side's
view of another (`regard`: "considers Y an enemy"), groups founded by those who left
another (`offshoots`), hyphenated participles before a name ("the Taliban-allied X";
`compounds`), possessive references (`refs`), successions, infobox lines and the
date a relation takes from its context; the finder (`finder`) runs them over a report.

Reads sentences with their mentions and dates; adds `RelationFinding`s.
"""
