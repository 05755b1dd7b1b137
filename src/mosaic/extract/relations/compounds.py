"""Relations told by a hyphenated participle before a name: "the Taliban-allied Haqqani
network", "the al-Qaeda-affiliated X", "the Hakimullah-led TTP"; and by a noun set between
two names ("the Pakistani Taliban splinter group X", `entities/parent_names.py`).

"Y-<participle> X" says X was <participle> by or with Y. The participle's verb pattern
names the relation: a verb with a direct object ("lead", "found") makes Y its subject
and X its object ("the P-led X": P leads X); a verb with a preposition ("allied with",
"affiliated with") makes X its subject and Y its object. Only participles of firm ties
count (`compound_participles`: not "linked", which says too little). The tokenizer splits
"Taliban-allied" into the name, a hyphen and the participle; the parser's reading of such
runs is unreliable, so the run is read from the tokens.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.entities.parent_names import parent_after, parent_before
from mosaic.extract.entities.parties import party
from mosaic.extract.relations.nouns import Candidate
from mosaic.extract.relations.rules.registry import verb_patterns
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import NOUN_POS, lemma
from mosaic.model import RelationType

COMPOUND_PARTICIPLES = lexicon.words("relations.compound_participles")
_REACH = 3
"""How many tokens after the participle the described name may start ("the Taliban-allied
Haqqani network", "the IS-affiliated militant group X")."""


def compound_relations(context: SentenceContext) -> list[Candidate]:
    """Every relation the sentence states by a hyphenated participle before a name."""
    found: list[Candidate] = []
    if len(context.mentions) < 2 or "-" not in context.evidence.sentence:
        return found
    for word in context.sent:
        relation = _relation(word)
        modifier = _joined_name(word, context) if relation is not None else None
        described = _described(word, context) if modifier is not None else None
        if relation is None or modifier is None or described is None:
            continue
        kind, modifier_leads = relation
        subject, obj = (modifier, described) if modifier_leads else (described, modifier)
        if subject != obj:
            found.append(Candidate(kind, subject, obj, word.i, dated=False))
    return found


_NOUN_KINDS = {"split": RelationType.SPLIT_FROM, "affiliate": RelationType.AFFILIATE_OF,
               "ally": RelationType.ALLIANCE}  # fmt: skip


def parent_name_relations(context: SentenceContext) -> list[Candidate]:
    """ "the Pakistani Taliban splinter group X": X split from the name before the noun; "the
    Yemeni branch of Y" (a group told by what it is): it is an affiliate of Y."""
    found: list[Candidate] = []
    for mention in context.mentions:
        described = parent_before(mention, context.mentions, context.doc) or parent_after(
            mention, context.mentions, context.doc
        )
        kind = _NOUN_KINDS.get(described[0]) if described is not None else None
        if described is not None and kind is not None and mention.ref is not None:
            found.append(Candidate(kind, mention, described[1], mention.start, dated=False))
    return found


def _relation(word: Token) -> tuple[RelationType, bool] | None:
    """The relation the participle names, and whether the name before it is the subject."""
    if word.tag_ != "VBN" or lemma(word) not in COMPOUND_PARTICIPLES:
        return None
    plain = [p for p in verb_patterns(lemma(word)) if p.needs is None and p.particle is None]
    return (plain[0].type, plain[0].prep is None) if plain else None


def _joined_name(word: Token, context: SentenceContext) -> EntityMention | None:
    """The name joined to the participle by a hyphen ("Taliban-allied")."""
    doc = word.doc
    hyphen = word.i - 1
    if hyphen < 1 or doc[hyphen].text != "-" or doc[hyphen].whitespace_:
        return None
    if doc[hyphen - 1].whitespace_:
        return None
    return next((m for m in context.mentions if m.end == hyphen and m.ref is not None), None)


def _described(word: Token, context: SentenceContext) -> EntityMention | None:
    """The name the participle describes: one starting just after it, past at most a few
    words ("Haqqani network"), else the noun it modifies standing for a party ("an
    al-Qaeda-affiliated group" in apposition to X)."""
    doc, end = word.doc, min(word.i + 1 + _REACH, context.sent.end)
    for i in range(word.i + 1, end):
        mention = context.mention_at(doc[i])
        if mention is not None:
            return mention if mention.ref is not None else None
        if doc[i].pos_ not in (*NOUN_POS, "ADJ"):
            break
    head = word.head
    return party(head, context) if head.pos_ in NOUN_POS else None
