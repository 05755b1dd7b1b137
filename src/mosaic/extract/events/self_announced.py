"""A group that announces its own founding: "X announced its formation in March".

The founding noun's possessor is a pronoun, which the finder leaves alone for a
founding ("its formation" is too often a plan, or the group forming something
else); where the noun is what the group itself announced, the pronoun stands for
the announcer, and the group founded is the announcing verb's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import children, prep_objects, subject

ANNOUNCING_VERBS = lexicon.words("events.self_announcing_verbs")


def self_announced(token: Token, context: SentenceContext) -> EntityMention | None:
    """The group that announced the founding noun `token` as its own ("X announced its
    formation", "the X Front, a new group, declared its founding"), if any."""
    verb = token.head
    if token.dep_ != "dobj" or verb.lemma_.lower() not in ANNOUNCING_VERBS:
        return None
    if not any(p.pos_ == "PRON" for p in children(token, "poss")) or prep_objects(token, "of"):
        return None  # "announced its formation of a new wing": the wing is founded
    for head in subject(verb):
        named = [context.mention_at(h) for h in (head, *children(head, "appos"))]
        groups = [m for m in named if m is not None and m.role is Role.GROUP]
        if groups:
            return groups[0]
    return None
