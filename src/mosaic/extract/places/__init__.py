"""Places: the place table and geocoder shipped in data/places (`table`), and the parse tests of
whether a name stands as a location (`locations`, `place_names`).

Reads GPE/LOC/FAC mentions; adds geocoded place mentions with a country.
"""
