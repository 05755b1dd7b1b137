"""Numbers of people: counts as reports state them (`counts`), which count the dead and which the
wounded (`casualties`), and a group's strength as a source estimates it (`strength`).

Reads the parse around number tokens; adds quantities (ranges with open ends) to findings.
"""
