"""Events: one rule per event type (`rules/`: what is particular to each type, in a
registry an extension can add to), trigger lexicons (`types`), the finder that turns
triggers into EventFindings (`finder`), the slot fillers it calls (date, place, country,
agents, blame, targets), killings, follow-up claims told in later sentences (`followups`)
and the merge of one event told several times in a report (`merge`).

Reads sentences with their mentions, dates and numbers; adds `EventFinding`s.
"""
