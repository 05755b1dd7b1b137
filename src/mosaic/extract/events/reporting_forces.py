"""The force that tells of an act with no agent of its own, as the one that carried it out.

Police and security forces report their own arrests in the passive, naming no
arresting force: "Police said two men, detained near Quetta at the weekend, belong
to ...". For acts a force carries out itself (an event type's
`Slots.reporter_acts`), the bare force telling of the agentless act did it. So it did
where the act's only agent is the force's own pronoun or its own arms ("the army said it
had bombed a camp", "the army said its aircraft had struck the fighters"). A country
telling of an act done by "it" ("India said it had struck nine sites") did it too
(`own_act_tellers`).
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import SPEECH_VERBS
from mosaic.extract.entities.state_actors import ARMED_FORCES
from mosaic.extract.events.blame import STATE_FORCES
from mosaic.extract.text.syntax import SUBJECT_DEPS, agents, children, is_passive

STATE_ARMS = lexicon.words("events.state_arms")
"""Arms only states field here: helicopters, warplanes, artillery."""
OWN_PRONOUNS = frozenset({"it", "they", "we"})
"""A force's words for itself as the agent of the act it tells of."""
_ONE_PRONOUNS = frozenset({"it"})
"""A state's word for itself as one actor ("India said it had struck")."""
OWN_POSSESSIVES = frozenset({"its", "their", "our"})
"""A force's words for its own arms or men ("its aircraft", "our troops")."""

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
    subjects = children(trigger, *SUBJECT_DEPS)
    if agents(trigger) or (subjects and not is_passive(trigger) and not _own(subjects)):
        return None
    tellers = [s for s in _tellers(trigger) if s.lower_ in ARMED_FORCES]
    return tellers[0] if tellers else None


def own_act_tellers(trigger: Token) -> list[Token]:
    """The subjects of the verb of saying an act hangs on whose own pronoun did it ("India
    said on Wednesday it had struck nine sites", "Pakistan said it had carried out
    strikes"): the teller carried out the act it tells as its own."""
    subjects = children(trigger, "nsubj")
    if not subjects or not all(s.lower_ in _ONE_PRONOUNS for s in subjects):
        return []
    return _tellers(trigger)


def _tellers(trigger: Token) -> list[Token]:
    """The subjects of the verb of saying the act's clause hangs on, if any."""
    current = trigger
    for _ in range(_REPORT_STEPS):
        if current.head == current:
            return []
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in SPEECH_VERBS:
            return children(current, "nsubj")
    return []


def _own(subjects: list[Token]) -> bool:
    """Whether the act's subjects are only the teller's own pronoun ("it had bombed") or its
    own forces or arms ("its aircraft had struck", "their troops raided")."""
    return all(
        s.lower_ in OWN_PRONOUNS
        or (
            {s.lower_, s.lemma_.lower()} & (STATE_FORCES | STATE_ARMS)
            and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in s.children)
        )
        for s in subjects
    )
