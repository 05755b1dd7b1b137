"""Who a report quotes: the speaker of a sentence ("police said", "according to a UN report").

Reads a sentence's parse; adds the `attributed_to` of the statements made from it.
"""
