"""Perpetrators named through responsibility phrases rather than as an agent.

Reports often name who carried out an event without making them its subject:
"the group responsible for the 2008 assault", "X has been linked to the
bombing, the abduction of Y and the attack on Z", "X is believed to have been
behind the attacks", "X was blamed for the blast", "the cell involved in the
massacre". The event noun sits under the phrase (through list items and
"including"), and the party is the phrase's subject or the noun it describes.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.state_actors import ARMED_FORCES
from mosaic.extract.text.syntax import (
    APPENDED_DEPS,
    ATTRIBUTIVE_DEPS,
    COORDINATE_DEPS,
    DESCRIBING_DEPS,
    IDENTITY_LABELS,
    KIND_MODIFIER_DEPS,
    NAME_FILLER_POS,
    NOT_IDENTITY_LABELS,
    PATIENT_DEPS,
    PLURAL_NOUN_TAGS,
    PREDICATIVE_DEPS,
    PREPOSITION_OBJECT_DEPS,
    PURPOSE_DEPS,
    RAISING_DEPS,
    SUBJECT_CLIMB_DEPS,
    SUBJECT_DEPS,
    antecedent,
    children,
    climbing_subject,
    is_passive,
    prep_objects,
    with_conjuncts,
)
from mosaic.model import EntityKind, EntityRef

LINK_VERBS = lexicon.words("events.link_verbs")
RESPONSIBLE_WORDS = lexicon.words("events.responsible_words")
ACCUSING_VERBS = lexicon.words("events.accusing_verbs")
PART_WORDS = lexicon.words("events.part_words")
_PREPS = lexicon.words("events.preps")
_LIST_PREPS = lexicon.words("events.list_preps")


def blamed_heads(trigger: Token) -> tuple[list[Token], bool]:
    """The heads of whoever a responsibility phrase over the trigger names, and whether the
    phrase only suspects them (linked, blamed, behind) rather than stating it (responsible)."""
    pinned = _pinned_on(trigger)
    if pinned:
        return pinned, True
    prep = _governing_prep(trigger)
    if prep is not None and prep.lower_ == "in":
        prep = _taking_part(prep) or prep
    if prep is None or prep.lower_ not in _PREPS:
        return [], False
    word = prep.head
    if prep.lower_ == "behind" or _on_trial(word):
        return _clause_subjects(word), True
    lemma = word.lemma_.lower()
    if lemma in RESPONSIBLE_WORDS:
        return _described(word), False
    verbs = ACCUSING_VERBS if prep.lower_ == "of" else LINK_VERBS | ACCUSING_VERBS
    if lemma not in verbs or word.pos_ != "VERB":
        return [], False
    if word.dep_ == "acl":  # "the group linked to the bombing"
        return [antecedent(word.head)], True
    if is_passive(word):
        return _clause_subjects(word), True
    if lemma == "blame" and prep.lower_ == "for":  # "officials blamed X for the blast"
        return with_conjuncts(children(word, "dobj")), True
    return [], False


PINNING_VERBS = lexicon.words("events.pinning_verbs")
"""Verbs that pin the event, their object or passive subject, on whoever their "on" names."""
ATTRIBUTING_VERBS = lexicon.words("events.attributing_verbs")
"""Verbs that lay the event, their object or passive subject, to whoever their "to" names."""


def _pinned_on(trigger: Token) -> list[Token]:
    """ "Officials blamed the bombing on X", "the attack was blamed on X", "violence blamed by
    Beijing on X", "the blast was attributed to X": the party the event is pinned on."""
    event = trigger
    while event.dep_ in COORDINATE_DEPS and event.head != event:
        event = event.head
    verb = _pinning_verb(event)
    if verb is None:
        return []
    prep = "on" if verb.lemma_.lower() in PINNING_VERBS else "to"
    found = prep_objects(verb, prep)
    if not found and event.head == verb and event.dep_ == "dobj":
        found = prep_objects(event, prep)[-1:]  # "blamed the bombing on X", "on" hung on it
        if not found:  # "blamed the bombing in Quetta on X", "on" hung on the place
            inside = [t for t in event.subtree if t.i > event.i]
            found = [o for t in inside for o in prep_objects(t, prep)][-1:]
    return with_conjuncts(found)


def _pinning_verb(event: Token) -> Token | None:
    """The verb pinning the event: the one it is the object or passive subject of, or a
    participle describing it ("violence blamed on X")."""
    candidates = [c for c in event.children if c.dep_ == "acl"]
    if event.dep_ in PATIENT_DEPS:
        candidates.insert(0, event.head)
    verbs = PINNING_VERBS | ATTRIBUTING_VERBS
    found = [v for v in candidates if v.pos_ == "VERB" and v.lemma_.lower() in verbs]
    return found[0] if found else None


def _governing_prep(trigger: Token) -> Token | None:
    """The preposition the trigger's noun phrase hangs from, passing list items ("the Y
    abduction and the Z attack") and "including" ("attacks including the assassination")."""
    current = trigger
    for _ in range(8):
        if current.dep_ == "conj" and current.pos_ == "NOUN" and current.head.pos_ == "VERB":
            return _listed_prep(current.head)  # the list's last item hung on the verb
        if current.dep_ in COORDINATE_DEPS and current.head != current:
            current = current.head
        elif current.dep_ == "pobj" and current.head.lower_ in _LIST_PREPS:
            current = current.head.head
        else:
            break
    if current.dep_ in SUBJECT_DEPS:
        return _listed_prep(current.head)
    return current.head if current.dep_ == "pobj" else None


TRIAL_NOUNS = lexicon.words("events.trial_nouns")


def _on_trial(verb: Token) -> bool:
    """ "X is on trial over the bombing": a copula whose "on" names a trial, the event's
    phrase hung on the copula beside it."""
    return verb.lemma_ == "be" and any(
        o.lemma_.lower() in TRIAL_NOUNS for o in prep_objects(verb, "on")
    )


def _taking_part(prep: Token) -> Token | None:
    """ "suspected of taking part in the attack", "accused of involvement in the bombing": the
    preposition ("of") of the accusation over the part taken."""
    word = prep.head
    if word.lemma_.lower() in ("part", "role") and word.dep_ == "dobj":
        word = word.head
    if word.lemma_.lower() not in PART_WORDS or word.dep_ not in PREPOSITION_OBJECT_DEPS:
        return None
    outer = word.head
    return outer if outer.dep_ == "prep" and outer.lower_ in ("of", "with", "for") else None


def _listed_prep(verb: Token) -> Token | None:
    """ "It has been linked to A, B and C" parsed with B as the subject's apposition or C as
    the verb's conjunct: the list still continues the verb's prepositional object."""
    if verb.lemma_.lower() not in LINK_VERBS:
        return None
    preps = [p for p in children(verb, "prep") if p.lower_ in _PREPS and children(p, "pobj")]
    return preps[0] if preps else None


def _described(word: Token) -> list[Token]:
    """ "the group responsible for": the group; "X was responsible for": X."""
    if word.dep_ in ATTRIBUTIVE_DEPS:
        return [antecedent(word.head)]
    if word.dep_ in PREDICATIVE_DEPS:
        return _clause_subjects(word.head)
    return []


def head_phrase(head: Token) -> list[Token]:
    """The head's phrase without appositions, clauses or list items hung on it by mistake."""
    cut = {t.i for c in head.children if c.dep_ in APPENDED_DEPS for t in c.subtree}
    return [t for t in head.subtree if t.i not in cut]


def _clause_subjects(verb: Token) -> list[Token]:
    """The subject of the clause, climbing "is believed to have been ...", "was said to be"."""
    current = verb
    for _ in range(3):
        found = children(current, *SUBJECT_DEPS)
        if found:
            return with_conjuncts(antecedent(t) for t in found)
        if current.dep_ not in RAISING_DEPS or current.head == current:
            return []
        current = current.head
    return []


ACTOR_ADJECTIVES = lexicon.words("events.actor_adjectives")  # fmt: skip
"""Words that name an armed side when they modify an attack ("a Baloch separatist attack")."""


def described_actor(head: Token) -> EntityRef | None:
    """An unnamed actor described by who they are ("four Tajik men", "Uighurs from China"): a
    plural noun with a nationality or ethnicity, named as the report describes it."""
    if head.tag_ not in PLURAL_NOUN_TAGS:
        return None
    words = [t for c in head.lefts if c.dep_ in DESCRIBING_DEPS for t in c.subtree]
    words = [t for t in words if t.pos_ not in NAME_FILLER_POS]
    identity = [t for t in words if _is_identity(t)]
    ethnonym = head.ent_type_ == "NORP" or (head.text[:1].isupper() and not _opens_prose(head))
    if not identity and not ethnonym:
        return None
    full = _text([*words, head])
    plain = _text([t for t in words if t.pos_ != "NUM"] + [head])
    core = _text([*identity, head])
    aliases = [plain, core] + ([head.text] if ethnonym else [])
    return _unnamed(full, aliases)


def _opens_prose(token: Token) -> bool:
    """Whether the word opens a run of prose, where any word is written with a capital: at a
    sentence's start, or after a dateline's or a quotation's punctuation ("KABUL (AP) —
    Militants attacked", a comma aside) its capital names no people."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct and before.text != ","


STATE_FORCES = ARMED_FORCES | lexicon.words("events.force_members")
"""Nouns for a state's armed or police forces or their members ("troops", "commandos")."""
FORCE_NOUNS = STATE_FORCES | lexicon.words("events.militia_nouns")
"""Nouns for armed or police forces: described by their kind ("government troops", "the
provincial police"), they name the side that acted even when no country or unit is named."""


def force_actor(head: Token) -> EntityRef | None:
    """An unnamed state force in an agent's position ("an offensive by government troops",
    "paramilitary soldiers raided ..."), named with its describing words. A force with a
    nationality ("Pakistani troops") is left to the state it belongs to."""
    if head.lower_ not in FORCE_NOUNS:
        return None
    words = [t for c in head.lefts if c.dep_ in DESCRIBING_DEPS for t in c.subtree]
    words = [t for t in words if t.pos_ not in NAME_FILLER_POS and t.pos_ != "NUM"]
    if not words or any(_is_identity(t) for t in words):
        return None
    full = _text([*words, head])
    return _unnamed(full, [full.lower()] if full[:1].isupper() else [])


def _is_identity(token: Token) -> bool:
    """A nationality, ethnicity or home ("Tajik", "Afghan", "Baloch"), not a group's name."""
    if token.pos_ == "NUM" or token.ent_type_ in NOT_IDENTITY_LABELS:
        return False
    return token.ent_type_ in IDENTITY_LABELS or token.pos_ == "PROPN"


def modifier_actor(trigger: Token) -> EntityRef | None:
    """The side an attack's modifiers name ("a Baloch separatist attack": Baloch separatists)."""
    words = sorted(
        (t for c in trigger.lefts if c.dep_ in KIND_MODIFIER_DEPS for t in c.subtree),
        key=lambda t: t.i,
    )
    if len(words) < 2 or words[-1].lower_ not in ACTOR_ADJECTIVES:
        return None
    if not any(_is_identity(t) for t in words[:-1]):
        return None
    plural = words[-1].text + "s"
    name = _text(words[:-1]) + " " + plural
    return _unnamed(name, [name.replace(plural, words[-1].text + " militants"), plural])


def _text(tokens: list[Token]) -> str:
    ordered = sorted(tokens, key=lambda t: t.i)
    return "".join(t.text_with_ws for t in ordered).strip()


def _unnamed(name: str, aliases: list[str]) -> EntityRef:
    others = tuple(a for a in dict.fromkeys(aliases) if a and a != name)
    return EntityRef(name=name, kind=EntityKind.OTHER, aliases=others)


ATTENDING_VERBS = lexicon.words("events.attending_verbs")  # fmt: skip
GATHERING_VERBS = ATTENDING_VERBS | lexicon.words("events.gathering_verbs")
"""Verbs whose purpose phrase names a meeting the subject takes part in ("came for talks")."""
_PURPOSE_STEPS = 4
"""The links from a meeting noun up to the "for" of "came for (what was billed as) talks"."""


def participant_heads(trigger: Token) -> list[Token]:
    """Who took part in a meeting: "X met with Y" (X and Y), "X attended a meeting", "X told a
    conference", "after attending a meeting, X said" (X), "talks between X and Y"."""
    heads = prep_objects(trigger, "with", "between")
    if trigger.pos_ == "VERB":  # "X met Y" as well as "X met with Y"
        met = with_conjuncts(children(trigger, "dobj")) if trigger.lemma_ == "meet" else []
        return [*_acting_subjects(trigger), *heads, *met]
    verb = trigger.head
    if trigger.dep_ == "pobj" and verb.lower_ in ("at", "to", "in"):
        verb = verb.head
    elif trigger.dep_ != "dobj":
        return [*_gathered_for(trigger), *heads]
    if verb.lemma_.lower() in ATTENDING_VERBS and verb.pos_ == "VERB":
        heads = [*_acting_subjects(verb), *heads]
    return heads


def _gathered_for(trigger: Token) -> list[Token]:
    """Who came together for the meeting: "envoys gathered in Doha for talks", "X joined Y
    in Islamabad for what was billed as a meeting" (X and Y)."""
    word = trigger
    for _ in range(_PURPOSE_STEPS):
        if word.dep_ not in PURPOSE_DEPS or word.head == word:
            return []
        word = word.head
        if word.dep_ == "prep" and word.lower_ == "for" and word.head.pos_ == "VERB":
            verb = word.head
            if verb.lemma_.lower() not in GATHERING_VERBS:
                return []
            joined = with_conjuncts(children(verb, "dobj")) if verb.lemma_ == "join" else []
            return [*_acting_subjects(verb), *joined]
    return []


def _acting_subjects(verb: Token) -> list[Token]:
    """The active subject of the verb's clause, climbing "after attending ..., X said"."""
    return climbing_subject(verb, SUBJECT_CLIMB_DEPS, steps=4)
