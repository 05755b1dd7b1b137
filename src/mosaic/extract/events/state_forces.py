"""State forces named without their state, as the state whose forces they are.

Reports tell a state's operations through its forces and arms without naming the
state: "security forces raided a compound", "commandos stormed the hotel",
"military helicopters and warplanes were pounding rebel positions". With no
nationality or named unit in the phrase, the forces are those of the country the
report is about (the caller's home force). A force telling of a fight it had a
part in, "the military says 40 militants were killed", is the side that fought
it: the state it belongs to, named ("the Malian military") or not.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.state_actors import ARMED_FORCES, state_actor
from mosaic.extract.events.blame import STATE_FORCES
from mosaic.extract.events.reporting_forces import STATE_ARMS, force_teller
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import IDENTITY_LABELS, with_conjuncts

_STATE_ROLES = (Role.STATE, Role.COUNTRY, Role.DEMONYM)
_OWNER_DEPS = ("poss", "compound", "amod", "nmod")
OWNER_LABELS = IDENTITY_LABELS | {"ORG"}
"""Entity labels of a modifier that says whose a force is ("Kenyan", "NSG")."""


def unnamed_forces(heads: Sequence[Token], context: SentenceContext) -> list[Token]:
    """The agents that are a state's forces or arms with nothing saying whose ("security
    forces", "government troops", "commandos", "military helicopters and warplanes"); not
    "Kenyan commandos", "the group's fighters" nor a named unit."""
    found = with_conjuncts(heads)
    return [h for h in found if _force_word(h) and not _owned(h, context)]


def _force_word(token: Token) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    return bool(words & (STATE_FORCES | STATE_ARMS))


def _owned(head: Token, context: SentenceContext) -> bool:
    """Whether a modifier of the force says whose it is: a name, a nationality, a possessor."""
    if context.mention_at(head) is not None:
        return True
    modifiers = [t for c in head.lefts if c.dep_ in _OWNER_DEPS for t in c.subtree]
    return any(
        t.dep_ == "poss" or t.ent_type_ in OWNER_LABELS or context.mention_at(t) is not None
        for t in modifiers
    )  # fmt: skip


def only_unnamed_forces(mentions: Sequence[EntityMention]) -> bool:
    """Whether every perpetrator found is a force described with no state ("security
    forces"): a state body with no country."""
    return all(m.role is Role.STATE and m.country is None for m in mentions)


def telling_state(
    trigger: Token, context: SentenceContext, places: PlaceTable
) -> tuple[EntityMention | None, Token | None]:
    """The state whose forces tell of the agentless act ("the Pakistani military says 80
    militants were killed": Pakistan), else the bare force telling of it ("the army says
    ..."), for the caller to take as the home force; (None, None) if no force tells of it."""
    teller = force_teller(trigger)
    if teller is None or teller.lower_ not in ARMED_FORCES:
        return None, None
    for mention in context.mentions_in(list(teller.subtree)):
        if mention.role is Role.STATE and mention.country is not None:
            return mention, None
        if mention.role in _STATE_ROLES:
            state = state_actor(mention, context.doc, places, noun_needed=True)
            if state is not None:
                return state, None
    bare = all(c.lower_ == "the" for c in teller.lefts)
    return None, teller if bare else None
