"""Groups founded by people who left another: "X was formed by former members of Y",
"dissidents from Y founded X", "X, set up by defectors from the TTP".

A founding verb whose founders are named as having left a group (defectors or
dissidents of it, or its former members or commanders) says the group founded split from
the one they left. The founders' group is the object of "of" or "from", or a name set
before them ("former TTP commanders").
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.parties import parties
from mosaic.extract.relations.nouns import MEMBER_NOUNS, PAST_OFFICE, Candidate
from mosaic.extract.relations.verbs import FOUNDING
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import agents, children, is_passive, lemma, prep_objects, subject
from mosaic.model import RelationType

LEAVER_NOUNS = lexicon.words("relations.leaver_nouns")
"""People named by having left a group ("defectors from Y", "Y dissidents")."""
LEAVING_WORDS = PAST_OFFICE | lexicon.words("relations.leaving_words")
"""What makes members ones who left: "former", "disaffected", "ex-"."""


def offshoots(context: SentenceContext) -> list[Candidate]:
    """Every split the sentence states as a group founded by those who left another."""
    found: list[Candidate] = []
    for verb in context.sent:
        if verb.pos_ != "VERB" or lemma(verb) not in FOUNDING:
            continue
        founders = [f for f in _founders(verb) if _left(f)]
        left = parties([g for f in founders for g in _their_group(f)], context)
        for group in parties(_founded(verb), context):
            found += [Candidate(RelationType.SPLIT_FROM, group, parent, verb.i, dated=True)
                      for parent in left if parent != group]  # fmt: skip
    return found


def _founders(verb: Token) -> list[Token]:
    """The subject, or the passive's "by" phrase (which the parser may call a plain prep)."""
    if not is_passive(verb):
        return subject(verb)
    return agents(verb) or prep_objects(verb, "by")


def _founded(verb: Token) -> list[Token]:
    """The group founded: the passive subject, the noun a participle describes ("X, set up
    by ..."), or the object."""
    if not is_passive(verb):
        return children(verb, "dobj")
    if verb.dep_ == "acl":
        return [verb.head.head if verb.head.dep_ == "appos" else verb.head]
    return children(verb, "nsubjpass")


def _left(founder: Token) -> bool:
    """ "defectors", "dissidents", or "former members" / "disaffected commanders"."""
    word = founder.lemma_.lower()
    if word in LEAVER_NOUNS:
        return True
    return word in MEMBER_NOUNS and any(c.lower_ in LEAVING_WORDS for c in founder.children)


def _their_group(founder: Token) -> list[Token]:
    return prep_objects(founder, "of", "from") + children(founder, "compound", "poss")
