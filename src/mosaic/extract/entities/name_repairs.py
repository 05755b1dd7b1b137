"""Repairs of entity spans the NER cuts or joins wrongly, and of what it takes them for.

Wire copy wraps its lines mid-name ("Gonzalo" ends one line, "Rodriguez Gacha" starts
the next), and the NER then finds two people; it runs one entity over a spaced dash
between two places ("Nangarhar - Achin"); it reads a possessive city as a person
("Tegucigalpa's outskirts"); and it takes the proper-name core of a group's name for a
person ("the Tupac Amaru" for the Tupac Amaru Revolutionary Movement). The functions
here say where that happened; `entities.EntityLinker` decides what the repaired span
denotes, with the gazetteer and the place table. Two repairs need neither and run on the
linked mentions here: a possessive new person the report names as a known place
elsewhere becomes that place, and a mention inside another's span goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.entities.gazetteer import ActorRecord
from mosaic.extract.entities.mentions import EntityMention, Role, clean_name
from mosaic.extract.entities.name_shapes import TITLES, after_title
from mosaic.extract.entities.ruler import is_line_wrap
from mosaic.extract.text.words import HYPHENS
from mosaic.resolve.names import match_key

DASHES = HYPHENS | lexicon.words("entities.dashes")
MEMBER_AND_UNIT_NOUNS = lexicon.words("entities.group_member_nouns")  # fmt: skip
"""Nouns after a name that make it a group's ("the Lautaro militants")."""
GENERIC_NAME_WORDS = lexicon.words("entities.generic_name_words")  # fmt: skip
"""Words of group names that name no group by themselves (with the armed-name words)."""
NAME_TAIL = lexicon.words("entities.name_tail")  # fmt: skip
"""Words that may follow a group's core in a form of its name the gazetteer lacks ("the
Lautaro youth front")."""
_POSSESSIVE = lexicon.words("entities.possessive")
NAME_PARTICLES = lexicon.words("entities.name_particles")
"""Lower-case words inside a person's name ("Omar bin Salem")."""
_NAME_PART_LABELS = frozenset({"", "PERSON", "ORG"})
"""What the NER may have taken a person's first names for: nothing, a person, a body."""


def is_possessive(span: Span) -> bool:
    """Whether the span is followed by a possessive ending ("Kabul's", "Tegucigalpa's")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _POSSESSIVE


def dash_parts(span: Span) -> list[Span]:
    """The parts of `span` between dashes written with a space on each side ("Nangarhar -
    Achin"); one part, the span itself, where it has none."""
    doc, start, parts = span.doc, span.start, []
    for token in span[1:-1]:
        if token.text in DASHES and token.whitespace_ and doc[token.i - 1].whitespace_:
            parts.append(doc[start : token.i])
            start = token.i + 1
    parts.append(doc[start : span.end])
    return [part for part in parts if len(part)]


def wrapped_between(doc: Doc, end: int, start: int) -> bool:
    """Whether tokens `end`..`start` are one line wrap inside a sentence: two names there
    are one name the wire copy broke across its lines."""
    if start != end + 1 or not is_line_wrap(doc[end]):
        return False
    return not doc[start].is_sent_start


class GroupCores:
    """The proper-name cores of armed groups' names, each naming one group only.

    A core is what is left of a name without its generic words ("Tupac Amaru" of "Tupac
    Amaru Revolutionary Movement"), where those words stand together and are not the
    whole name; a core two groups share ("Farabundo Marti") names neither.
    """

    def __init__(self, records: Iterable[ActorRecord], is_generic: Callable[[str], bool]) -> None:
        found: dict[str, set[str]] = {}
        by_key: dict[str, ActorRecord] = {}
        for record in records:
            if record.category != "armed_group":
                continue
            by_key[record.key] = record
            for name in record.names:
                core = name_core(name, is_generic)
                if core is not None:
                    found.setdefault(match_key(core), set()).add(record.key)
        self._cores = {k: by_key[next(iter(v))] for k, v in found.items() if len(v) == 1}

    def group_of(self, name: str) -> ActorRecord | None:
        """The one group whose name has `name` as its core, if any."""
        return self._cores.get(match_key(name))


def name_core(name: str, is_generic: Callable[[str], bool]) -> str | None:
    """The name's distinctive words, where they stand together and leave some out."""
    words = re.split(r"[\s-]+", name.strip())
    keep = [i for i, w in enumerate(words) if w[:1].isupper() and not is_generic(w.lower())]
    if not keep or len(keep) == len(words) or keep != list(range(keep[0], keep[-1] + 1)):
        return None
    return " ".join(words[i] for i in keep)


def has_group_cue(span: Span) -> bool:
    """Whether a name stands as a group's does: after "the" ("the Lautaro"), or before a
    noun for its members or units ("Lautaro militants")."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before == "the" or after in MEMBER_AND_UNIT_NOUNS


def name_tail_end(doc: Doc, end: int) -> int:
    """Where the generic words of a group's name after token `end` stop ("youth front")."""
    while end < len(doc) and doc[end].lower_ in NAME_TAIL and not doc[end].is_sent_start:
        end += 1
    return end


def person_name_start(doc: Doc, mention: EntityMention) -> int:
    """Where a new person's name begins once the capitalised words the NER left before it are
    taken back ("Baitullah" / "Khan Mehsud", "Mufti" / "Noor" / "Alam": "Noor Alam"): proper
    nouns the parse makes parts of the name, no known actor's or place's, and no title, which
    the linker reads apart ("Mr. Rasool" is the Rasool named before)."""
    start, sent_start = mention.start, doc[mention.start].sent.start
    while start > sent_start and _name_part(doc[start - 1], start, mention.end):
        start -= 1
    return start


def _name_part(token: Token, start: int, end: int) -> bool:
    written = token.text[:1].isupper() or (
        token.lower_ in NAME_PARTICLES and token.i > 0 and token.nbor(-1).text[:1].isupper()
    )
    return (
        token.pos_ == "PROPN"
        and token.dep_ == "compound"
        and start <= token.head.i < end
        and written
        and token.lower_.rstrip(".") not in TITLES
        and not token.ent_id_
        and token.ent_type_ in _NAME_PART_LABELS
    )


def is_person_name(mention: EntityMention) -> bool:
    """A name the NER took for a person's and the linker kept as one."""
    return mention.label == "PERSON" and mention.role is Role.PERSON


def is_new_person(mention: EntityMention) -> bool:
    """A person's name the gazetteer does not list."""
    return is_person_name(mention) and (mention.ref is None or mention.ref.key is None)


def possessive_places(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """A possessive the NER took for a new person's name ("Kabul's") where the report names
    that known place elsewhere: the place."""
    places = {
        match_key(clean_name(m.text)): m
        for m in mentions
        if m.role is Role.PLACE and m.ref is not None and m.ref.key
    }
    result: list[EntityMention] = []
    for m in mentions:
        place = places.get(match_key(clean_name(m.text))) if is_new_person(m) else None
        if (
            place is not None
            and place.ref
            and possessive_place(doc[m.start : m.end], place.ref.name)
        ):
            m = replace(m, role=Role.PLACE, ref=place.ref, country=place.country,
                        feature=place.feature)  # fmt: skip
        result.append(m)
    return result


def possessive_place(ent: Span, place_name: str) -> bool:
    """A possessive the NER took for a person's that names a place by its own name and that
    no title makes a person's ("Kabul's streets", not "General Ponce's house", nor "Rivera's"
    of a place also called "San Pedro de Rivera")."""
    same = match_key(clean_name(ent.text)) == match_key(place_name)
    return same and is_possessive(ent) and not after_title(ent)


def drop_covered(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions without those inside another's span (a place name the NER cut in two
    yields one mention for the whole)."""
    kept: list[EntityMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and kept[-1].start <= m.start and m.end <= kept[-1].end:
            continue
        kept.append(m)
    return kept
