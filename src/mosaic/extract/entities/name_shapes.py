"""What a name looks like: a person's, an armed group's, a new place's, a people's.

These tests read the name and the words around it, never a gazetteer or the place table:
the linker uses them for names neither lists ("a militant group called X", "Baloch
separatists"), and a title before a name ("Mr", "Mullah") makes it a person's.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import NAME_MODIFIER_DEPS

ARMED_NAME_WORDS = lexicon.words("entities.armed_name_words")  # fmt: skip
_ARMED_PHRASE = (
    r"(?:militant|terrorist|armed|insurgent|jihadi|jihadist|extremist|separatist|rebel|"
    r"splinter|breakaway|banned|outlawed|proscribed)\s+(?:group|outfit|organi[sz]ation|faction|"
    r"movement|network)"
)
_GROUP_NOUN = r"(?:affiliate|offshoot|faction|outfit|splinter\s+group|branch|franchise)"
_ARMED_BEFORE = re.compile(
    rf"\b(?:(?:{_ARMED_PHRASE}|{_GROUP_NOUN})\s*,?\s*|group\s+(?=called|named|known|dubbed))"
    r"(?:(?:called|named|known\s+as|dubbed)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
"""A cue that introduces the name: "the militant group X", "an affiliate called X"."""
_ARMED_AFTER = re.compile(
    r"^\s*(?:,|\(|(?:is|was|are|were|became|has\s+been)\s)\s*(?:(?:a|an|the|its|one)\s+)?"
    rf"(?:(?!(?:of|for|by|as|with|from|to)\s)[\w'’-]+\s+){{0,4}}?(?:{_ARMED_PHRASE}|{_GROUP_NOUN})"
    r"\b(?!\s*['’])"
    r"|^\s*(?:faction|offshoot|outfit)\b",
    re.IGNORECASE,
)
"""A cue that describes the name: its apposition ("X, an al-Qaeda affiliate"), a copula
("X is a banned outfit") or a group noun right after it ("the X faction")."""
PERSON_ROLES = lexicon.words("entities.person_roles")  # fmt: skip
"""Words that make the words around a person's name about that person."""
PEOPLE_NOUNS = lexicon.words("entities.people_nouns")  # fmt: skip
"""Nouns for people a people's name modifies ("Baloch separatists", "Hazara Shias")."""
TITLES = lexicon.words("entities.titles")  # fmt: skip
"""Titles a later mention may put before a surname ("Mr Khan", "Mullah Rasool")."""


EVENT_NAME_WORDS = lexicon.words("entities.event_name_words")  # fmt: skip
LEADING_VERBS = lexicon.words("relations.leading_verbs")
"""Verbs of leading: who a group is "led by" or "headed by" is a person."""
"""Words of a headline in title case ("Jakarta Attack", "Terrorist Blast"), never a name's."""


def looks_like_person(name: str) -> bool:
    """At least one capitalised word, no digits, not shouting, no headline word: "Malik
    Ishaq", not "ISIS" nor "Jakarta Attack"."""
    words = name.split()
    if any(c.isdigit() for c in name) or name.isupper():
        return False
    if any(w.lower() in EVENT_NAME_WORDS for w in words):
        return False
    return any(w[:1].isupper() for w in words)


def looks_like_armed_group(ent: Span) -> bool:
    """A name with armed-group words, or one the text calls a militant group or affiliate:
    a cue that introduces the name ("a group called X") or its apposition ("X, an al-Qaeda
    affiliate"), never a cue about something else nearby ("X, named as the affiliate's chief").
    A name labelled a person and described as one (chief, commander) stays a person."""
    words = {w.lower().strip("'’") for w in re.split(r"[\s-]+", ent.text)}
    if words & ARMED_NAME_WORDS:
        return True
    doc, sent = ent.doc, ent.sent
    before = doc[max(sent.start, ent.start - 6) : ent.start]
    apposition = _apposition(doc[ent.end : min(sent.end, ent.end + 10)])
    if ent.label_ == "PERSON" and _about_person(apposition, before):
        return False
    return bool(_ARMED_BEFORE.search(before.text) or _ARMED_AFTER.search(apposition))


def _apposition(after: Span) -> str:
    """The words after a name up to the end of its apposition or clause."""
    text = after.text
    cut = re.search(r"(?<=.)[,;:)]|\s[-–—]\s", text)
    return text[: cut.start()] if cut else text


def _about_person(apposition: str, before: Span) -> bool:
    """Whether the words around a name describe a person: "X, named as its chief",
    "commander X"."""
    words = re.findall(r"[\w'’]+", apposition.lower())
    if re.search(r"\b(?:named|identified)\s+as\b", apposition, re.IGNORECASE):
        return True
    return any(w in PERSON_ROLES for w in words) or any(
        t.lower_ in PERSON_ROLES or t.lemma_.lower() in PERSON_ROLES for t in before
    )


def looks_like_place_name(name: str) -> bool:
    """A name a new place may have: capitalised, no digits, no run-together words
    ("HeadquartersAfghanistan" is a table cell that lost its border)."""
    if not name[:1].isupper() or any(c.isdigit() for c in name):
        return False
    return not (re.search(r"[a-z][A-Z]", name) or re.search(r"[^\w\s'’.-]", name))


def is_people_word(ent: Span) -> bool:
    """A one-word name used for a people: "ethnic X", or modifying a noun for people
    ("a Baloch separatist attack", "Hazara Shias")."""
    doc = ent.doc
    if len(ent) != 1:
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ == "ethnic":
        return True
    if ent.end >= len(doc) or ent.root.dep_ not in NAME_MODIFIER_DEPS:
        return False
    after = doc[ent.end]
    return after.lower_ in PEOPLE_NOUNS or after.lemma_.lower() in PEOPLE_NOUNS


def titled_name(span: Span) -> bool:
    """Whether the name begins with a title and a proper name ("Mufti Nur Wali"), which
    the NER may take for an organisation's: a person's."""
    return len(span) > 1 and span[0].lower_.rstrip(".") in TITLES and span[1].pos_ == "PROPN"


def apposed_to_role(span: Span) -> bool:
    """Whether the name stands in apposition to a person's role noun ("the group's chief,
    X," or "X, a spokesman for Y"), which makes a name the NER took for an organisation's a
    person's."""
    root = span.root
    if root.dep_ == "appos" and _role_noun(root.head) and not span.start <= root.head.i < span.end:
        return True
    return any(c.dep_ == "appos" and _role_noun(c) for c in root.children)


def leads_by_agent(span: Span) -> bool:
    """Whether the name, or the word it is apposed to ("an Indonesian, X"), is the agent of
    a passive verb of leading ("a faction led by X", "is headed by X"): a person's name,
    though the NER took it for an organisation's or a place's."""
    root = span.root
    word = root.head if root.dep_ == "appos" and root.head.pos_ != "PROPN" else root
    by = word.head
    if word.dep_ != "pobj" or by.lower_ != "by" or by.head == by:
        return False
    verb = by.head
    return verb.tag_ == "VBN" and verb.lemma_.lower() in LEADING_VERBS


def _role_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_ROLES


def after_title(span: Span) -> bool:
    """Whether a title stands right before the name ("Mr Khan", "General Ponce")."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in TITLES
