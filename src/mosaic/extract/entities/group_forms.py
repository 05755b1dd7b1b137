"""A group the gazetteer does not list is a group wherever the report names it again.

Once a report names a new group ("the Zafar Liberation Front"), its name and its
initials ("ZLF") stand for it elsewhere too, where the NER took them for some other
organisation or left them untagged: an unknown organisation's mention that repeats the
name or its short form, or that the group's name is apposed to ("the Zafar Workers'
Party (PKZ)"), and an untagged short form, become mentions of the group, so that
`join_apposed_names` and `join_acronyms` gather them on one entity and the relation and
event rules read them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from mosaic.extract.entities.acronyms import initials, is_short_form
from mosaic.extract.entities.apposed_names import apposed, is_new_group
from mosaic.extract.entities.mentions import EntityMention, Role, clean_name
from mosaic.extract.text.surface import as_written
from mosaic.model import EntityKind, EntityRef

_PARTS = re.compile(r"[\s-]")
"""What parts a name of several words: only such a name has initials."""


def mark_group_forms(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions, with a new group's name or initials made that group's mentions where
    the NER called them an unknown organisation, and where it tagged no name there."""
    names, short_forms = _forms(mentions)
    if not names:
        return list(mentions)
    marked = [
        _as_group(m) if _repeats(m, names, short_forms) or _spelt_out(doc, m, mentions, i) else m
        for i, m in enumerate(mentions)
    ]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        written = as_written(token.text)
        if token.i in covered or not is_short_form(written):
            continue
        if written.casefold() in short_forms:
            span = _with_branch(doc[token.i : token.i + 1], covered)
            name = as_written(span.text)
            mention = EntityMention(
                span.start, span.end, span.start_char, span.end_char, span.text, "ORG",
                Role.GROUP, EntityRef(name=name, kind=EntityKind.ORGANIZATION),
            )  # fmt: skip
            marked.append(mention)
    return sorted(marked, key=lambda m: m.start)


def _with_branch(span: Span, covered: set[int]) -> Span:
    """The short form with the name a hyphen joins to it, as a branch is named ("ZHF-North")."""
    doc, end = span.doc, span.end
    joined = not doc[end - 1].whitespace_ and not doc[end].whitespace_
    if end + 1 < len(doc) and doc[end].text == "-" and joined:
        name = doc[end + 1]
        if name.text[:1].isupper() and not covered.intersection((end, end + 1)):
            return doc[span.start : end + 2]
    return span


def _forms(mentions: Sequence[EntityMention]) -> tuple[set[str], set[str]]:
    """The new groups' names and aliases, and their short forms (the initials of a name of
    several words, and a name that is a short form itself), folded."""
    names = {
        name for m in mentions if is_new_group(m) and m.ref is not None for name in m.ref.names
    }
    short_forms = {form for name in names if _PARTS.search(name) for form in initials(name)}
    short_forms |= {name.casefold() for name in names if is_short_form(name)}
    return {name.casefold() for name in names}, short_forms


def _repeats(mention: EntityMention, names: set[str], short_forms: set[str]) -> bool:
    """An unknown organisation named by a new group's name or one of its short forms, or by
    either joined to a name by a hyphen, as a branch is named ("ZHF-North")."""
    if mention.role is not Role.ORG or mention.ref is not None:
        return False
    written = as_written(clean_name(mention.text))
    head, hyphen, rest = written.partition("-")
    if hyphen and rest[:1].isupper() and " " not in rest:
        written = head
    return written.casefold() in names or (
        is_short_form(written) and written.casefold() in short_forms
    )


def _spelt_out(doc: Doc, mention: EntityMention, mentions: Sequence[EntityMention], i: int) -> bool:
    """An unknown organisation a new group's name is apposed to: "the Zafar Workers' Party
    (PKZ)" spells out the group whatever its initials."""
    if mention.role is not Role.ORG or mention.ref is not None or i + 1 >= len(mentions):
        return False
    after = mentions[i + 1]
    return is_new_group(after) and apposed(doc, mention, after)


def _as_group(mention: EntityMention) -> EntityMention:
    name = as_written(clean_name(mention.text))
    return replace(mention, role=Role.GROUP, ref=EntityRef(name=name, kind=EntityKind.ORGANIZATION))
