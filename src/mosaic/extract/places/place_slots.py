"""Where a name no table lists is a place's, and the place named beside it that holds it.

A name whose last word is a facility's or an area's noun ("X Bazaar", "X Cathedral", "X
Oblast") is a place's own name (`facility_span`). A name standing in a place's slot of the
sentence ("at X", "near X", "the village of X", "X district", "X, Kandahar") may be one
(`in_place_slot`); the linker weighs that against what says it is a person. The place it
lies in is one named right beside it ("X, Kandahar", "X in Kabul", "the X of Kabul",
"Quetta's crowded X area": `container_span`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.places.place_names import PLACE_WORDS
from mosaic.extract.text.syntax import PLACE_LABELS

NAME_HEADS = lexicon.words("places.name_heads")  # fmt: skip
SLOT_PREPS = lexicon.words("places.slot_preps")
SETTLEMENT_NOUNS = lexicon.words("places.settlement_nouns")
SITE_PREPS = lexicon.words("places.site_preps")
_LONGEST_RUN = 4
"""At most this many capitalised words a facility's name runs on past the NER's entity."""
_POSSESSOR_LABELS = PLACE_LABELS | {"ORG"}
_NOT_PLACE_LABELS = frozenset({"LANGUAGE", "NORP", "ORG"})
"""Labels of names that a name listed with them is of a kind with ("in X and Dari")."""
_FINITE_VERB_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
"""Tags of a finite verb (Penn tags, as spaCy's `tag_`)."""
_SHORT_WORD = 3
"""Words this short ("of", "the") may stay lower case in a title-cased line."""
_LISTING = frozenset({",", "and", "or", "&"})
_TO_CONTAINER = frozenset({",", "in", "of", "the"})
"""Words between a name and the place after it that holds it ("X, Kandahar", "X in the Y")."""
_FAR_CONTAINER = 3
"""At most this many words ("in the", ",") lie between a name and the place holding it."""


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def facility_span(ent: Span) -> Span | None:
    """The facility's or area's name the entity begins, from its first capitalised word: the
    name runs on over capitalised words ("Omar Daud" + "International Airport") and ends
    with its last capitalised head noun ("Multan Cathedral" of "Multan Cathedral bombings");
    None where no such noun follows a first word, where a possessive splits it ("Karachi's
    Marlow Square" is Marlow Square of Karachi), or in a title-cased line ("Kabul Hotel
    Attack Kills 9"), where every word is capitalised."""
    doc = ent.doc
    start = next((t.i for t in ent if _capitalised(t)), ent.end)
    last = ent.end
    limit = min(len(doc), ent.end + _LONGEST_RUN)
    while last < limit and _runs_on(doc[last]):
        last += 1
    heads = [i for i in range(start + 1, last) if _is_head(doc[i])]
    if not heads or any(t.tag_ == "POS" for t in doc[start : heads[-1]]):
        return None
    if _title_cased(ent.sent):
        return None
    label = ent.label_ if ent.label_ in PLACE_LABELS else "FAC"
    return Span(doc, start, heads[-1] + 1, label=label)


def _runs_on(token: Token) -> bool:
    """Whether a facility's name may run on over the token: a capitalised word of the same
    sentence outside the gazetteer's names."""
    return _capitalised(token) and not token.is_sent_start and not token.ent_id_


def _title_cased(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > _SHORT_WORD]
    return len(words) > _SHORT_WORD and all(_capitalised(t) for t in words)


def _is_head(token: Token) -> bool:
    return _capitalised(token) and token.lower_ in NAME_HEADS


def in_place_slot(span: Span) -> bool:
    """Whether the name stands in a place's slot: a settlement's (below), the object of "at",
    "in", "near" (and like prepositions), before a comma and a place ("X, Kandahar"), or
    listed before a place word ("X and Y market areas")."""
    if _listed_with_people(span):
        return False
    return in_settlement_slot(span) or _object_of_slot_prep(span) or _beside_a_place(span)


def in_settlement_slot(span: Span) -> bool:
    """Whether the name stands where only a place's name stands, whatever the NER took it
    for: after "the village (town, district ...) of", or before a place word ("X district",
    "X market")."""
    if _listed_with_people(span):
        return False
    doc, root = span.doc, span.root
    if span.end < len(doc) and doc[span.end].lower_ in PLACE_WORDS:
        return True
    if _bare_site(span):
        return True
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS
        and not _verb_follows(span)
    )


def _bare_site(span: Span) -> bool:
    """ "a checkpoint near X Y", "an army post at X": a name with no article, the whole object
    of "near", or one word after "at", which names a site; "at the Foundation", "a rally at X
    National Park" may name a body or a venue."""
    root, prep = span.root, span.root.head
    if root.dep_ != "pobj" or prep.lower_ not in SITE_PREPS or _verb_follows(span):
        return False
    if prep.i != span.start - 1 or any(c.dep_ == "det" for c in root.children):
        return False
    return prep.lower_ == "near" or len(span) == 1


def _listed_with_people(span: Span) -> bool:
    """ "written in X and Dari": joined to a language's, a people's or an organisation's name,
    which the NER rarely gives a place."""
    root = span.root
    joined = [child for child in root.children if child.dep_ == "conj"]
    if root.dep_ == "conj":
        joined.append(root.head)
    return any(token.ent_type_ in _NOT_PLACE_LABELS for token in joined)


def _verb_follows(span: Span) -> bool:
    """A finite verb right after the name, which is then rather its subject, misparsed as an
    object ("In 1985 X removed the president")."""
    return span.end < len(span.doc) and span.doc[span.end].tag_ in _FINITE_VERB_TAGS


def _object_of_slot_prep(span: Span) -> bool:
    """ "at X", "near X"."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in SLOT_PREPS and not _verb_follows(span)


def _beside_a_place(span: Span) -> bool:
    """ "X, Kandahar" (not "X, Pakistan's envoy"), "X and Y market areas"."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in PLACE_LABELS:
        return doc[end + 1].ent_type_ != "FAC" and not _possessor_follows(doc[end + 1])
    if end + 1 >= len(doc) or doc[end].lower_ not in _LISTING:
        return False
    after = end + 1
    while after < min(len(doc), end + 1 + _LONGEST_RUN) and _capitalised(doc[after]):
        after += 1
    return after > end + 1 and after < len(doc) and doc[after].lower_ in PLACE_WORDS


def _possessor_follows(first: Token) -> bool:
    """Whether the entity `first` opens is a possessor ("X, Panama's archbishop")."""
    ent = _entity_at(first.doc, first.i)
    return ent is not None and ent.end < len(first.doc) and first.doc[ent.end].tag_ == "POS"


def container_span(span: Span) -> Span | None:
    """The place entity named right beside the name as the place holding it: before it as a
    possessor ("Quetta's crowded X area") or after it ("X, Kandahar", "X in the Zhob
    district", "the X mosque of Kabul", "X in Zhob's Y district"), but for a possessor
    after a comma, which opens the next phrase ("X, Afghanistan's minister said"); None
    where there is none."""
    doc = span.doc
    sent = doc[span.start].sent
    first = span.end + (span.end < sent.end and doc[span.end].lower_ in PLACE_WORDS)
    i = first
    while i < min(sent.end, first + _FAR_CONTAINER) and doc[i].lower_ in _TO_CONTAINER:
        i += 1
    after = None
    if first < i < sent.end and doc[i].ent_type_ in PLACE_LABELS and doc[i].ent_iob_ == "B":
        after = _entity_at(doc, i)
    if after is not None and doc[i - 1].text == "," and _possessor_follows(doc[i]):
        after = None
    return _possessor(span) or after


def _possessor(span: Span) -> Span | None:
    """ "Quetta's crowded X": the place written as the possessor just before the name (the
    NER labels such a town an organisation as often as a place)."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and not doc[i + 1].is_sent_start and doc[i].pos_ == "ADJ":
        i -= 1
    if i < 1 or doc[i].tag_ != "POS" or doc[i - 1].ent_type_ not in _POSSESSOR_LABELS:
        return None
    return _entity_at(doc, doc[i - 1].i)


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The entity token `i` belongs to, if any."""
    if not doc[i].ent_type_:
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def of_parts(span: Span) -> list[Span]:
    """The parts of `span` on either side of an "of" ("Rostov Oblast" and "Southern Russia"
    of "the Rostov Oblast of Southern Russia"), without a leading "the"; the span itself
    where it has no "of"."""
    if not any(token.text == "of" for token in span):
        return [span]
    doc, parts, start = span.doc, [], span.start
    for token in span[1:-1]:
        if token.text == "of":
            parts.append(doc[start : token.i])
            start = token.i + 1
    parts.append(doc[start : span.end])
    return [_without_article(part) for part in parts if len(_without_article(part))]


def _without_article(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span
