"""Tolls told of a weapon named again, as figures of the event that used it.

A report tells a strike first ("the air force dropped its heaviest bomb on the
valley") and its toll later, often as someone's claim and with the weapon as
the killer: "the rebels deny army claims that the bomb killed 40 fighters".
That sentence names no event of its own; "the bomb" points back to the one
introduced before (not with "the"), so its dead are that strike's, stated by
whoever the sentence says gave them, beside any other figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from mosaic.extract.events.killings import is_kill_word
from mosaic.extract.events.types import DROPPED_ARMS
from mosaic.extract.text.modality import DEFINITE
from mosaic.extract.text.syntax import SUBJECT_DEPS, children
from mosaic.model import EventFinding, StatedFigure


def join_weapon_tolls(findings: Sequence[EventFinding], doc: Doc) -> list[EventFinding]:
    """The findings with each toll told of a weapon named again ("the bomb killed 40") moved
    to the event before it that introduced that weapon; findings that are no such toll, or
    whose weapon was never introduced, stay as they are."""
    kept: list[EventFinding] = []
    for finding in findings:
        weapon = _toll_weapon(finding, doc)
        user = _user(kept, weapon, doc) if weapon is not None else None
        if user is None:
            kept.append(finding)
        else:
            kept[user] = _with_toll(kept[user], finding)
    return kept


def _sentence(finding: EventFinding, doc: Doc) -> Span | None:
    return doc.char_span(finding.evidence.start, finding.evidence.end, alignment_mode="expand")


def _toll_weapon(finding: EventFinding, doc: Doc) -> str | None:
    """The weapon a toll-only finding's kill verb has as its subject, named again ("the bomb",
    "the GBU-43, nicknamed the mother of all bombs"); None for any other finding."""
    if finding.killed is None or finding.perpetrators or finding.place is not None:
        return None
    sent = _sentence(finding, doc)
    if sent is None:
        return None
    for verb in (t for t in sent if t.pos_ == "VERB" and is_kill_word(t)):
        for head, phrase in _subjects(verb):
            words = [t.lemma_.lower() for t in phrase if t.lemma_.lower() in DROPPED_ARMS]
            if words and _definite(head):
                return words[0]
    return None


def _subjects(verb: Token) -> list[tuple[Token, list[Token]]]:
    """The verb's subjects with their phrases. "The bomb, nicknamed the mother of all bombs,
    killed 90": the parser may make "killed" a conjunct of the participle, whose subject
    and object then together name the weapon."""
    found = [(head, list(head.subtree)) for head in children(verb, *SUBJECT_DEPS)]
    if verb.dep_ == "conj" and not found:
        own = {t.i for t in verb.subtree}
        phrase = [t for t in verb.head.subtree if t.i not in own]
        found = [(head, phrase) for head in children(verb.head, *SUBJECT_DEPS)]
    return found


def _definite(head: Token) -> bool:
    return any(c.lower_ in DEFINITE for c in head.children if c.dep_ == "det")


def _user(kept: Sequence[EventFinding], weapon: str, doc: Doc) -> int | None:
    """The last finding before whose sentence introduces the weapon (not as "the bomb")."""
    for index in range(len(kept) - 1, -1, -1):
        sent = _sentence(kept[index], doc)
        if sent is not None and any(t.lemma_.lower() == weapon and not _definite(t) for t in sent):
            return index
    return None


def _with_toll(event: EventFinding, toll: EventFinding) -> EventFinding:
    """The event with the toll's dead: as its own figure where it states none, and as the
    figure of whoever gave it, beside the others."""
    if toll.killed is None:
        return event
    figure = StatedFigure("killed", toll.killed, toll.attributed_to, toll.evidence)
    sourced = toll.attributed_to is not None or event.killed not in (None, toll.killed)
    return replace(
        event,
        killed=event.killed or toll.killed,
        other_figures=(*event.other_figures, figure) if sourced else event.other_figures,
    )
