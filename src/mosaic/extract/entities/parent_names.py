"""A group's name set before another's to describe it: "the Pakistani Taliban splinter group
Jamaat-ul-Ahrar", "the al-Qaeda affiliate al-Shabaab", "the IS-linked JAD"; or inside an
apposition that describes it: "Ansaru, a breakaway faction of Boko Haram"; or standing in a
relative clause that ties the described group to it ("X, which split from Y"); or owning, or
standing under "of" after, the branch noun a group told by what it is ends with ("the Islamic
State's Khorasan branch", "the Yemeni branch of al-Qaeda", `branch_names`).

The name so placed says whose offshoot, branch or partner the described group is; it is no
actor of what the sentence says that group did. The parser's reading of a run of names and
nouns is unreliable (it takes "splinter" or the second name for a subject), so the run
before a name is read from the tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.relations.rules.registry import verb_patterns
from mosaic.extract.text.syntax import NOUN_POS, SUBJECT_DEPS, VERB_POS, antecedent, children

SPLIT_WORDS = lexicon.words("relations.split_words")
AFFILIATE_WORDS = lexicon.words("relations.affiliate_nouns") | lexicon.words(
    "relations.front_nouns"
)
ALLY_WORDS = lexicon.words("relations.ally_nouns")
LINK_PARTICIPLES = lexicon.words("entities.link_participles")
"""Participles joined by a hyphen to a name that describe the next name by it ("IS-linked")."""
_KINDS = (("split", SPLIT_WORDS), ("affiliate", AFFILIATE_WORDS), ("ally", ALLY_WORDS))
_DESCRIBING = frozenset(word for _, words in _KINDS for word in words)
_REACH = 4
"""How many words may stand between the two names ("splinter group", "militant faction")."""
_POSSESSIVE = lexicon.words("entities.possessive")


def parent_before(
    mention: EntityMention, mentions: Sequence[EntityMention], doc: Doc
) -> tuple[str, EntityMention] | None:
    """The kind ("split", "affiliate", "ally"; "link" for a hyphened participle) and the name
    of `mentions` that a run of nouns before the mention describes it by, if any."""
    first = doc[mention.start].sent.start
    i, words = mention.start - 1, list[Token]()
    while i > first and len(words) < _REACH and _describing_word(doc[i]):
        words.append(doc[i])
        i -= 1
    if i >= first and doc[i].text in _POSSESSIVE:
        i -= 1
    parent = next((m for m in mentions if m.end == i + 1 and m != mention), None)
    if parent is None or i < first:
        return None
    kind = _linked(words) or _kind(words) or _kind(_own_noun(mention, doc))
    return (kind, parent) if kind is not None else None


def parent_after(
    mention: EntityMention, mentions: Sequence[EntityMention], doc: Doc
) -> tuple[str, EntityMention] | None:
    """The kind and the name of `mentions` that stands after "of" when the mention ends with
    a describing noun ("the Yemeni branch of X": "affiliate", X)."""
    kind = _kind(_own_noun(mention, doc))
    i = mention.end
    if kind is None or i >= len(doc) or doc[i].lower_ != "of":
        return None
    i += 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else 1
    parent = next((m for m in mentions if m.start == i and m != mention), None)
    return (kind, parent) if parent is not None else None


def _own_noun(mention: EntityMention, doc: Doc) -> list[Token]:
    """The run of lower-case words the mention ends with, a noun last: a group told by what it
    is ("IS's Yemeni affiliate", "a breakaway faction of Y"), whose parent owns it."""
    last = doc[mention.end - 1]
    if not (last.is_lower and last.pos_ in NOUN_POS):
        return []
    words = [last]  # on past the mention's start: "a breakaway" before its "faction"
    first = doc[mention.start].sent.start
    while words[-1].i > first and doc[words[-1].i - 1].is_lower:
        words.append(doc[words[-1].i - 1])
    return words


def _describing_word(token: Token) -> bool:
    return (token.is_lower and token.pos_ in (*NOUN_POS, "ADJ", "VERB")) or token.text == "-"


def _linked(words: Sequence[Token]) -> str | None:
    """ "IS-linked": the last word before the name's run is a hyphened participle."""
    if len(words) < 2 or words[-1].text != "-" or words[-1].whitespace_:
        return None
    return "link" if words[-2].lemma_.lower() in LINK_PARTICIPLES else None


def _kind(words: Sequence[Token]) -> str | None:
    if any(w.pos_ == "VERB" or w.text == "-" for w in words):
        return None
    lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
    return next((kind for kind, class_words in _KINDS if lemmas & class_words), None)


def parent_of(
    mention: EntityMention, mentions: Sequence[EntityMention], doc: Doc
) -> EntityMention | None:
    """The name of `mentions` set before the mention to describe it, if any."""
    found = parent_before(mention, mentions, doc)
    return found[1] if found is not None else None


def names_a_parent(mention: EntityMention, mentions: Sequence[EntityMention], doc: Doc) -> bool:
    """Whether the mention only describes another of `mentions`: set before its name as its
    parent or partner, or owning a describing noun said of it ("X, a faction of Y", "X, which
    is thought to be the wing of Y")."""
    after = [m for m in mentions if mention.end < m.start <= mention.end + _REACH + 2]
    if any(parent_of(m, mentions, doc) == mention for m in after):
        return True
    before = [m for m in mentions if mention.start - 3 <= m.end <= mention.start]
    if any((found := parent_after(m, mentions, doc)) and found[1] == mention for m in before):
        return True
    return _described(mention, mentions, doc) is not None


def _described(
    mention: EntityMention, mentions: Sequence[EntityMention], doc: Doc
) -> EntityMention | None:
    """The other mention a describing noun owned by this one is said of ("Y" of "Y, a
    breakaway faction of X"); none past a verb of its own clause."""
    root = doc[mention.start : mention.end].root
    for above in list(root.ancestors)[:3]:
        if above.lemma_.lower() in _DESCRIBING:
            target = _described_word(above)
        elif above.pos_ in VERB_POS:
            target = _relative_clause_subject(above)
        else:
            continue
        found = next((m for m in mentions if target is not None and
                      m.start <= target.i < m.end), None)  # fmt: skip
        return found if found != mention else None
    return None


def _relative_clause_subject(verb: Token) -> Token | None:
    """What a relative clause stating a tie is said of: "X, which split from Y", "X, a faction
    that broke away from Y", "X, which has pledged allegiance to Y" (X, or the noun apposed to
    X); None for any other verb, whose clause tells what its parties did."""
    if verb.dep_ != "relcl" or not verb_patterns(verb.lemma_.lower()):
        return None
    noun = verb.head
    return noun.head if noun.dep_ == "appos" else noun


def _relative_verb(noun: Token) -> Token | None:
    """The relative clause's verb the describing noun completes, as its object or after "as"
    ("which police call a front for Y", "which officials describe as a wing of Y")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "oprd"):
        return None
    return verb if verb.dep_ == "relcl" and verb.pos_ in VERB_POS else None


def _described_word(noun: Token) -> Token | None:
    """What the describing noun is said of: the word it is in apposition to or the name set in
    apposition to it, or the subject of the copula it completes ("which is thought to be the
    wing of Y": the relative's noun)."""
    if noun.dep_ == "appos":
        return noun.head
    named = children(noun, "appos")  # "Y's offshoot, X, claimed it"
    if named:
        return named[0]
    relative = _relative_verb(noun)
    if relative is not None:  # "X, which police call a front for Y": X
        return relative.head.head if relative.head.dep_ == "appos" else relative.head
    if noun.dep_ != "attr":
        return None
    verb = noun.head
    said_of = children(verb, *SUBJECT_DEPS)
    if not said_of and verb.dep_ == "xcomp":  # "is believed to be", "is thought to be"
        said_of = children(verb.head, *SUBJECT_DEPS)
    return antecedent(said_of[0]) if said_of else None
