"""Captives killed after a kidnapping: "gunmen abducted two engineers and later killed them",
"a journalist was kidnapped on Monday and was found dead two days later".

The kidnapping is the attack the report tells, and its captives' deaths are its dead
(FORMAT.md counts every death of the attack): the number of people taken when a verb
coordinated with the kidnapping kills them, beheads them, or finds them dead. Its kind is
then the killing's: people taken only to be killed were not held, so the attack is no
kidnapping but an armed assault, or a beheading.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.events.killings import is_kill_word
from mosaic.extract.events.rules.base import Entry
from mosaic.extract.events.slots import target_tokens
from mosaic.extract.events.types import attack_type
from mosaic.extract.numbers.counts import parse_number
from mosaic.extract.text.syntax import ACT_POS, PATIENT_DEPS, SINGULAR_NOUN_TAGS, children
from mosaic.model import AttackType, Count

DEATH_STATES = lexicon.words("events.death_states")
"""Words saying someone was found or left dead ("found dead", "found beheaded")."""


def captives_killed(trigger: Token, kind: AttackType | None) -> Count | None:
    """How many people a kidnapping took, when a verb coordinated with it kills them."""
    if kind is not AttackType.KIDNAPPING or not any(_kills(c) for c in children(trigger, "conj")):
        return None
    return _people(target_tokens(trigger))


BEHEADING_WORDS = lexicon.words("events.beheading_words")
"""Verbs and nouns of cutting off a head ("beheaded them", "the beheading of")."""


def attack_kind(trigger: Token, entry: Entry) -> AttackType | None:
    """The attack's type (`types.attack_type`); a kidnapping whose captives are killed, the
    killing's."""
    kind = attack_type(trigger, entry)
    return (captives_fate(trigger) or kind) if kind is AttackType.KIDNAPPING else kind


def captives_fate(trigger: Token) -> AttackType | None:
    """The kind of attack a kidnapping is whose captives the words coordinated with it kill
    ("abducted two engineers and shot them dead", "the kidnapping and beheading of"): a
    beheading, else an armed assault; None where no one taken is killed ("kidnapped a man
    and killed his guard": the guard died, the man was held). A captive found dead in a
    clause or sentence of its own ("...; his body was found two days later") was killed too."""
    fates = [c for c in children(trigger, "conj") if c.pos_ in ACT_POS and _kills_taken(c)]
    if not fates:
        return AttackType.ARMED_ASSAULT if _found_dead_later(trigger) else None
    beheaded = any(f.lemma_.lower() in BEHEADING_WORDS for f in fates)
    return AttackType.BEHEADING if beheaded else AttackType.ARMED_ASSAULT


BODY_NOUNS = lexicon.words("events.body_nouns")
FINDING_VERBS = lexicon.words("events.finding_verbs")


def _found_dead_later(trigger: Token) -> bool:
    """ "Gunmen abducted a teacher on Monday; his body was found in a field", "He was found
    dead a day later": after the kidnapping, in its sentence or the next, one taken (a
    pronoun) is found dead or his body is found."""
    sent = trigger.sent
    after = list(trigger.doc[trigger.i + 1 : sent.end])
    if sent.end < len(trigger.doc):
        after += list(trigger.doc[sent.end].sent)
    return any(_body_found(t) or (_kills(t) and _said_of_pronoun(t)) for t in after)


def _body_found(verb: Token) -> bool:
    """ "his body was found", "the bodies of them both were recovered"."""
    if verb.lemma_.lower() not in FINDING_VERBS or verb.pos_ != "VERB":
        return False
    bodies = [s for s in children(verb, "nsubjpass") if s.lemma_.lower() in BODY_NOUNS]
    return any(_said_of_pronoun(b) for b in bodies)


def _said_of_pronoun(word: Token) -> bool:
    """Whether the word's subject, owner or "of" object is a pronoun: the captive told again."""
    own = children(word, "nsubjpass", "poss")
    own += [o for p in children(word, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    return any(o.pos_ == "PRON" for o in own)


def _kills_taken(word: Token) -> bool:
    """A killing word whose victims are the ones taken: no object of its own, or a pronoun."""
    if not (is_kill_word(word) or word.lemma_.lower() in BEHEADING_WORDS):
        return False
    return all(o.pos_ == "PRON" for o in children(word, *PATIENT_DEPS))


def _kills(verb: Token) -> bool:
    """ "killed them", "beheaded him", "was found dead", "were found beheaded"."""
    if verb.pos_ != "VERB":
        return False
    if is_kill_word(verb) or verb.lemma_.lower() in BEHEADING_WORDS:
        return True
    states = children(verb, "oprd", "acomp", "xcomp")
    return verb.lemma_.lower() == "find" and any(s.lower_ in DEATH_STATES for s in states)


def _people(heads: list[Token]) -> Count | None:
    """The number of people the heads name: "two engineers" 2, "a teacher" 1."""
    total, named = 0, False
    for head in heads:
        numbers = [parse_number(c.text) for c in children(head, "nummod")]
        if numbers and numbers[0] is not None:
            total += numbers[0]
        elif head.tag_ in SINGULAR_NOUN_TAGS:
            total, named = total + 1, True
        else:
            return None
    if not total:
        return None
    return Count.of_named(total) if named else Count.exactly(total)
