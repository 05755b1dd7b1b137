"""Who a sentence quotes: "police said", "according to a UN report", "Webber told".

A finding made in a sentence that reports someone's words carries the
speaker's name in `attributed_to`, so a reader can tell the report's own voice
from the claims it relays. The speaker is the named entity at the head of the
speech verb's subject where there is one ("Amina Rauf, a researcher at the
institute, said" -> "Amina Rauf"), else the subject's noun phrase ("a senior
officer of the provincial police").
Pronouns resolve to the last person named before the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.types import entry_for
from mosaic.extract.text.syntax import (
    PATIENT_DEPS,
    SUBJECT_DEPS,
    TRAILING_DEPS,
    VERB_POS,
    agents,
    children,
    is_passive,
)
from mosaic.extract.text.words import ARTICLES

TELLING_VERBS = lexicon.words("attribution.telling_verbs")
SPEECH_VERBS = TELLING_VERBS | lexicon.words("attribution.speech_verbs")
PRONOUNS = lexicon.words("attribution.pronouns")
_CLAIMS_OF_RESPONSIBILITY = lexicon.words("attribution.claims_of_responsibility")


def _speech_verb(sent: Span) -> Token | None:
    """The sentence's speech verb with a subject: "X said", "X told", "X estimated"."""
    for token in sent:
        if token.pos_ not in VERB_POS or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        if any(_claimed_act(c) for c in token.children if c.dep_ in PATIENT_DEPS):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return token
    return None


def _claimed_act(word: Token) -> bool:
    """ "claimed responsibility", "claimed the attack": a claim of a deed, not of a fact."""
    return word.lemma_.lower() in _CLAIMS_OF_RESPONSIBILITY or entry_for(word) is not None


def according_to(sent: Span) -> Token | None:
    """The head of the noun phrase in "according to X"."""
    for token in sent:
        if token.lower_ == "to" and token.i > sent.start and token.nbor(-1).lower_ == "according":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _phrase(head: Token) -> str:
    """The noun phrase headed by `head`, without a leading article or trailing apposition."""
    words: list[Token] = []
    for token in head.subtree:
        if token.i > head.i and (token.dep_ in TRAILING_DEPS or token.is_punct):
            break
        words.append(token)
    while words and words[0].lower_ in ARTICLES:
        words = words[1:]
    return "".join(t.text_with_ws for t in words).strip(" ,")


def _named(head: Token, mentions: Sequence[EntityMention]) -> str | None:
    for mention in mentions:
        if mention.start <= head.i < mention.end and mention.role is not Role.DEMONYM:
            return mention.ref.name if mention.ref else mention.text
    return None


def speaker(
    sent: Span, mentions: Sequence[EntityMention], last_person: str | None = None
) -> str | None:
    """The name or noun phrase of whoever the sentence quotes, if it quotes anyone."""
    head = according_to(sent)
    if head is None:
        verb = _speech_verb(sent)
        if verb is None:
            return None
        speakers = agents(verb) if is_passive(verb) else children(verb, "nsubj")
        if not speakers:
            return None
        head = speakers[0]
    if head.lower_ in PRONOUNS:
        return last_person if head.lower_ in ("he", "she") else None
    return _named(head, mentions) or _phrase(head) or None


def last_person_before(mentions: Sequence[EntityMention], position: int) -> str | None:
    """The last person named before token `position`, for "he said"."""
    people = [m for m in mentions if m.role is Role.PERSON and m.end <= position]
    if not people:
        return None
    last = people[-1]
    return last.ref.name if last.ref else last.text
