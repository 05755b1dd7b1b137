"""Sentences that set the event told before beside an earlier one: "The attack came a day
after gunmen shot dead five police officers in Mastung", "The raid followed a suicide
bombing in Kabul last week".

The subject ("the attack", "the raid", "it") is the event the report has told; what came
before it is another event, told only here. Read as more of the report's event, the two were
joined: the earlier attack's toll went to the subject's trigger ("the raid", killing six
soldiers), and the earlier attack, close by and dateless, was merged into the report's event.
So the subject is no trigger of its own, and the sentence joins nothing told before it
(`told_apart`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.events.types import entry_for
from mosaic.extract.text.syntax import children

SEQUEL_VERBS = lexicon.words("events.sequel_verbs")
SEQUEL_PREPS = lexicon.words("events.sequel_preps")
EVENT_PRONOUNS = lexicon.words("events.event_pronouns")
TELLING_DEPS = ("prep", "acl", "relcl", "appos", "nummod")
"""What a noun's own telling of its event hangs on it: "in Kabul", "that killed nine"."""


def is_sequel_subject(token: Token) -> bool:
    """Whether the token is the bare subject of a verb setting it after another event ("the
    raid came two days after ...", "the assault followed a bombing"). A subject told with
    its own place or date ("the bombing in Kabul on 3 January followed ...") is a telling
    of its own."""
    return token.dep_ == "nsubj" and _is_bare(token) and _sets_after(token.head)


def tells_a_sequel(sent: Span) -> bool:
    """Whether the sentence's main verb sets an event, named by a trigger or a pronoun, after
    another ("It came a day after ...")."""
    root = sent.root
    subjects = children(root, "nsubj")
    return _sets_after(root) and any(
        s.lower_ in EVENT_PRONOUNS or (entry_for(s) is not None and _is_bare(s)) for s in subjects
    )


def _is_bare(noun: Token) -> bool:
    """ "the attack", "Thursday's deadly raid": an event named again, with no phrase telling
    where, when or how of its own."""
    return not children(noun, *TELLING_DEPS)


def _sets_after(verb: Token) -> bool:
    """ "came (a day) after X", "follows X": the verb and what came before."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in SEQUEL_VERBS:
        return False
    if verb.lemma_.lower() == "follow" and children(verb, "dobj"):
        return True
    clauses = children(verb, "advcl")  # "came a day after gunmen shot ...": "after" marks it
    afters = children(verb, "prep") + [m for c in clauses for m in children(c, "mark")]
    return any(a.lower_ in SEQUEL_PREPS for a in afters)
