"""How far a place name's words reach around an entity the NER cut short.

The NER often ends a place name early or starts it late: "Mazar" of "Mazar-e-Sharif",
"Ismail Khan" of "Dera Ismail Khan". A run is the capitalised words and the hyphen
pieces that join them ("-e-", "-ul-") next to the entity, within its sentence; the
linker then looks for the longest part of the run that names a known place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import ACTOR_LABELS, PLACE_LABELS

_JOINTS = lexicon.words("entities.joints")
_NAME_WORD_LABELS = PLACE_LABELS | ACTOR_LABELS
"""Entities a free name word may belong to: places and actors (or none)."""
"""Hyphen pieces that join the words of a place name ("Mazar-e-Sharif", "Dar-ul-Aman")."""
_RUN = 5
"""At most this many tokens a place name may reach beyond the entity on each side."""


def is_joint(token: Token) -> bool:
    """A hyphen, or a lower-case piece that joins a place name's words ("e", "ul")."""
    return (token.lower_ in _JOINTS and token.text.islower()) or token.text == "-"


def _is_name_word(token: Token) -> bool:
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.is_stop
        and not token.ent_id_
        and (not token.ent_type_ or token.ent_type_ in _NAME_WORD_LABELS)
    )


def _hyphened(doc: Doc, i: int) -> bool:
    """Whether token `i` is a hyphen or connector written with no space on either side."""
    if not is_joint(doc[i]) or doc[i].whitespace_ or i == 0 or doc[i - 1].whitespace_:
        return False
    return doc[i].text == "-" or (
        doc[i - 1].text == "-" and i + 1 < len(doc) and doc[i + 1].text == "-"
    )


def name_run_end(doc: Doc, end: int, limit: int) -> int:
    """How far the name words and hyphen pieces after token `end` reach."""
    i = end
    while i < min(limit, end + _RUN):
        if _hyphened(doc, i) or (
            _is_name_word(doc[i]) and (doc[i - 1].whitespace_ or doc[i - 1].text == "-")
        ):
            i += 1
        else:
            break
    while i > end and is_joint(doc[i - 1]):
        i -= 1
    return i


def name_run_start(doc: Doc, start: int, limit: int) -> int:
    """How far the name words and hyphen pieces before token `start` reach."""
    i = start
    while i > max(limit, start - _RUN):
        token = doc[i - 1]
        if _hyphened(doc, i - 1) or (
            _is_name_word(token) and (token.whitespace_ or doc[i].text == "-")
        ):
            i -= 1
        else:
            break
    while i < start and is_joint(doc[i]):
        i += 1
    return i
