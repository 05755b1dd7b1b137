"""Trigger lexicons: which words name which kind of event, matched on lemmas over the parse.

LEXICON holds the trigger words of Mosaic's own types (each type's rule in
`rules/mosaic_rules.py` takes its entries); `entry_for` looks a word up in the triggers of
every rule in force, an extension's too.

Each entry gives the event type, the attack type where the word fixes it, and
a base strength: how surely the word alone names one real event ("bombing"
more surely than "attack", "attack" more surely than "meeting"). Words that
name an event only with the right object ("formed" a group, "banned" a group,
"seized" a town) are marked so that the event finder checks the object.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.name_repairs import MEMBER_AND_UNIT_NOUNS
from mosaic.extract.entities.state_actors import ARMED_FORCES
from mosaic.extract.events.arson import sets_fire
from mosaic.extract.events.rules.base import Entry, ObjectNeeded, Trigger
from mosaic.extract.events.rules.registry import rule_for, trigger_table
from mosaic.extract.events.state_strikes import by_state
from mosaic.extract.numbers.casualties import ATTACKER_WORDS, DEADLY_VERBS
from mosaic.extract.text.syntax import (
    KIND_MODIFIER_DEPS,
    NOUN_CLAUSE_DEPS,
    NOUN_MODIFIER_DEPS,
    NOUN_POS,
    PATIENT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    TRIGGER_POS,
    VERB_POS,
)
from mosaic.model import AttackType, EventType

A, OP = EventType.ATTACK, EventType.MILITARY_OPERATION

LEXICON: dict[str, Entry] = {
    "attack": Entry(A, 0.25),
    "assault": Entry(A, 0.3, AttackType.ARMED_ASSAULT),
    "bombing": Entry(A, 0.35, AttackType.BOMBING),
    "bomb": Entry(A, 0.35, AttackType.BOMBING),
    "blast": Entry(A, 0.35, AttackType.BOMBING),
    "explosion": Entry(A, 0.3, AttackType.BOMBING),
    "explode": Entry(A, 0.3, AttackType.BOMBING),
    "detonate": Entry(A, 0.3, AttackType.BOMBING),
    "shooting": Entry(A, 0.3, AttackType.ARMED_ASSAULT),
    "ambush": Entry(A, 0.35, AttackType.ARMED_ASSAULT),
    "massacre": Entry(A, 0.35),
    "hijack": Entry(A, 0.3, AttackType.ARMED_ASSAULT),
    "arson": Entry(A, 0.3, AttackType.FACILITY_ATTACK),
    "storm": Entry(A, 0.25, AttackType.ARMED_ASSAULT, needs=ObjectNeeded.ANY),
    "assassinate": Entry(A, 0.35, AttackType.ASSASSINATION),
    "assassination": Entry(A, 0.35, AttackType.ASSASSINATION),
    "kidnap": Entry(A, 0.35, AttackType.KIDNAPPING),
    "kidnapping": Entry(A, 0.35, AttackType.KIDNAPPING),
    "abduct": Entry(A, 0.35, AttackType.KIDNAPPING),
    "abduction": Entry(A, 0.35, AttackType.KIDNAPPING),
    "behead": Entry(A, 0.35, AttackType.BEHEADING),
    "beheading": Entry(A, 0.35, AttackType.BEHEADING),
    "decapitate": Entry(A, 0.35, AttackType.BEHEADING),
    "offensive": Entry(OP, 0.3),
    "counteroffensive": Entry(OP, 0.35),
    "counter-offensive": Entry(OP, 0.35),
    "airstrike": Entry(OP, 0.35),
    "raid": Entry(OP, 0.3),
    "crackdown": Entry(OP, 0.3),
    "invasion": Entry(OP, 0.3),
    "invade": Entry(OP, 0.3),
    "incursion": Entry(OP, 0.3),
    "bombardment": Entry(OP, 0.3),
    "shelling": Entry(OP, 0.3),
    "seizure": Entry(OP, 0.3, needs=ObjectNeeded.PLACE),
    "seize": Entry(OP, 0.3, needs=ObjectNeeded.PLACE),
    "capture": Entry(OP, 0.25, needs=ObjectNeeded.PLACE),
    "arrest": Entry(EventType.ARREST, 0.35),
    "detain": Entry(EventType.ARREST, 0.3),
    "apprehend": Entry(EventType.ARREST, 0.35),
    "found": Entry(EventType.FOUNDING, 0.3, needs=ObjectNeeded.GROUP),
    "form": Entry(EventType.FOUNDING, 0.25, needs=ObjectNeeded.GROUP),
    "establish": Entry(EventType.FOUNDING, 0.25, needs=ObjectNeeded.GROUP),
    "create": Entry(EventType.FOUNDING, 0.25, needs=ObjectNeeded.GROUP),
    "formation": Entry(EventType.FOUNDING, 0.3, needs=ObjectNeeded.GROUP),
    "founding": Entry(EventType.FOUNDING, 0.3, needs=ObjectNeeded.GROUP),
    "creation": Entry(EventType.FOUNDING, 0.25, needs=ObjectNeeded.GROUP),
    "establishment": Entry(EventType.FOUNDING, 0.3, needs=ObjectNeeded.GROUP),
    "designate": Entry(EventType.DESIGNATION, 0.35, needs=ObjectNeeded.GROUP),
    "designation": Entry(EventType.DESIGNATION, 0.3, needs=ObjectNeeded.GROUP),
    "proscribe": Entry(EventType.DESIGNATION, 0.35, needs=ObjectNeeded.GROUP),
    "outlaw": Entry(EventType.DESIGNATION, 0.35, needs=ObjectNeeded.GROUP),
    "blacklist": Entry(EventType.DESIGNATION, 0.35, needs=ObjectNeeded.GROUP),
    "ban": Entry(EventType.DESIGNATION, 0.3, needs=ObjectNeeded.GROUP),
    "protest": Entry(EventType.PROTEST, 0.3),
    "demonstration": Entry(EventType.PROTEST, 0.3),
    "rally": Entry(EventType.PROTEST, 0.25),
    "meet": Entry(EventType.MEETING, 0.3, needs=ObjectNeeded.ANY),
    "meeting": Entry(EventType.MEETING, 0.25),
    "summit": Entry(EventType.MEETING, 0.3),
    "conference": Entry(EventType.MEETING, 0.2),
    "session": Entry(EventType.MEETING, 0.2, needs=ObjectNeeded.ANY),
    "talk": Entry(EventType.MEETING, 0.2, needs=ObjectNeeded.ANY),
    "convene": Entry(EventType.MEETING, 0.3),
}
OPERATION_WORDS = lexicon.words("events.operation_words")  # fmt: skip
STATE_STRIKE_WORDS = lexicon.words("events.state_strike_words")  # fmt: skip
STRIKE_OBJECTS = lexicon.words("events.strike_objects")
FIRING_VERBS = lexicon.words("events.firing_verbs")
CAPTIVE_ROLES = lexicon.words("events.captive_roles")  # fmt: skip
"""People a capture takes: "the commander was captured" is an arrest, "the town" is not."""
LISTING_VERBS = lexicon.words("events.listing_verbs")
LIST_NOUNS = lexicon.words("events.list_nouns")
"""A group put "on a list" or "added to its sanctions list" is designated."""


def _particle(token: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in token.children)


def _object_lemmas(token: Token) -> set[str]:
    return {c.lemma_.lower() for c in token.children if c.dep_ in PATIENT_DEPS}


def _phrasal(token: Token) -> Entry | None:
    """Triggers made of more than the lemma: "blew up", "opened fire", "cracked down", "strike"."""
    lemma = token.lemma_.lower()
    if lemma == "blow" and _particle(token, "up"):
        return Entry(A, 0.3, AttackType.BOMBING)
    if lemma == "set" and _particle(token, "off") and _object_lemmas(token) & _BOMB_WORDS:
        return Entry(A, 0.3, AttackType.BOMBING)  # "set off a bomb"
    if sets_fire(token):
        return Entry(A, 0.3, AttackType.FACILITY_ATTACK)  # "torched a bus", "set fire to"
    if lemma == "open" and "fire" in _object_lemmas(token):
        return Entry(A, 0.3, AttackType.ARMED_ASSAULT)
    if lemma == "drop" and token.pos_ == "VERB" and _object_lemmas(token) & DROPPED_ARMS:
        return Entry(A, 0.3, AttackType.BOMBING)  # "dropped a bomb on", by a state an operation
    if lemma in COUNTERED_ACTS and _countered(token):
        return Entry(OP, 0.35)  # "launched a counter-assault": the parser splits the hyphen
    if lemma == "crack" and _particle(token, "down"):
        return Entry(OP, 0.3)
    if lemma == "slit" and "throat" in _object_lemmas(token):
        return Entry(A, 0.35, AttackType.BEHEADING)
    if lemma in FIRING_VERBS and token.pos_ == "VERB":
        struck_base = bool(_object_lemmas(token) & STRIKE_OBJECTS)
        return Entry(OP, 0.3) if struck_base or by_state(token) else None
    if lemma == "strike" and token.pos_ == "NOUN":
        return _strike(token)
    if lemma == "operation" and token.pos_ == "NOUN":
        return _operation(token)
    if lemma in ("capture", "seize") and token.pos_ == "VERB" and _takes_a_person(token):
        if _taken_by_attackers(token):  # "X was seized by gunmen": a kidnapping
            return Entry(A, 0.35, AttackType.KIDNAPPING)
        return Entry(EventType.ARREST, 0.35)  # "X was captured by Afghan forces"
    if lemma == "declare" and token.pos_ == "VERB" and _declared_terrorist(token):
        return Entry(EventType.DESIGNATION, 0.35)
    if token.pos_ == "VERB" and _custody(token):
        return Entry(EventType.ARREST, 0.35)  # "police rounded up 20 suspects"
    if lemma in LISTING_VERBS and token.pos_ == "VERB" and _onto_a_list(token):
        return Entry(
            EventType.DESIGNATION, 0.35, needs=ObjectNeeded.GROUP
        )  # "added X to its blacklist"
    return None


COUNTERED_ACTS = lexicon.words("events.countered_acts")
"""Acts that, as a "counter-" act, are forces striking back ("a counter-offensive")."""


def _countered(token: Token) -> bool:
    """ "counter-offensive" split by the tokenizer into "counter", "-", "offensive"."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "counter"


def _takes_a_person(verb: Token) -> bool:
    """Whether the verb's object (or passive subject) is a person, not a town."""
    heads = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    heads += [a for h in heads for a in h.children if a.dep_ == "appos"]
    return any(
        h.ent_type_ == "PERSON" or h.lower_ in ("he", "she", "him", "her")
        or h.lemma_.lower() in CAPTIVE_ROLES
        for h in heads
    )  # fmt: skip


TERROR_WORDS = lexicon.words("events.terror_words")
LISTED_KINDS = lexicon.words("events.organisation_heads")


def _declared_terrorist(verb: Token) -> bool:
    """ "declared the network a terrorist organisation": a declaration that lists a group as
    terrorist, not one of a ceasefire, of war, or of an attack as a terrorist act."""
    complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "dobj")]
    kinds = [c for c in complements if c.lemma_.lower() in LISTED_KINDS]
    return any(t.lemma_.lower() in TERROR_WORDS for c in kinds for t in c.children)


ROUNDING_VERBS = lexicon.words("events.rounding_verbs")
"""Verbs that with "up" take people in ("picked up 20 suspects", "rounded up militants")."""
CUSTODY_NOUNS = lexicon.words("events.custody_nouns")


def _custody(verb: Token) -> bool:
    """An arrest told by a phrase: "picked up / rounded up" people the law seeks, "took X
    into custody"."""
    lemma = verb.lemma_.lower()
    if lemma in ROUNDING_VERBS and _particle(verb, "up"):
        return _takes_a_person(verb)
    held = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "into"
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return lemma == "take" and any(o.lemma_.lower() in CUSTODY_NOUNS for o in held)


def _taken_by_attackers(verb: Token) -> bool:
    """Whether the ones who took the person are attackers ("seized by gunmen", "militants
    captured the engineer"), not forces making an arrest."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        takers = [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    else:
        takers = [c for c in verb.children if c.dep_ == "nsubj"]
    takers += [c for t in takers for c in t.conjuncts]
    return any(t.lemma_.lower() in ATTACKER_WORDS or t.lower_ in ATTACKER_WORDS for t in takers)


def _onto_a_list(verb: Token) -> bool:
    lists = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "on", "onto")
             for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return any(o.lemma_.lower() in LIST_NOUNS for o in lists)


def _strike(token: Token) -> Entry | None:
    modifiers = {c.lower_ for c in token.lefts}
    if modifiers & STATE_STRIKE_WORDS:
        return Entry(OP, 0.35)
    if modifiers & {"terrorist", "suicide", "militant"}:
        return Entry(A, 0.25)
    if token.dep_ == "dobj" and token.head.lemma_.lower() in STRIKE_VERBS:
        return Entry(OP, 0.35)  # "forces conducted a strike on a tunnel complex"
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in ("kill", "hit", "target"):
        return Entry(OP, 0.35)  # "two strikes killed 26 militants": a walkout kills no one
    return None


DROPPED_ARMS = lexicon.words("events.dropped_arms")
"""What is dropped in an attack ("dropped its most powerful bomb")."""
STRIKE_VERBS = lexicon.words("events.strike_verbs")
"""Verbs whose object "strike" is a military one ("conducted a strike"), not a walkout."""


def _operation(token: Token) -> Entry | None:
    """ "a military operation", "Operation Zarb-e-Azb", "an operation against militants", "security
    forces launched a search operation" (an operation a state's forces carry out)."""
    modifiers = {c.lower_ for c in token.lefts}
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.rights)
    against = any(c.dep_ == "prep" and c.lower_ == "against" for c in token.rights)
    by_forces = token.dep_ == "dobj" and by_state(token.head)
    if modifiers & OPERATION_WORDS or named or against or by_forces or token.text == "Operation":
        return Entry(OP, 0.3)
    return None


def entry_for(token: Token) -> Entry | None:
    """The lexicon entry the token triggers, if any."""
    phrasal = _phrasal(token)
    if phrasal is not None:
        return phrasal
    if token.pos_ not in TRIGGER_POS:
        return None
    table = trigger_table()
    entry = table.get(token.lemma_.lower()) or table.get(token.lower_)
    if entry is None and token.tag_ == "NNPS":  # a headline's "Bomb Blasts" is left unlemmatised
        entry = table.get(token.lower_.removesuffix("s"))
    if entry is None or (token.lemma_.lower() == "bomb" and token.pos_ in NOUN_POS):
        return None
    veto = rule_for(entry.type).veto
    return None if veto is not None and veto(token) else entry


def no_meeting(token: Token) -> bool:
    """ "a news conference", "talking to reporters", "the group meets the criteria", "the
    assembly was in session": telling the press, meeting a standard, or a body sitting as it
    does is not a meeting of parties."""
    lemma = token.lemma_.lower()
    if lemma == "session" and token.dep_ == "pobj" and token.head.lower_ == "in":
        return True
    if lemma == "conference":
        return any(c.lower_ in PRESS_WORDS for c in token.children if c.dep_ in KIND_MODIFIER_DEPS)
    if lemma == "talk" and token.pos_ == "VERB":  # "who he is talking to": speech, not talks
        return not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
    return lemma == "meet" and any(o in STANDARD_NOUNS for o in objects)


PRESS_WORDS = lexicon.words("events.press_words")
STANDARD_NOUNS = lexicon.words("events.standard_nouns")  # fmt: skip


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger word of the sentence, in order."""
    return [Trigger(t.i, entry) for t in sent if (entry := entry_for(t)) is not None]


_BOMB_WORDS = lexicon.words("events.bomb_words")  # fmt: skip
_GUN_WORDS = lexicon.words("events.gun_words")  # fmt: skip
_TYPE_WORDS = _BOMB_WORDS | _GUN_WORDS | set(lexicon.words("events.type_words"))
"""Words that say how an attack was carried out."""
FACILITIES = lexicon.words("events.facilities")  # fmt: skip
PEOPLED_SITES = lexicon.words("events.peopled_sites")


def clause_head(token: Token) -> Token:
    """The verb governing the clause the token stands in."""
    current = token
    for _ in range(6):
        if current.pos_ in VERB_POS or current.head == current:
            break
        current = current.head
    if current.dep_ == "advcl" and current.tag_ == "VBG":
        current = current.head  # "a bomb struck a bus, killing nine": the clause it trails
    return current


def _doers(token: Token) -> set[str]:
    """ "two suicide bombers, assessed to be fighters, detonated at the gate": the nouns a
    subjectless verb hangs on, which name who did it."""
    if token.pos_ != "VERB" or token.dep_ not in NOUN_CLAUSE_DEPS:
        return set()
    if any(c.dep_ == "nsubj" for c in token.children):
        return set()
    nouns = [a for a in token.ancestors if a.pos_ in NOUN_POS]
    words = [w for n in nouns for w in (n, *n.children) if w.dep_ in KIND_MODIFIER_DEPS or w is n]
    return {w.lemma_.lower() for w in words}


def _suicide_attack(token: Token) -> bool:
    """ "a suicide attack": the word on the attack noun itself."""
    return any(c.lower_ == "suicide" for c in token.children if c.dep_ in KIND_MODIFIER_DEPS)


def _own_phrase(token: Token) -> list[Token]:
    """A noun trigger's own phrase, without the events coordinated with it ("a suicide attack
    on X and a failed bombing of Y": the bombing is not a suicide one)."""
    if token.pos_ not in NOUN_POS:
        return []
    cut = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
    return [t for t in token.subtree if t.i not in cut]


def _lemmas(tokens: Sequence[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _attacked_sites(token: Token) -> list[Token]:
    """What the attack word strikes: its object, or what an attack is "on" or "against"."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return objects


def _force_post(site: Token) -> bool:
    """ "a police station", "an army station": a station of a force is a post its men hold."""
    return site.lemma_.lower() == "station" and any(
        c.lemma_.lower() in ARMED_FORCES or c.lower_ in ARMED_FORCES
        for c in site.lefts
        if c.dep_ in KIND_MODIFIER_DEPS
    )


def attacked_facility(token: Token) -> bool:
    """ "attacked the consulate", "an attack on a pipeline": the object is an installation."""
    return any(
        o.lemma_.lower() in FACILITIES and not _force_post(o) for o in _attacked_sites(token)
    )


def attacked_peopled_site(token: Token) -> bool:
    """ "attacked an army checkpoint", "an attack on a police station", "stormed the hotel":
    the object is a place held or filled by people, whom the attack is on."""
    return any(o.lemma_.lower() in PEOPLED_SITES or _force_post(o) for o in _attacked_sites(token))


SELF_WORDS = lexicon.words("events.self_words")
WORN_BOMBS = lexicon.words("events.worn_bombs")
WORN_VERBS = lexicon.words("events.worn_verbs")


ARMED_PEOPLE = lexicon.words("events.armed_people")


def _armed_people(clause: Sequence[Token]) -> bool:
    """ "heavily armed militants", "armed men": attackers said to bear arms."""
    return any(
        t.lower_ == "armed" and t.head.lemma_.lower() in ARMED_PEOPLE and t.head.i > t.i
        for t in clause
    )


SHOOTING_WORDS = lexicon.words("events.shooting_words")
PROJECTILES = lexicon.words("events.projectiles")


def _armed(token: Token, clause: Sequence[Token], entry: Entry) -> bool:
    """Whether the clause tells guns: gun words, armed people, or shots fired. A bombing verb's
    own subject is only what its doers are called ("gunmen blew up a pipeline": a bombing)."""
    doers = _doers(token)
    if entry.attack_type is AttackType.BOMBING and token.pos_ in VERB_POS:
        subjects = {t.i for c in token.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        clause, doers = [t for t in clause if t.i not in subjects], set()
    return (
        bool((_lemmas(clause) | doers) & _GUN_WORDS)
        or _armed_people(clause)
        or any(_fires_shots(t) for t in clause)
    )


def _fires_shots(token: Token) -> bool:
    """ "firing automatic weapons", "fired at the guards", "opened fire": shots, not rockets
    or a bomb."""
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in PATIENT_DEPS}
    if token.lemma_.lower() == "open" and objects & SHOOTING_WORDS:
        return True
    if token.lemma_.lower() not in SHOOTING_WORDS or token.pos_ not in VERB_POS:
        return False
    return not objects & (_BOMB_WORDS | PROJECTILES)


def _blew_self_up(clause: Sequence[Token]) -> bool:
    """ "a bomber blew himself up", "two women detonated themselves": the bomber is what blew
    up, a suicide bombing told without the word."""
    return any(
        t.lemma_.lower() in _BOMB_WORDS and any(c.lower_ in SELF_WORDS for c in t.children)
        for t in clause
    )


def _worn_bomb(clause: Sequence[Token]) -> bool:
    """ "wearing explosive belts", "detonated his vest", "explosives strapped to his body": a
    bomb worn on the body, which only a suicide bomber wears."""
    return any(_armed_garment(t) or _strapped_bomb(t) for t in clause)


def _armed_garment(token: Token) -> bool:
    """ "an explosive vest", "his explosives vest" (which the parser may take for an
    adjective), "detonated his belt"."""
    if token.lemma_.lower() not in WORN_BOMBS:
        return False
    before = token.doc[token.i - 1] if token.i else token
    words = {before.lemma_.lower(), token.head.lemma_.lower()}
    return bool((words | {c.lemma_.lower() for c in token.children}) & _BOMB_WORDS)


def _strapped_bomb(token: Token) -> bool:
    if token.lemma_.lower() not in WORN_VERBS or token.pos_ not in VERB_POS:
        return False
    return bool({token.head.lemma_.lower(), *(c.lemma_.lower() for c in token.children)}
                & _BOMB_WORDS)  # fmt: skip


def _first_named_arm(token: Token) -> AttackType | None:
    """ "a bomb and gun attack", "a gun-and-grenade attack": an attack noun named by both
    bombs and guns is of the kind named first; None where its words name one kind or none."""
    words = [c for c in token.lefts if c.dep_ in NOUN_MODIFIER_DEPS]
    words = sorted({w for c in words for w in (c, *c.conjuncts)}, key=lambda w: w.i)
    kinds = [
        AttackType.BOMBING if lemma in _BOMB_WORDS else AttackType.ARMED_ASSAULT
        for w in words
        if (lemma := w.lemma_.lower()) in _BOMB_WORDS | _GUN_WORDS
    ]
    return kinds[0] if len(set(kinds)) > 1 else None


def _shared_subject(verb: Token) -> list[Token]:
    """ "gunmen killed a guard and wounded another in an attack on a patrol": the subject a
    verb coordinated after another shares with it, which names who did it."""
    if verb.dep_ != "conj" or verb.pos_ not in VERB_POS:
        return []
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    return [t for c in verb.head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]


_DOER_NOUNS = ATTACKER_WORDS | ARMED_PEOPLE | MEMBER_AND_UNIT_NOUNS
"""Nouns for people who carry out an attack ("militants", "fighters", "members of X")."""


def _doer(word: Token) -> bool:
    """A name, a pronoun or a noun for attackers: people who did it, not a weapon or an act."""
    if word.pos_ in ("PROPN", "PRON"):
        return True
    return bool({word.lemma_.lower(), word.lower_} & _DOER_NOUNS)


def _done_by_people(token: Token) -> bool:
    """ "militants attacked an army position", "rebels killed 12 officers", "members of the
    group hacked a teacher to death", "the gunman who killed 39": the act's subject (or a
    passive's "by") is people who did it; for an attack noun, that of the killing or attack
    it stands in ("rebels killed 35 people in an attack on villages"), not of a verb that
    only tells of it ("IS said it had carried out that attack")."""
    verb = token if token.pos_ in VERB_POS else clause_head(token)
    if verb.pos_ not in VERB_POS:
        return False
    if verb is not token and not _violent(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]  # fmt: skip
    subjects += [t for t in _shared_subject(verb) if t.dep_ in SUBJECT_DEPS]
    subjects = [verb.head if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else s
                for s in subjects]  # fmt: skip
    return any(_doer(s) for s in subjects)


def _violent(verb: Token) -> bool:
    entry = entry_for(verb)
    return verb.lemma_.lower() in DEADLY_VERBS or (entry is not None and entry.type is A)


def _told_by_doers(token: Token, entry: Entry) -> bool:
    """An attack word that names no kind, told as done by people, in a sentence that names no
    bomb or shell: the kind the house codes such an attack (BRIEF: a method not stated, armed
    men killing or storming, is an armed assault)."""
    if entry.attack_type is not None:
        return False
    if _lemmas(list(token.sent)) & (_BOMB_WORDS | PROJECTILES):
        return False
    return _done_by_people(token)


def attack_type(token: Token, entry: Entry) -> AttackType | None:
    """The attack type the clause states: beheading, kidnapping, suicide bombing, assassination,
    bombing, armed assault, an attack on a facility; None when the text does not say."""
    clause = _own_phrase(token)
    if not _lemmas(clause) & _TYPE_WORDS:
        head = clause_head(token)
        clause = list(head.subtree) + _shared_subject(head)
    words = _lemmas(clause) | _doers(token)
    if entry.attack_type in (AttackType.BEHEADING, AttackType.KIDNAPPING):
        return entry.attack_type
    if "suicide" in words and (words & _BOMB_WORDS or _suicide_attack(token)):
        return AttackType.SUICIDE_BOMBING
    armed = _armed(token, clause, entry)  # gunmen with grenades too
    if _blew_self_up(clause) or (_worn_bomb(clause) and not armed):
        return AttackType.SUICIDE_BOMBING  # militants with vests who storm a site: an assault
    if entry.attack_type is AttackType.ASSASSINATION:
        return entry.attack_type
    mixed = _first_named_arm(token)
    if mixed is not None:
        return mixed
    if armed and attacked_facility(token) and not words & _BOMB_WORDS:
        return AttackType.FACILITY_ATTACK  # "gunmen stormed the prison": the site, not the arms
    if armed:
        return AttackType.ARMED_ASSAULT
    if words & _BOMB_WORDS:
        return AttackType.BOMBING
    if attacked_facility(token):
        return AttackType.FACILITY_ATTACK
    if entry.attack_type is None and attacked_peopled_site(token):
        return AttackType.ARMED_ASSAULT
    if _told_by_doers(token, entry):
        return AttackType.ARMED_ASSAULT
    return entry.attack_type
