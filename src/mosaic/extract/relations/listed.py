"""The names a role noun's list gives: "its previous leaders were A (killed July 2016) and
B (killed April 2017)", "its former leaders include A and B".

The parser often loses a list's later names to a parenthesis after an earlier one (B
becomes a modifier of the second "killed"), so the names after a parenthesis are read
from the words: a name, its parenthesis, then "and" or a comma and the next name.
"""

from __future__ import annotations

from spacy.tokens import Token

from mosaic.extract import lexicon
from mosaic.extract.text.syntax import children

LIST_WORDS = lexicon.words("events.list_words")
"""Verbs whose object lists what their subject holds ("its leaders include A and B")."""
_JOINERS = (",", "and")


def listed_holders(noun: Token) -> list[Token]:
    """The names a role noun as subject lists: the attribute of "were" or the object of
    "include", their conjuncts and the names a parenthesis hid from the parser."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb == noun:
        return []
    if verb.lemma_ == "be":
        heads = children(verb, "attr")
    elif verb.lemma_.lower() in LIST_WORDS:
        heads = children(verb, "dobj")
    else:
        return []
    found = [t for head in heads for t in (head, *head.conjuncts)]
    return list(dict.fromkeys(found + [t for head in heads for t in after_parentheses(head)]))


def after_parentheses(name: Token) -> list[Token]:
    """The names listed after `name` past a parenthesis ("A (killed 2016) and B"): the last
    word of each proper-noun run that "and" or a comma joins on."""
    doc, sent_end = name.doc, name.sent.end
    found: list[Token] = []
    i = name.i + 1
    while i < sent_end and doc[i].text == "(":
        close = next((t.i for t in doc[i:sent_end] if t.text == ")"), None)
        if close is None:
            break
        i = close + 1
        while i < sent_end and doc[i].lower_ in _JOINERS:
            i += 1
        if i == close + 1 or i >= sent_end or doc[i].pos_ != "PROPN":
            break
        while i + 1 < sent_end and doc[i + 1].pos_ == "PROPN":
            i += 1
        found.append(doc[i])
        i += 1
    return found
