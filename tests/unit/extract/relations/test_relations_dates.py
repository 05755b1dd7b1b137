"""Tests for relation dates and the patterns of relations round 2: dates carried from the
event a sentence refers back to, announced affiliations, finer starts, infobox lines,
defections led by a named man, and "its" after a group's formation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.finder import dedupe_relations
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EntityKind, EntityRef, Evidence, FuzzyDate, RelationFinding, RelationType

R = RelationType
Contexts = Callable[..., list[SentenceContext]]
Found = Callable[[str], list[RelationFinding]]


@pytest.fixture
def relations(relation_findings: Found) -> Found:
    return relation_findings


def one(found: list[RelationFinding], kind: RelationType, subject: str) -> RelationFinding:
    hits = [f for f in found if f.type is kind and subject in f.subject.name]
    assert len(hits) == 1, [(f.type, f.subject.name, f.object.name) for f in found]
    return hits[0]


def test_sentence_referring_back_takes_the_event_date(relations: Found) -> None:
    text = (
        "On 4 March 2014, Jamaat-ul-Ahrar released a video from a hideout in Kunar. "
        "In the video, the group introduced Omar Khalid Khorasani as its new emir."
    )
    found = one(relations(text), R.LEADER_OF, "Khorasani")
    assert found.start == FuzzyDate(2014, 3, 4)


def test_sentence_without_reference_back_stays_undated(relations: Found) -> None:
    text = (
        "On 4 March 2014, Jamaat-ul-Ahrar released a video from a hideout in Kunar. "
        "Separately, the group introduced Omar Khalid Khorasani as its new emir."
    )
    assert one(relations(text), R.LEADER_OF, "Khorasani").start is None


def test_announced_part_of_is_dated_and_kept(relations: Found) -> None:
    text = (
        "In late 2014 the Islamic Movement of Uzbekistan announced that it should be "
        "regarded as part of al-Qaeda."
    )
    found = one(relations(text), R.AFFILIATE_OF, "Islamic Movement of Uzbekistan")
    assert found.start == FuzzyDate(2014)


def _finding(start: FuzzyDate | None) -> RelationFinding:
    return RelationFinding(
        type=R.LEADER_OF, subject=EntityRef("Abu Omar", EntityKind.PERSON),
        object=EntityRef("Example Front", EntityKind.ORGANIZATION),
        evidence=Evidence(0, 1, "x"), extractor="test", start=start,
    )  # fmt: skip


def test_same_start_at_two_precisions_keeps_the_finer() -> None:
    found = dedupe_relations([_finding(FuzzyDate(2015, 1)), _finding(FuzzyDate(2015, 1, 11))])
    assert [f.start for f in found] == [FuzzyDate(2015, 1, 11)]


def test_different_starts_keep_the_earlier() -> None:
    found = dedupe_relations([_finding(FuzzyDate(2015, 3)), _finding(FuzzyDate(2015, 1, 11))])
    assert [f.start for f in found] == [FuzzyDate(2015, 1, 11)]


def test_infobox_part_of_with_years_and_continued_lines(relations: Found) -> None:
    text = (
        "Lashkar-e-Jhangvi\n"
        "Part of Islamic State (2014–present)\n"
        "al-Qaeda (2009–2014)\n"
        "Ideology Jihadism\n\n"
        "Lashkar-e-Jhangvi is a militant group."
    )
    found = {f.object.name: f for f in relations(text) if f.type is R.AFFILIATE_OF}
    assert found["Islamic State"].start == FuzzyDate(2014)
    assert found["Islamic State"].end is None
    assert (found["al-Qaeda"].start, found["al-Qaeda"].end) == (FuzzyDate(2009), FuzzyDate(2014))


def test_infobox_office_terms_and_allegiance_of_a_person(relations: Found) -> None:
    text = (
        "Mullah Fazlullah\n"
        "- Office: Emir of al-Qaeda\n"
        "- Term Start: 7 November 2013\n"
        "- Term End: 14 June 2015\n"
        "- Allegiance: Afghan Taliban (2001–2007)\n\n"
        "Mullah Fazlullah was a militant cleric from Swat."
    )
    found = relations(text)
    leader = one(found, R.LEADER_OF, "Fazlullah")
    assert (leader.start, leader.end) == (FuzzyDate(2013, 11, 7), FuzzyDate(2015, 6, 14))
    member = one(found, R.MEMBER_OF, "Fazlullah")
    assert "Taliban" in member.object.name and member.start == FuzzyDate(2001)
    assert member.end == FuzzyDate(2007)


def test_infobox_item_since_a_year_starts_then(relations: Found) -> None:
    text = (
        "Lashkar-e-Jhangvi\n"
        "- Allegiance: Islamic State (since 2016)\n\n"
        "Lashkar-e-Jhangvi is a militant group."
    )
    (found,) = [f for f in relations(text) if f.object.name == "Islamic State"]
    assert (found.start, found.end) == (FuzzyDate(2016), None)


def test_infobox_in_office_span_under_the_title(relations: Found) -> None:
    text = (
        "Mullah Fazlullah\n"
        "Emir of al-Qaeda\n"
        "In office\n"
        "November 2013 – 14 June 2015\n\n"
        "Mullah Fazlullah was a militant cleric from Swat."
    )
    leader = one(relations(text), R.LEADER_OF, "Fazlullah")
    assert (leader.start, leader.end) == (FuzzyDate(2013, 11), FuzzyDate(2015, 6, 14))


def test_infobox_office_in_a_unit_of_a_group_is_not_its_leadership(relations: Found) -> None:
    text = (
        "Mullah Fazlullah\n"
        "- Office: Emir of Swat District, al-Qaeda\n"
        "- Term Start: 2007\n\n"
        "Mullah Fazlullah was a militant cleric from Swat."
    )
    assert not [f for f in relations(text) if f.type is R.LEADER_OF]


def test_defection_led_by_a_named_man(relations: Found) -> None:
    text = (
        "The March 2015 defection to the Islamic State of ten commanders, "
        "led by Mullah Abdul Qadir, shook the movement."
    )
    found = relations(text)
    pledge = one(found, R.ALLEGIANCE, "Abdul Qadir")
    assert pledge.object.name == "Islamic State" and pledge.start == FuzzyDate(2015, 3)


def test_its_after_a_groups_formation_is_the_new_group(relations: Found) -> None:
    text = (
        "Jamaat-ul-Ahrar is active in Mohmand. Jamaat-ul-Ahrar fights the army. "
        "In 2014 the Pakistani Taliban announced the group's formation and appointed "
        "Omar Khalid Khorasani as its leader."
    )
    leader = one(relations(text), R.LEADER_OF, "Khorasani")
    assert leader.object.name == "Jamaat-ul-Ahrar" and leader.start == FuzzyDate(2014)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Karim Durrani was the TTP's spokesman until he defected in 2014.",
         R.MEMBER_OF, (None, FuzzyDate(2014))),
        ("Karim Durrani served as the TTP's spokesman until 2014.",
         R.MEMBER_OF, (None, FuzzyDate(2014))),
        ("Karim Durrani led the ALF from 2010 until his death in 2015.",
         R.LEADER_OF, (FuzzyDate(2010), FuzzyDate(2015))),
        ("Karim Durrani, the TTP's spokesman, said the truce would last until 2016.",
         R.MEMBER_OF, (None, None)),
        ("Karim Durrani, the TTP's spokesman until 2014, now lives in Quetta.",
         R.MEMBER_OF, (None, FuzzyDate(2014))),
    ],
)  # fmt: skip
def test_role_held_until_a_date_of_its_clause_ends_then(
    relations: Found,
    text: str,
    kind: RelationType,
    expected: tuple[FuzzyDate | None, FuzzyDate | None],
) -> None:
    found = one(relations(text), kind, "Karim Durrani")
    assert (found.start, found.end) == expected


@pytest.mark.slow
def test_participle_clause_is_not_dated_by_the_main_clause(relations: Found) -> None:
    found = relations("The ALF, led by Mullah Omar, has fought the TTP since 2009.")
    assert one(found, R.LEADER_OF, "Mullah Omar").start is None
    assert one(found, R.RIVALRY, "Alpha Liberation Front").start == FuzzyDate.parse("2009")


@pytest.mark.slow
def test_relative_clause_shares_the_date_of_its_sentence(relations: Found) -> None:
    found = relations("In April 2014, when the ALF switched allegiance to the TTP, it grew.")
    assert one(found, R.ALLEGIANCE, "Alpha Liberation Front").start == FuzzyDate.parse("2014-04")
