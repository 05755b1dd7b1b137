"""Names only a report's headline or byline gives: not the report's actors.

Headline casing makes the NER read common words as names ("Militants Kill 10 Border
Guards": a person "Border Guards"), and a byline's writer is no party to the story. A new
group or person (one the gazetteer does not list) found in a headline or byline is kept
only where the prose names it too; a listed one is kept, its name being no accident of
casing.
"""

from __future__ import annotations

from collections.abc import Sequence

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.text.display_lines import DisplayLines

_NEW_ACTOR_ROLES = frozenset({Role.GROUP, Role.PERSON})


def drop_display_names(
    mentions: Sequence[EntityMention], display: DisplayLines
) -> list[EntityMention]:
    """The mentions less new groups and people named only in a headline or byline."""
    return [m for m in mentions if not _displayed_only(m, display)]


def _displayed_only(mention: EntityMention, display: DisplayLines) -> bool:
    if mention.role not in _NEW_ACTOR_ROLES or (mention.ref is not None and mention.ref.key):
        return False
    name = mention.ref.name if mention.ref is not None else mention.text
    person = mention.role is Role.PERSON
    return display.only_displayed(mention.start_char, mention.end_char, name, person)
