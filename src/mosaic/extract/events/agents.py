"""Agents an event's trigger reaches only through a modifier or a neighbouring clause.

Besides the subject and the "by" phrase, reports name who acted in ways the
plain agent rules miss: the subject of a killing told with the attack it happened in
("X killed 14 guards in an attack"), a "-led" modifier ("a US-led air raid", "the
French-led invasion"), a gerund after "by" whose actor is the clause's
subject ("the group spread fear by beheading captives"), partners the
perpetrator worked with ("X teamed up with Y to carry out the bombing"), and
an event listed under a verb with "including" ("the group has targeted
minorities, including a bombing in Kabul").
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.numbers.casualties import WOUNDING_VERBS
from mosaic.extract.text.modality import LAUNCH_VERBS
from mosaic.extract.text.sentences import SentenceContext, group_before
from mosaic.extract.text.syntax import (
    CONTINUING_CLAUSE_DEPS,
    COORDINATE_DEPS,
    NAME_MODIFIER_DEPS,
    NOUN_POS,
    PATIENT_DEPS,
    VERB_POS,
    agents,
    children,
    is_passive,
    prep_objects,
    subject,
)

PARTNER_VERBS = lexicon.words("events.partner_verbs")  # fmt: skip
"""Verbs whose "with" partner shares the act they go on to carry out."""
LIST_WORDS = lexicon.words("events.list_words")
ACTING_VERBS = LAUNCH_VERBS | lexicon.words("events.acting_verbs")
"""Verbs whose objects or subjects listed with "including" are their actor's acts."""


def led_words(trigger: Token) -> list[Token]:
    """The "led" of "-led" modifiers on the trigger or on a noun modifying it."""
    nouns = [trigger, *children(trigger, "compound")]
    return [
        led for noun in nouns for led in children(noun, "amod", "compound")
        if led.lower_ == "led" or led.lower_.endswith("-led")
    ]  # fmt: skip


def led_by(trigger: Token) -> list[Token]:
    """ "a US-led air raid", "the American-led invasion": the leaders before "-led"."""
    return [c for led in led_words(trigger) for c in led.children
            if c.dep_ in NAME_MODIFIER_DEPS and c.i < led.i]  # fmt: skip


def led_coalition(trigger: Token, context: SentenceContext) -> list[EntityMention]:
    """ "a US-led coalition raid": a coalition named with its leader acts as one side."""
    found = []
    for word in [trigger, *children(trigger, "compound", "nsubj", "poss")]:
        mention = context.mention_at(word)
        if mention is not None and mention.ref is not None and mention.role is Role.ORG:
            tokens = context.doc[mention.start : mention.end]
            if any(t.lower_ == "led" or t.lower_.endswith("-led") for t in tokens):
                found.append(mention)
    return found


SPEAKER_NOUNS = lexicon.words("events.speaker_nouns")
"""A person with this title claims for a group: the group is the perpetrator."""


def spoken_for(mention: EntityMention, context: SentenceContext) -> EntityMention:
    """ "Spokesman X claimed the attack", "X, a spokesman for the group, claimed it": the group
    the spokesman speaks for (named in the phrase, else the group talked about); the spokesman
    is only the claim's source."""
    if mention.role is not Role.PERSON:
        return mention
    head = context.doc[mention.start : mention.end].root
    titles = [t for t in [*head.children, head.head] if t.lemma_.lower() in SPEAKER_NOUNS]
    if not titles:
        return mention
    for title in titles:
        for word in [*prep_objects(title, "for", "of"), *children(title, "poss", "compound")]:
            found = context.mention_at(word)
            if found is not None and found.role is Role.GROUP:
                return found
    return group_before(context, mention.start) or mention


def gerund_actor(trigger: Token) -> list[Token]:
    """ "X left a scar by slitting throats": the clause's subject acts the gerund after "by"."""
    head = trigger.head
    if trigger.dep_ != "pcomp" or head.lower_ != "by" or head.head == head:
        return []
    verb = head.head
    if verb.pos_ not in VERB_POS:
        return []
    return agents(verb) if is_passive(verb) else subject(verb)


HARMING_VERBS = WOUNDING_VERBS | lexicon.words("events.harming_verbs")
"""Verbs whose actor carried out the attack they did it in ("X killed 14 guards in an attack")."""


def harming_actor(trigger: Token) -> list[Token]:
    """ "X killed 14 guards in an attack", "X wounded five during the raid": the subject of
    an active harming verb the event is the "in" or "during" phrase of."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.head == prep:
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in HARMING_VERBS or is_passive(verb):
        return []
    return subject(verb)


def partners(verb: Token) -> list[Token]:
    """ "X collaborated with Y to carry out ...": Y took part in what the clause carries out."""
    if verb.dep_ not in CONTINUING_CLAUSE_DEPS or verb.head == verb:
        return []
    head = verb.head
    if head.lemma_.lower() not in PARTNER_VERBS:
        return []
    return prep_objects(head, "with")


def list_host(trigger: Token) -> Token | None:
    """ "attacks in Pakistan, including the assassination of X": the word an event listed with
    "including" is one of (here "attacks")."""
    head = trigger.head
    while trigger.dep_ in COORDINATE_DEPS and head != trigger:
        trigger, head = head, head.head
    if trigger.dep_ != "pobj" or head.lower_ not in LIST_WORDS or head.head == head:
        return None
    return head.head


def listing_verb(trigger: Token) -> Token | None:
    """ "X has targeted minorities, including a school bombing", "X claimed responsibility for
    attacks, including two bombings": the verb whose act an event listed with "including"
    is one of."""
    verb = list_host(trigger)
    if verb is None:
        return None
    if verb.pos_ in NOUN_POS and verb.dep_ in PATIENT_DEPS:
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ACTING_VERBS:
        return None
    return verb


def verb_agents(verb: Token) -> list[Token]:
    """The verb's actor: its "by" phrase if passive, else its subject (or the one a passive
    reporting verb raises: "X were reported to have surged")."""
    found = agents(verb) if is_passive(verb) else subject(verb)
    return found or _raised_subject(verb)


def _raised_subject(verb: Token) -> list[Token]:
    """ "X were reported to have surged": the subject a passive reporting verb raises."""
    if verb.dep_ != "xcomp" or not is_passive(verb.head):
        return []
    return children(verb.head, "nsubjpass")
