"""Which party a word standing for one is (mosaic.extract.entities.parties), read through the
relations the rules find: "the two groups" and "the groups" are several groups, never the
one named last; "the group" never makes a group relate to itself; a word for a part of a
group ("the wing", "the chapter") stands for a group like "the group"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType, RelationFinding, RelationType
from support.findings import tenures, triples

R = RelationType
Found = Callable[[str], list[RelationFinding]]
AQ, ALF, IS = "al-Qaeda", "Alpha Liberation Front", "Islamic State"
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "second",
    ["The two groups pledged allegiance to the Islamic State.",
     "The groups have pledged allegiance to the Islamic State.",
     "Both groups pledged allegiance to the Islamic State."],
)  # fmt: skip
def test_parties_plural_group_noun_is_not_the_last_group(
    relation_findings: Found, second: str
) -> None:
    found = triples(relation_findings(f"Al-Qaeda and the ALF met in Quetta. {second}"))
    assert (R.ALLEGIANCE, AQ, IS) not in found
    assert (R.ALLEGIANCE, ALF, IS) not in found


def test_parties_singular_group_noun_is_the_group_named_before(relation_findings: Found) -> None:
    text = "The ALF met in Quetta. The group pledged allegiance to the Islamic State."
    assert (R.ALLEGIANCE, ALF, IS) in triples(relation_findings(text))


def test_parties_a_group_of_people_is_not_the_group_named_before(
    relation_findings: Found,
) -> None:
    text = "The ALF met in Quetta. Hakim Zaman joined the group of people seeking a truce."
    assert (R.MEMBER_OF, "Hakim Zaman", ALF) not in triples(relation_findings(text))
    text = "The ALF met in Quetta. Hakim Zaman joined the group in May."
    assert (R.MEMBER_OF, "Hakim Zaman", ALF) in triples(relation_findings(text))


def test_parties_the_group_never_relates_a_group_to_itself(relation_findings: Found) -> None:
    text = "The TTP attacked a camp in Quetta. The group said it would fight the TTP."
    assert all(f.subject.name != f.object.name for f in relation_findings(text))


@pytest.mark.parametrize(
    ("text", "kind", "subject", "obj"),
    [("The ISKP claimed the attack in Kabul. The chapter has pledged allegiance to the IS.",
      R.ALLEGIANCE, "Islamic State Khorasan Province", IS),
     ("The ALF claimed the attack in Quetta. The wing works closely with the TTP.",
      R.ALLIANCE, ALF, "Tehreek-i-Taliban Pakistan")],
)  # fmt: skip
def test_parties_the_part_of_a_group_is_the_group_named_before(
    relation_findings: Found, text: str, kind: RelationType, subject: str, obj: str
) -> None:
    found = triples(relation_findings(text))
    assert (kind, subject, obj) in found or (kind, obj, subject) in found


@pytest.mark.parametrize(
    ("second", "start"),
    [("The 34-year-old leader had taken over the group in 2009.", "2009"),
     ("The leader had headed the group since 2012.", "2012"),
     ("The new leader took over the group in June 2015.", None),
     ("The successor took over the group in June 2015.", None)],
)  # fmt: skip
def test_parties_the_leader_as_subject_is_the_person_named_before(
    relation_findings: Found, second: str, start: str | None
) -> None:
    text = f"The TTP said its chief, Karim Durrani, was killed on Friday. {second}"
    found = tenures(relation_findings(text))
    assert found[(R.LEADER_OF, "Karim Durrani", "Tehreek-i-Taliban Pakistan")][0] == start


def test_parties_a_group_noun_with_its_name_is_the_named_group_not_its_owner(
    events: Callable[..., list[EventFinding]],
) -> None:
    """ "his own group, the ALF": the name apposed to the group noun, not the owner "his"."""
    text = "Mullah Omar later broke away and formed his own armed group, the ALF, in 2004."
    foundings = [e for e in events(text) if e.type is EventType.FOUNDING]
    assert [[p.name for p in e.perpetrators] for e in foundings] == [[ALF]]
