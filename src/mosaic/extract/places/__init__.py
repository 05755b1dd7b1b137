"""Places: the place table and geocoder shipped in data/places (`table`), the parse tests of
whether a name stands as a location (`locations`, `place_names`), and of where a name no
table lists is a place's and what place holds it (`place_slots`), the place a report's
dateline names (`datelines`), and that dateline kept out of the lead's parse
(`dateline_parse`, a spaCy component after the parser).

Reads GPE/LOC/FAC mentions; adds geocoded place mentions with a country.
"""
