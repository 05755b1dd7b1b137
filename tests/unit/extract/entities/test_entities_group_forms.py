"""Tests for mosaic.extract.entities.group_forms: a new group is a group wherever named again."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from mosaic.extract.entities.acronyms import join_acronyms
from mosaic.extract.entities.group_forms import mark_group_forms
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.model import EntityKind, EntityRef

NLP = spacy.blank("en")


def _mention(doc: Doc, name: str, after: int, role: Role, key: str | None = None) -> EntityMention:
    """A mention of `name` at its first place in the doc's text from character `after`; an
    unknown organisation (Role.ORG) has no reference, as the linker leaves it."""
    start = doc.text.index(name, after)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    ref = None if role is Role.ORG else EntityRef(name, EntityKind.ORGANIZATION, key=key)
    return EntityMention(span.start, span.end, start, span.end_char, name, "ORG", role, ref)


def _groups(mentions: list[EntityMention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.ref.name if m.ref else None) for m in mentions if m.role is Role.GROUP]


def test_group_forms_unknown_organisation_named_as_a_new_group_is_the_group() -> None:
    doc = NLP("The Zafar Hill Front struck. Later ZHF and the Zafar Hill Front fled.")
    mentions = [
        _mention(doc, "Zafar Hill Front", 0, Role.GROUP),
        _mention(doc, "ZHF", 20, Role.ORG),
        _mention(doc, "Zafar Hill Front", 40, Role.ORG),
    ]
    joined = join_acronyms(mark_group_forms(doc, mentions))
    assert _groups(joined) == [
        ("Zafar Hill Front", "Zafar Hill Front"),
        ("ZHF", "Zafar Hill Front"),
        ("Zafar Hill Front", "Zafar Hill Front"),
    ]


def test_group_forms_untagged_initials_of_a_new_group_are_the_group() -> None:
    doc = NLP("The Zafar Hill Front struck. The ZHF was formed in 2001 by ZH veterans.")
    marked = mark_group_forms(doc, [_mention(doc, "Zafar Hill Front", 0, Role.GROUP)])
    assert [(m.text, m.start) for m in marked] == [("Zafar Hill Front", 1), ("ZHF", 7)]
    assert _groups(join_acronyms(marked))[-1] == ("ZHF", "Zafar Hill Front")


def test_group_forms_stand_in_initials_are_written_as_the_report_writes_them() -> None:
    doc = NLP("The Iron Sword struck. IZ said so.")  # "IS" as the parser reads it
    joined = join_acronyms(mark_group_forms(doc, [_mention(doc, "Iron Sword", 0, Role.GROUP)]))
    assert joined[-1].ref is not None and joined[-1].ref.names == ("Iron Sword", "IS")


def test_group_forms_known_groups_and_other_organisations_stay() -> None:
    doc = NLP("The Zafar Hill Front struck. ZHF and the Red Cross helped.")
    known = [_mention(doc, "Zafar Hill Front", 0, Role.GROUP, key="org:zhf")]
    assert mark_group_forms(doc, known) == known
    mentions = [
        _mention(doc, "Zafar Hill Front", 0, Role.GROUP),
        _mention(doc, "Red Cross", 0, Role.ORG),
    ]
    assert mark_group_forms(doc, mentions)[-1] == mentions[-1]


def test_group_forms_initials_joined_to_a_name_by_a_hyphen_name_a_branch() -> None:
    doc = NLP("The Zafar Hill Front struck. Its emir in ZHF-North fled, and ZHF-North Radio too.")
    mentions = [
        _mention(doc, "Zafar Hill Front", 0, Role.GROUP),
        _mention(doc, "ZHF-North Radio", 0, Role.ORG),
    ]
    marked = mark_group_forms(doc, mentions)
    assert _groups(marked) == [
        ("Zafar Hill Front", "Zafar Hill Front"),
        ("ZHF-North", "ZHF-North"),
    ]
    assert marked[-1] == mentions[-1]
