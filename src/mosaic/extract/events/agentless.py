"""The state that did an act only states do, told with no agent.

"Three of his companions were arrested", "the group was banned in February", "two suspects
had been detained after the blast": an arrest or a ban told in the passive, with no one
named as doing it, was done by a state: the state force the report told of just before
("Philippine police killed the leader ... Three of his companions were arrested"; "... the
Counter Terrorism Department said. Officers arrested two suspects at the scene"), where it
is the country's the act happened in or none is known; else the state of that country ("has
been banned in Pakistan", "detained in Baksan"); else the report's own (`Slots.agentless_state`).
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.state_actors import state_actor
from mosaic.extract.events.state_bodies import CIVIL_FORCES
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import is_passive

STATE_PERSONNEL = lexicon.words("events.state_personnel")
"""A force's people by their trade ("officers", "investigators")."""
_OWNER_DEPS = ("poss", "compound", "amod", "nmod")
TOLD_BEFORE_CHARS = 600
"""How far before the act's sentence a state force told of may have done it (a few
sentences of one paragraph)."""


def is_agentless(trigger: Token, agents: list[Token]) -> bool:
    """A passive act with nobody in an agent's position ("were arrested", "is banned"), or
    one whose agents are only a force's people with nothing saying whose ("officers
    arrested two suspects")."""
    if agents:
        return all(_personnel(a) for a in agents)
    return trigger.pos_ == "VERB" and is_passive(trigger)


def _personnel(agent: Token) -> bool:
    owned = any(c.dep_ in _OWNER_DEPS for c in agent.children)
    return agent.lower_ in STATE_PERSONNEL and not owned


def country_state(at: Token, iso2: str, places: PlaceTable) -> EntityMention | None:
    """The state of the country the act happened in, as a mention over the act's word."""
    country = places.country(iso2)
    if country is None:
        return None
    span = (at.i, at.i + 1, at.idx, at.idx + len(at.text), at.text, "DESC")
    return EntityMention(*span, Role.STATE, country.ref(), iso2, "country")


def state_told_before(context: SentenceContext, places: PlaceTable) -> EntityMention | None:
    """The state force or body named last in the sentences just before the act's."""
    start = context.sent.start_char
    before = [
        m for m in context.doc_mentions
        if start - TOLD_BEFORE_CHARS <= m.start_char < start
    ]  # fmt: skip
    for mention in reversed(before):
        if mention.role is Role.STATE and mention.country is not None:
            return mention
        if mention.role in (Role.COUNTRY, Role.DEMONYM):
            state = state_actor(mention, context.doc, places, noun_needed=True)
            if state is not None:
                return state
    return None


def force_told_near(context: SentenceContext) -> Token | None:
    """The civil force a report told of by its bare noun around the act ("Police arrested
    the leader ... Six other members had been picked up", "had been detained, a police
    spokesman said"): its noun last named in the act's sentence or those just before it,
    outside any name ("the Sindh Police" is that force's own)."""
    earliest = context.sent.start_char - TOLD_BEFORE_CHARS
    named = {i for m in context.doc_mentions for i in range(m.start, m.end)}
    for token in reversed(context.doc[: context.sent.end]):
        if token.idx < earliest:
            return None  # read back from the sentence's end, no further than the window
        if token.lower_ in CIVIL_FORCES and token.i not in named:
            return token
    return None
