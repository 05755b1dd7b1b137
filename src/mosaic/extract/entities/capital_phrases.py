"""A country's capital named by what it is, not by its name: "the Afghan capital",
"Pakistan's capital", "the capital of Iraq". Wire copy names the city once and then says
"the capital", or never names it at all; read as the country alone, the event told there
had no town. Where the place table knows the capital (`capitals.tsv`), the phrase is a
mention of the city; where the text names the city beside it ("the Afghan capital, Kabul"),
the name is the place and the phrase is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.misread_places import place_mention
from mosaic.extract.places.locations import is_place_noun
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.syntax import NOUN_POS

CAPITAL_NOUNS = lexicon.words("places.capital_nouns")
_NAME_REACH = 2
"""How near after the phrase the city's own name may stand (", Kabul")."""
_COUNTRY_ROLES = (Role.COUNTRY, Role.DEMONYM)


def capital_mentions(
    doc: Doc, mentions: Sequence[EntityMention], places: PlaceTable
) -> list[EntityMention]:
    """The mentions, each country or demonym that names a capital by what it is replaced by a
    mention of the capital spanning the phrase."""
    result = list(mentions)
    for index, mention in enumerate(mentions):
        if mention.role not in _COUNTRY_ROLES or mention.country is None:
            continue
        capital = places.capital(mention.country)
        phrase = _capital_phrase(doc, mention)
        if capital is None or phrase is None or _named_beside(phrase, mentions):
            continue
        result[index] = place_mention(phrase, capital)
    return result


def _capital_phrase(doc: Doc, mention: EntityMention) -> Span | None:
    """ "Afghan capital" or "Pakistan's capital" (the country first), "capital of Iraq"."""
    after = mention.end
    if after < len(doc) and doc[after].tag_ == "POS":
        after += 1
    if after < len(doc) and _is_capital(doc[after]):
        return Span(doc, mention.start, after + 1, label="GPE")
    noun = mention.start - 2
    owns = after > mention.end  # "the capital of China's Xinjiang region": the region's
    if noun >= 0 and doc[mention.start - 1].lower_ == "of" and _is_capital(doc[noun]) and not owns:
        return Span(doc, noun, mention.end, label="GPE")
    return None


def _is_capital(token: Token) -> bool:
    """The capital noun heading its phrase ("the Afghan capital city" too): not "capital
    punishment", "capital markets"."""
    if token.lower_ not in CAPITAL_NOUNS:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.pos_ not in NOUN_POS or is_place_noun(following)


def _named_beside(phrase: Span, mentions: Sequence[EntityMention]) -> bool:
    """Whether a place's own name follows the phrase closely ("the Afghan capital, Kabul")."""
    return any(
        m.role is Role.PLACE and phrase.end <= m.start <= phrase.end + _NAME_REACH for m in mentions
    )
