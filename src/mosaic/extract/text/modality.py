"""Whether a trigger word states something that happened: negation, hypotheticals, generics, hedges.

Each test looks at the trigger, the verb that governs it and their children,
never the whole sentence, so "Officials denied the bombing" is negated while
"He denied it; the bombing killed 12" is not. The result is a factor that
scales a finding's confidence: 0 drops it, values below one lower it.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import (
    CLAUSE_HEAD_DEPS,
    COMPLEMENT_DEPS,
    CONDITION_DEPS,
    NOUN_POS,
    OTHER_EVENT_TAGS,
    RETELLING_MODIFIER_DEPS,
    SPECIFYING_DEPS,
    STATED_SUBJECT_DEPS,
    VERB_POS,
    children,
    governing_verb,
)

NEGATING_WORDS = lexicon.words("text.negating_words")
"""Words that negate what they hang on, besides a "neg" ("no attack", "never attacked")."""
NEGATING_BEFORE = lexicon.words("text.negating_before")
"""Words that negate an event named just after them ("without any attack")."""
DENIALS = lexicon.words("text.denials")
MODALS = lexicon.words("text.modals")
PREVENTING_VERBS = lexicon.words("text.preventing_verbs")
"""Verbs that keep their aim from happening ("foiled a plan to bomb", "stop shelling")."""
INTENT_VERBS = lexicon.words("text.intent_verbs") | PREVENTING_VERBS
INTENT_NOUNS = lexicon.words("text.intent_nouns")  # fmt: skip
HEDGES = lexicon.words("text.hedges")  # fmt: skip


REFUTED = lexicon.words("text.refuted")


def is_negated(trigger: Token) -> bool:
    """ "did not attack", "no attack", "denied the attack", "without any attack", "his rumoured
    assassination (since proven unfounded)"."""
    verb = governing_verb(trigger)
    if any(t.lower_ in REFUTED for t in trigger.subtree) or refuted_claim(trigger) is not None:
        return True
    for word in (trigger, verb):
        if any(is_negating(c) for c in word.children):
            return True
    denied = any(v.lemma_ in DENIALS for v in (verb, *list(verb.ancestors)[:3]))
    if denied and denied_claim(trigger) is None:
        return True
    return any(t.lower_ in NEGATING_BEFORE for t in trigger.doc[max(0, trigger.i - 2) : trigger.i])


CLAIM_NOUNS = lexicon.words("text.claim_nouns")
MESSAGE_NOUNS = lexicon.words("text.message_nouns")
"""Nouns for what a party asserts ("government claims that ...", "the army's figures")."""
DENIED_DEPS = ("dobj", "ccomp")
"""How a claim hangs on the verb denying it ("denied the claim", "deny government claims")."""
_CLAIM_STEPS = 4
"""Links from a trigger up to the claim noun whose content clause it stands in."""


def denied_claim(trigger: Token) -> Token | None:
    """The claim noun whose content a denial rejects ("IS denied government claims that the
    strike killed 90 fighters": "claims"): what is denied is that party's claim, still stated
    by it, not a negated event."""
    current = trigger
    for _ in range(_CLAIM_STEPS):
        if current.head == current:
            return None
        current = current.head
        if current.lemma_.lower() in CLAIM_NOUNS:  # "government claims" may parse as a verb
            denied = current.dep_ in DENIED_DEPS and current.head.lemma_ in DENIALS
            return current if denied else None
    return None


def refuted_claim(trigger: Token) -> Token | None:
    """The claim noun whose content the text calls false ("the report that he was wounded is
    unfounded", "false reports that the mayor was killed"): nothing happened."""
    current = trigger
    for _ in range(_CLAIM_STEPS):
        if current.head == current:
            return None
        current = current.head
        if current.lemma_.lower() in CLAIM_NOUNS and current.pos_ in NOUN_POS:
            said = [*current.children]
            if current.dep_ in STATED_SUBJECT_DEPS:  # "the report ... is unfounded"
                said += current.head.children
            return current if any(w.lower_ in REFUTED for w in said) else None
    return None


def is_negating(word: Token) -> bool:
    """Whether the word negates the one it hangs on ("not", "never", "no attack")."""
    return word.dep_ == "neg" or word.lower_ in NEGATING_WORDS


def is_hypothetical(trigger: Token) -> bool:
    """Future, modal, intended, conditional or ordered events: "will attack", "plans to
    attack", "the threat of attacks", "if they refuse, kill them"."""
    if _conditional(trigger) or _imperative(trigger):
        return True
    verb = governing_verb(trigger)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in (*trigger.children, *verb.children)):
        return True
    if trigger.dep_ in COMPLEMENT_DEPS and trigger.head.lemma_ in INTENT_VERBS:
        return True
    if verb.lemma_ in INTENT_VERBS and verb != trigger:
        return True
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.lemma_ in INTENT_NOUNS:
        return True
    return _joined_to_intent_noun(trigger) or _purpose_of_hypothetical(verb)


def _purpose_of_hypothetical(verb: Token) -> bool:
    """ "would not allow militants to use its soil to attack X", "would never let them use it
    to attack": an infinitive (with "to" or bare) hung on a verb told as hypothetical (future,
    modal, conditional) is no more than that verb."""
    linked = verb.dep_ in COMPLEMENT_DEPS or verb.dep_ == "advcl"
    return verb.tag_ == "VB" and linked and verb.head != verb and is_hypothetical(verb.head)


def _joined_to_intent_noun(trigger: Token) -> bool:
    """ "a plot and attacks": an event coordinated with a noun of intent is intended too; one
    coordinated with a verb spelt like such a noun ("was formed ..., and X was hanged") is not."""
    head = trigger.head
    return trigger.dep_ == "conj" and head.pos_ in NOUN_POS and head.lemma_ in INTENT_NOUNS


def _dated_itself(trigger: Token) -> bool:
    """ "admitted planning the January 14, 2008 attack", "planned the April 2008 assassination
    attempt", "said he had ordered Monday's bombings": an event named with its own date and
    "the", or with a day's possessive, happened, whoever planned or ordered it."""
    noun = trigger.head if trigger.dep_ == "compound" else trigger
    if noun.pos_ not in NOUN_POS:
        return False
    words = list(noun.children)
    if any(w.dep_ == "poss" and w.ent_type_ == "DATE" for w in words):
        return True
    definite = any(w.dep_ == "det" and w.lower_ in DEFINITE for w in words)
    return definite and any(t.ent_type_ == "DATE" for w in words for t in w.subtree)


def is_sought(trigger: Token) -> bool:
    """An event a plan or a reward seeks, not one that happened: "a plot to kill him",
    "information leading to the arrest of X". Read for events only: a stated intention to
    fight a group still tells a rivalry."""
    return _intended(trigger) or _sought_outcome(trigger)


def _intended(trigger: Token) -> bool:
    """ "a plan to bomb the embassy", "uncovered a plot to kill him": an infinitive telling
    what a noun of intent is for, hung on the noun or (as the parser often does) on the verb
    whose object the noun is."""
    marks = [c for c in trigger.children if c.dep_ == "aux" and c.lower_ == "to"]
    if not marks or trigger.dep_ not in ("acl", "advcl"):
        return False
    head = trigger.head
    if trigger.dep_ == "advcl":
        before = marks[0].i - 1
        nouns = [o for o in children(head, "dobj") if max(t.i for t in o.subtree) == before]
        head = nouns[0] if nouns else head
    return head.pos_ in NOUN_POS and head.lemma_ in INTENT_NOUNS


OUTCOME_VERBS = lexicon.words("text.outcome_verbs")
"""Verbs whose "to" names an outcome sought, not one reached, when they describe a noun
("information leading to the arrest of X")."""


def _sought_outcome(trigger: Token) -> bool:
    """ "a reward for information leading to the capture, arrest or conviction of X": an
    outcome a thing would lead to, not an event."""
    first = trigger
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "to":
        return False
    verb = prep.head
    return verb.lemma_.lower() in OUTCOME_VERBS and verb.tag_ == "VBG" and verb.dep_ == "acl"


CONDITIONS = lexicon.words("text.conditions")


def _conditional(trigger: Token) -> bool:
    """ "if they attack", "and if they refuse, kill them", "if it carried out strikes": the
    verb, the clause it is joined to or the verb whose object it is states a condition."""
    clause = trigger.head if trigger.dep_ == "conj" else trigger
    heads = (trigger, clause, governing_verb(trigger))  # "if it carried out more strikes"
    conditions = [c for w in heads for c in w.children if c.dep_ in CONDITION_DEPS]
    marks = [m for c in conditions for m in (c, *c.children) if m.dep_ == "mark"]
    return any(m.lower_ in CONDITIONS for m in marks)


def _imperative(trigger: Token) -> bool:
    """An order ("kill them", "attack the base"): a bare verb heading its own clause, with no
    subject or auxiliary."""
    if trigger.tag_ != "VB" or trigger.dep_ not in CLAUSE_HEAD_DEPS:
        return False
    sent = trigger.sent
    if trigger.dep_ == "advcl" and not all(t.is_punct for t in sent[: trigger.i - sent.start]):
        return False  # a quoted order opens its sentence: '"Attack at dawn," he told them'
    own = STATED_SUBJECT_DEPS
    if trigger.dep_ == "conj" and any(c.dep_ in own for c in trigger.head.children):
        return trigger.head.tag_ == "VB" and _imperative(trigger.head)
    return not any(c.dep_ in own for c in trigger.children)


GENERIC_FACTOR = 0.45
COUNTED = lexicon.words("text.counted")  # fmt: skip
DEFINITE = lexicon.words("text.definite")
PLURAL_DEMONSTRATIVES = lexicon.words("text.plural_demonstratives")
_REFERRING = DEFINITE | PLURAL_DEMONSTRATIVES


def is_generic(trigger: Token) -> bool:
    """A plural without a number ("attacks on Shia", "the recent attacks") rather than events
    the text counts ("two attacks", "twin bombings")."""
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NNS":
        return False
    counted = any(c.dep_ == "nummod" or c.lower_ in COUNTED for c in trigger.children)
    if claimed_definite(trigger) or _launched_once(trigger) or _of_counted(trigger):
        return False  # "X claimed the killings", "Iran launched strikes": particular events
    return not counted or any(c.lower_ == "such" for c in trigger.subtree)


def _of_counted(trigger: Token) -> bool:
    """ "the arrests of 42 militants", "the killings of 17 pilgrims": one act on people the
    text counts, plural because they were many."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in trigger.children):
        return False
    objects = [o for p in trigger.children if p.lower_ == "of" for o in p.children]
    return any(c.dep_ == "nummod" for o in objects for c in o.children)


LAUNCH_VERBS = lexicon.words("text.launch_verbs")
CLAIMS = lexicon.words("attribution.claims_of_responsibility")


def _launched_once(trigger: Token) -> bool:
    """ "Iran launched strikes on ...": a simple past act, not a habit ("has carried out
    attacks on Shias for years" stays generic)."""
    verb = trigger.head
    return (
        trigger.dep_ == "dobj"
        and verb.lemma_.lower() in LAUNCH_VERBS
        and verb.tag_ == "VBD"
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def claimed_definite(trigger: Token) -> bool:
    """ "claimed the bombings", "took responsibility for these attacks": an event told before,
    named again as what a group claims."""
    if not _determined_by(trigger, _REFERRING):
        return False
    head = trigger.head
    if trigger.dep_ == "dobj":
        return head.lemma_.lower() == "claim"
    return trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in CLAIMS


def is_anaphoric(trigger: Token) -> bool:
    """ "the attack" with nothing of its own: a reference back to an event told before."""
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NN":
        return False
    kinds = {c.dep_ for c in trigger.children}
    return _determined_by(trigger, DEFINITE) and not kinds & SPECIFYING_DEPS


def _determined_by(noun: Token, determiners: frozenset[str]) -> bool:
    """Whether one of the determiners stands on the noun ("the", "those")."""
    return any(c.dep_ == "det" and c.lower_ in determiners for c in noun.children)


RELATIVE_WORDS = lexicon.words("events.relative_words")


def is_retelling(trigger: Token) -> bool:
    """ "the attack", "that attack", "the attacks", "the deadly attack": an event noun whose
    determiner points back and whose only other words describe it, so it names an event told
    before; not "the previous attack", "the first attack" or "the deadliest attack", which
    set it beside another. Wider than `is_anaphoric`, which dates an event only by its own
    words and so admits no describing word and no plural."""
    if trigger.pos_ != "NOUN":
        return False
    words = [c for c in trigger.children if not names_the_message(c)]
    return (
        _determined_by(trigger, _REFERRING)
        and all(c.dep_ in RETELLING_MODIFIER_DEPS for c in words)
        and not any(_sets_apart(c) for c in words if c.dep_ != "det")
    )


def _sets_apart(word: Token) -> bool:
    """A word that sets the event beside another: a name the parser took for a describing
    word ("the Kerman attack"), an ordinal, a comparison, a word of time order ("first",
    "deadliest", "previous")."""
    return (
        word.pos_ != "ADJ"
        or word.tag_ in OTHER_EVENT_TAGS
        or word.ent_type_ == "ORDINAL"
        or word.lower_ in RELATIVE_WORDS
    )


def is_hedged(trigger: Token) -> bool:
    """ "reportedly", "allegedly", "is believed to" near the trigger or its verb."""
    verb = governing_verb(trigger)
    words = {c.lower_ for c in (*trigger.children, *verb.children)}
    sent = trigger.sent
    window = {t.lower_ for t in trigger.doc[max(sent.start, trigger.i - 4) : trigger.i]}
    return bool((words | window) & HEDGES)


def is_unreal(trigger: Token) -> bool:
    """A verb telling an act that has not happened and is no threat either: an order ("kill
    them", "bomb the bridge") or the aim of a verb that keeps it from happening ("foiled a
    plan to bomb", "stop shelling the villages", "refused to attack"), but not a verb joined to
    it ("foiled the plot and arrested two men" did arrest them). A threat, plan or
    condition ("will attack", "vowed to kill", "will kill them if ...") is still told, and
    MUC-4 templates threats: it is only weakened, as is a noun ("the threat of attacks")."""
    if trigger.pos_ not in VERB_POS:
        return False
    if _imperative(trigger):
        return True
    verbs = [trigger.head, governing_verb(trigger.head)] if trigger.head != trigger else []
    if trigger.dep_ == "conj":  # "foiled a plot and arrested two men": a second act, no aim
        verbs = [v for v in verbs if v != trigger.head]
    return any(v.lemma_.lower() in PREVENTING_VERBS for v in verbs)


def factor(trigger: Token) -> float:
    """How much of a finding's confidence survives the trigger's modality (0 drops it)."""
    if is_negated(trigger) or is_unreal(trigger):
        return 0.0
    if is_hypothetical(trigger) and not _dated_itself(trigger):
        return 0.3
    if is_sought(trigger):
        return 0.3
    value = 1.0
    if is_generic(trigger):
        value *= GENERIC_FACTOR
    if is_hedged(trigger):
        value *= 0.8
    return value


def in_quotation(trigger: Token) -> bool:
    """Whether the trigger stands inside quotation marks in its sentence."""
    sent = trigger.sent
    before = trigger.doc[sent.start : trigger.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def names_the_message(word: Token) -> bool:
    """A phrase on an event noun naming the message it was told in ("claimed responsibility
    for the bombing in a statement", "... on its Telegram channel"): the parser hung on the
    noun what tells how the claim was made, which sets the event apart from none told before."""
    return word.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in MESSAGE_NOUNS for o in word.children
    )
