"""The attacker's name, told in a sentence after the attack: "The bomber was identified as X".

Wire reports tell an attack by what its attacker did ("a suicide bomber killed nine people")
and name the attacker next, naming the attacker again as such: "The bomber was identified as
X", "Officials named the attacker as X", "The assailant, identified as X, was shot dead",
"Police said the attacker, X, was arrested", or by a pronoun whose sentence before has an
attacker as its subject ("An assailant threw a grenade ... He was later identified as X").
The name (and a group its phrase ties the person to, "X, a member of Y") joins the attack
told just before the sentence as its perpetrator, as a follow-up claim does.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.attribution.speakers import PRONOUNS
from mosaic.extract.entities.mentions import Role
from mosaic.extract.events.followups import FollowUp
from mosaic.extract.events.slots import actor_mentions, phrase
from mosaic.extract.numbers.casualties import ATTACKER_WORDS
from mosaic.extract.text.modality import DEFINITE, is_negated
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import PLURAL_NOUN_TAGS, children, prep_objects, subject
from mosaic.model import PerpetratorStatus

IDENTIFYING_VERBS = lexicon.words("events.identifying_verbs")
_ACTING_ROLES = (Role.PERSON, Role.GROUP)


def attacker_named(context: SentenceContext) -> FollowUp | None:
    """The person the sentence names as the attacker of the event before it, if any."""
    if not any(m.role is Role.PERSON for m in context.mentions):
        return None  # most sentences: no one to name, so no need to read the parse
    people = [p for token in context.sent for p in _names_of(token)]
    people = [p for p in people if _is_person(p, context)]
    # The person, and a group the person's phrase ties them to ("X, a member of Y"); the
    # person is the one who acted, not a spokesman standing for the group.
    named = actor_mentions([t for p in people for t in phrase(p)], context, _ACTING_ROLES)
    refs = tuple(dict.fromkeys(m.ref for m in named if m.ref is not None))
    if not refs:
        return None
    # Anchored at the sentence's end: the attack may be told in the same sentence ("The
    # assailant, identified as X, was shot dead by guards").
    return FollowUp(context.evidence.end, refs, PerpetratorStatus.ATTRIBUTED)


def _names_of(token: Token) -> list[Token]:
    """The names the token, an attacker named again, is given in its sentence."""
    if not _attacker_again(token):
        return []
    names = children(token, "appos")  # "the attacker, X, was arrested"
    names += [n for v in children(token, "acl") for n in _named_as(v)]  # "..., named as X,"
    if token.dep_ in ("nsubjpass", "dobj"):  # "the bomber was identified as X", "named him as X"
        names += _named_as(token.head)
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":  # "the bomber was X"
        names += children(token.head, "attr")
    return names


def _attacker_again(token: Token) -> bool:
    """An attacker named again ("the bomber"), or a pronoun standing for the attacker the
    sentence before has as its subject ("An assailant threw a grenade. He was ...")."""
    if token.lower_ in PRONOUNS:
        return _attacker_before(token)
    attacker = token.lemma_.lower() in ATTACKER_WORDS
    return attacker and any(c.lower_ in DEFINITE for c in token.children)


def _attacker_before(pronoun: Token) -> bool:
    """Whether the sentence before has an attacker as its subject, of the pronoun's number
    ("Gunmen shot a judge. He was ...": he is the judge)."""
    sent = pronoun.sent
    if sent.start == 0:
        return False
    before = pronoun.doc[sent.start - 1].sent
    plural = "Plur" in pronoun.morph.get("Number", default=[])
    return any(
        s.lemma_.lower() in ATTACKER_WORDS and (s.tag_ in PLURAL_NOUN_TAGS) == plural
        for s in subject(before.root)
    )


def _named_as(verb: Token) -> list[Token]:
    """ "identified as X", "named as X": the verb's "as" object, unless the verb is negated."""
    if verb.lemma_.lower() not in IDENTIFYING_VERBS or is_negated(verb):
        return []
    return prep_objects(verb, "as")


def _is_person(token: Token, context: SentenceContext) -> bool:
    mention = context.mention_at(token)
    return mention is not None and mention.role is Role.PERSON
