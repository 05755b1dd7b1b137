"""Whether initials the actor span tagger read as a group stand where a group's name stands.

Initials are no evidence of a group by their shape alone: reports write weapons ("an
RPG"), broadcasters ("told the BBC"), explosives ("TNT") and datelines ("KARACHI —") in
capitals too. Initials are a group's name when some use of them in the report stands in
a group's place: described as a group ("the militant group ZLF", "ZLF, a banned
outfit"), spelt out as a group's name ("the Zulu Liberation Front (ZLF)"), with a word
for its people or parts ("ZLF fighters", "a ZLF commander", "members of the ZLF"), or
as the one who claims or attacks ("the ZLF claimed the attack"). Initials the text spells
out as something else ("rocket-propelled grenades (RPG)") or never uses so are not.
"""

from __future__ import annotations

import numpy
from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.name_repairs import MEMBER_AND_UNIT_NOUNS
from mosaic.extract.entities.name_shapes import looks_like_armed_group
from mosaic.extract.entities.parties import GROUP_WORDS
from mosaic.extract.text.modality import LAUNCH_VERBS
from mosaic.extract.text.syntax import PATIENT_DEPS, word_keys

GROUP_PART_WORDS = lexicon.words("models.group_part_words")
"""Words for a group's people or parts, next to its initials ("ZLF fighters", "a ZLF cell")."""
GROUP_ACTS = LAUNCH_VERBS | lexicon.words("models.group_acts")
"""Verbs whose subject, written in initials, is a group ("the ZLF claimed the attack", "ZLF
carried out the bombing")."""
_GROUP_NOUNS = GROUP_WORDS | GROUP_PART_WORDS
GROUP_OBJECT_WORDS = lexicon.words("models.group_object_words")
"""Words whose object, written in initials, is a group ("joined the ZLF", "split from ZLF")."""
GROUP_RANKS = lexicon.words("models.group_ranks")
"""Ranks whose holder is named "of" a group ("the leader of X")."""
CLAIM_NOUNS = lexicon.words("attribution.claims_of_responsibility")
"""What a group takes when it claims an attack ("took responsibility", "claimed credit")."""
KIND_NOUNS = GROUP_WORDS | lexicon.words("relations.coalition_nouns")
"""Words for a group a name is said to be ("X, an Iran-backed militia", "X, an alliance of
militias")."""
_OPENING = frozenset({"(", "["})


def used_as_group(span: Span) -> bool:
    """Whether some use of the span's initials in its doc stands in a group's place."""
    doc = span.doc
    return any(_group_place(doc[start : start + len(span)]) for start in _uses(doc, span))


def named_as_group(span: Span) -> bool:
    """Whether some use of a name no group's shape shows ("Zulu Haram") stands in a group's
    place, as `used_as_group` tells of initials, less what a person's or an office's name
    may do too (be a commander, claim, join, be banned, have a spokesman): a word for the
    group's members or units with it ("Zulu Haram fighters", "members of Zulu Haram") or a
    description as a group ("Zulu Haram, an Iran-backed militia,"); where the NER took it
    for a person's, having leaders or members ("the leader of Zulu Haram"); else acting as
    only a group does, acted on so or listed with a group."""
    doc = span.doc
    uses = [doc[s : s + len(span)] for s in _uses(doc, span)]
    uses = [use for use in uses if not _bracketed(use)]
    person = span.label_ == "PERSON"
    if any(_with_people(use) or _described_as_kind(use.root, person) for use in uses):
        return True
    if person:
        return any(_part_of(use.root) for use in uses)
    return any(_acting(u.root) or _acted_on(u.root) or _listed_with_group(u.root) for u in uses)


def _part_of(word: Token) -> bool:
    """What a group's ranks or members belong to ("the leader of X", "members of X"): no
    person's name, though the NER took it for one; an office's or a firm's may be, so only a
    name the NER read as a person's is read so, and no founder's or editor's."""
    head = word.head
    if word.dep_ != "pobj" or head.lower_ not in ("of", "for") or head.head == head:
        return False
    holder = head.head
    return bool({holder.lower_, holder.lemma_.lower()} & (GROUP_RANKS | MEMBER_AND_UNIT_NOUNS))


def _bracketed(use: Span) -> bool:
    """Whether the name stands in brackets ("X (lit. "Y") was a group"): a translation or an
    aside, which the clause around says nothing of."""
    doc = use.doc
    before = word_keys(doc)[use.sent.start : use.start]  # counted as keys: no Token per word
    strings = doc.vocab.strings
    if numpy.count_nonzero(before == strings["("]) > numpy.count_nonzero(before == strings[")"]):
        return True
    after = next((t for t in doc[use.end : use.end + 3] if not t.is_quote), None)
    return after is not None and after.text == ")"


def _with_people(use: Span) -> bool:
    """ "Zulu Haram fighters", "the Zulu Haram cells", "members of Zulu Haram"; not a word
    for an office or a rank, which may follow a person's name too ("Interior Ministry
    spokesman", an infobox's "X / Emir of Y")."""
    doc = use.doc
    if use.end < len(doc) and doc[use.end].lower_ in MEMBER_AND_UNIT_NOUNS:
        return True
    root = use.root
    return (
        root.dep_ == "pobj" and root.head.lower_ == "of"
        and root.head.head.lower_ in MEMBER_AND_UNIT_NOUNS
    )  # fmt: skip


def _described_as_kind(word: Token, person: bool) -> bool:
    """Said to be a group by an apposition or a copula with a word for a group or a
    coalition of groups ("X, an Iran-backed militia,", "X is a Kurdish movement", "X, an
    alliance of Lendu militias,"); not by one for its people, which a
    person may be, nor, for a name the NER took for a person's, by a group word it is apposed
    to, which the parse often takes for the person's ("a spokesman for the group, X")."""
    nouns = [c for c in word.children if c.dep_ == "appos"]
    if word.dep_ == "appos" and not person:
        nouns.append(word.head)
    if word.dep_ == "nsubj" and word.head.lemma_ == "be":
        nouns += [c for c in word.head.children if c.dep_ == "attr"]
    return any(n.lower_ in KIND_NOUNS or n.lemma_.lower() in KIND_NOUNS for n in nouns)


def _uses(doc: Doc, span: Span) -> list[int]:
    """Where the doc writes the span's words (the span itself among them), found in the doc's
    array of word keys: making a Token for every word of the doc cost more than the tagger."""
    words = word_keys(doc)
    keys = [token.orth for token in span]
    size = len(keys)
    return [
        start
        for start in numpy.flatnonzero(words == keys[0]).tolist()
        if words[start : start + size].tolist() == keys
    ]


def _group_place(use: Span) -> bool:
    return (
        looks_like_armed_group(use)
        or _spelt_out_as_group(use)
        or _with_part_word(use)
        or _acting(use.root)
        or _listed_with_group(use.root)
        or _acted_on(use.root)
        or _described_as_group(use.root)
    )


def _spelt_out_as_group(use: Span) -> bool:
    """ "the Zulu Liberation Front (ZLF)": in brackets after a group's name."""
    doc = use.doc
    if use.start < 2 or doc[use.start - 1].text not in _OPENING:
        return False
    return _group_name(doc[use.start - 2])


def _with_part_word(use: Span) -> bool:
    """ "ZLF fighters", "a ZLF commander", "members of the ZLF", "the ZLF's leader"."""
    doc = use.doc
    after = doc[use.end] if use.end < len(doc) else None
    if after is not None and after.text in ("'s", "’s") and use.end + 1 < len(doc):
        after = doc[use.end + 1]
    if after is not None and _part_word(after):
        return True
    root = use.root
    head = root.head
    if root.dep_ in ("compound", "poss") and _part_word(head):
        return True  # "the ZLF militant group", "the ZLF's spokesman"
    return root.dep_ == "pobj" and head.lower_ == "of" and _part_word(head.head)


def _part_word(word: Token) -> bool:
    """A word for a group, its people or its parts, in the singular or the plural ("the ZLF
    group", "ZLF fighters")."""
    lower = word.lower_
    forms = {lower, word.lemma_.lower(), lower[:-1] if lower.endswith("s") else lower}
    return bool(forms & _GROUP_NOUNS)


def _acting(word: Token) -> bool:
    """The subject of a verb only a group does here, or of a clause on it with one ("the ZLF
    claimed", "ZLF attacked", "the ZLF, which broke away in 2014"), or taking responsibility."""
    verbs = [c for c in word.children if c.dep_ == "relcl"]
    if word.dep_ == "nsubj":
        verbs.append(word.head)
    return any(_group_act(verb) for verb in verbs)


def _group_act(verb: Token) -> bool:
    if verb.lemma_.lower() in GROUP_ACTS:
        return True
    return any(o.lemma_.lower() in CLAIM_NOUNS for o in verb.children if o.dep_ == "dobj")


def _described_as_group(word: Token) -> bool:
    """Said to be a group by an apposition or a copula ("ZLF, a Sunni militia,", "the militia,
    ZLF,", "ZLF is an Iran-backed group")."""
    nouns = [c for c in word.children if c.dep_ == "appos"]
    if word.dep_ == "appos":
        nouns.append(word.head)
    if word.dep_ == "nsubj" and word.head.lemma_ == "be":
        nouns += [c for c in word.head.children if c.dep_ == "attr"]
    return any(_part_word(noun) for noun in nouns)


def _acted_on(word: Token) -> bool:
    """What a verb only done to a group does it to ("joined the ZLF", "the ZLF was banned",
    "broke away from the ZLF", "allegiance to ZLF", "the ZLF, led by X"); never the one who
    does it, after "by" ("led by X", "formed by X": a person's name, as often as a group's)."""
    words = [c for c in word.children if c.dep_ == "acl"]
    head = word.head
    if word.dep_ in PATIENT_DEPS:
        words.append(head)
    elif word.dep_ == "pobj" and head.head != head and head.dep_ != "agent":
        words.append(head.head)
        if head.head.dep_ == "prep":  # "broke away from", "split off from"
            words.append(head.head.head)
    return any(w.lemma_.lower() in GROUP_OBJECT_WORDS for w in words)


def _listed_with_group(word: Token) -> bool:
    """Coordinated with a group's name or its people ("the TTP and the ZLF", "clashes between
    ZLF and Taliban fighters")."""
    partners = [c for c in word.children if c.dep_ == "conj"]
    if word.dep_ == "conj":
        partners.append(word.head)
    return any(_group_name(p) or (_part_word(p) and _named_part(p)) for p in partners)


def _named_part(word: Token) -> bool:
    """ "Taliban fighters": a group's people named by their group."""
    return any(_group_name(c) for c in word.children if c.dep_ == "compound")


def _group_name(word: Token) -> bool:
    return word.ent_type_ == "ORG" and bool(word.ent_id_ or word.ent_kb_id_)
