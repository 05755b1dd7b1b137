"""Whether a name stands in a location's position in the parse.

"in Kabul", "near the town of Attock", "the Kerman attack" and "Kabul,
Afghanistan" are locations; "Pakistan's consulate" (a possessor), "militants
from Xinjiang" (an origin) and "Kabul is not making progress" (a subject) are
not. Events take their place only from locations, and a name the NER labels a
person ("Abbottabad") counts as a place only in a location's position.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.events.types import entry_for
from mosaic.extract.text.syntax import COORDINATE_DEPS, LOCATING_MODIFIER_DEPS, PLACE_LABELS
from mosaic.extract.text.words import HYPHENS

LOCATIVE_PREPS = lexicon.words("places.locative_preps")  # fmt: skip
PLACE_NOUNS = lexicon.words("places.place_nouns")  # fmt: skip
MOTION_VERBS = lexicon.words("places.motion_verbs")  # fmt: skip
"""Verbs whose "to X" is a destination ("flew to Islamabad"), not a recipient."""
HOME_NOUNS = lexicon.words("places.home_nouns")  # fmt: skip
"""People a place name before them says the home of ("a Kunduz politician", "Herat residents"):
where an attack on them happened when nothing else says."""
_MAX_DEPTH = 3


def is_place_noun(token: Token) -> bool:
    """A common noun for a place ("city", "area") or a token of a place name."""
    return token.lemma_.lower() in PLACE_NOUNS or token.ent_type_ in PLACE_LABELS


def _takes_place(token: Token) -> bool:
    """ "invasion of X", "seizure of X": an operation whose object is a place."""
    entry = entry_for(token)
    return entry is not None and rule_for(entry.type).report.place_object


def is_locative(token: Token, depth: int = 0) -> bool:
    """Whether the token (a name's head) stands where a location stands."""
    dep, head = token.dep_, token.head
    if depth > _MAX_DEPTH or head == token:
        return False
    if dep == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return not is_origin(token)
    if dep == "pobj" and head.lower_ == "to":
        return head.head.lemma_.lower() in MOTION_VERBS
    if dep == "pobj" and head.lower_ == "of":
        return is_place_noun(head.head) or _takes_place(head.head)
    if dep == "compound" and is_home_modifier(token):
        return True
    if dep in LOCATING_MODIFIER_DEPS:
        return (
            entry_for(head) is not None
            or (is_place_noun(head) and is_locative(head, depth + 1))
            or (head.dep_ == "compound" and is_locative(head, depth + 1))  # "X Bomb Blasts"
        )
    return dep in COORDINATE_DEPS and is_locative(head, depth + 1)


def is_origin(token: Token) -> bool:
    """Whether the token (a name's head) says where someone came from, not where the event
    happened: "militants from X", and a locative phrase after "from" ("launched from inside
    X", "fired from across X")."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ == "from" or (prep.dep_ == "prep" and prep.head.lower_ == "from")


def is_home_modifier(token: Token) -> bool:
    """ "a Kunduz politician": a name before a person noun, naming the person's home."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in HOME_NOUNS


def describes_person(token: Token) -> bool:
    """ "X, an analyst in Dhaka, says": a place in the description set beside a name, which
    says where the person is, not where the event told happened."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    noun = token.head.head
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return noun.dep_ == "appos" and noun.head.pos_ == "PROPN"


def is_location_span(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens `start`..`end` name a location, not an adjective ("Afghanistan-based")."""
    if end < len(doc) and doc[end].text in HYPHENS:
        return False
    return is_locative(doc[start:end].root)
