"""The force that tells of an act with no agent of its own, as the one that carried it out.

Police and security forces report their own arrests in the passive, naming no
arresting force: "Police said two men, detained near Quetta at the weekend, belong
to ...". For acts a force carries out itself (an event type's
`Slots.reporter_acts`), the bare force telling of the agentless act did it.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract.attribution.speakers import SPEECH_VERBS
from mosaic.extract.entities.state_actors import ARMED_FORCES
from mosaic.extract.text.syntax import SUBJECT_DEPS, agents, children, is_passive

_REPORT_STEPS = 4
"""Links from an agentless participle up to the verb of saying its clause hangs on."""


def reporting_force(trigger: Token) -> Token | None:
    """ "Police said two men, detained at the weekend, belong to ...": a bare force telling of
    an act with no agent of its own ("the police", not "Indonesian police", which names a state
    already)."""
    teller = force_teller(trigger)
    if teller is None or not all(c.lower_ == "the" for c in teller.lefts):
        return None
    return teller


def force_teller(trigger: Token) -> Token | None:
    """The force ("police", "the Pakistani military") that tells of an act with no agent of its
    own: the subject of the verb of saying the act's clause hangs on."""
    if agents(trigger) or (children(trigger, *SUBJECT_DEPS) and not is_passive(trigger)):
        return None
    current = trigger
    for _ in range(_REPORT_STEPS):
        if current.head == current:
            return None
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in SPEECH_VERBS:
            tellers = [s for s in children(current, "nsubj") if s.lower_ in ARMED_FORCES]
            return tellers[0] if tellers else None
    return None
