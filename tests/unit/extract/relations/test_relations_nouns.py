"""Tests for the holders and owners of role nouns (mosaic.extract.relations.nouns): every
name a plural role noun describes, and the group hung on a titled name ("Commander X of Y")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import RelationFinding, RelationType

R = RelationType
Find = Callable[[str], list[RelationFinding]]
TTP, ALF = "Tehreek-i-Taliban Pakistan", "Alpha Liberation Front"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(relation_findings: Find) -> Find:
    return relation_findings


def _pairs(findings: list[RelationFinding]) -> set[tuple[RelationType, str, str]]:
    return {(f.type, f.subject.name, f.object.name) for f in findings}


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Hakim Zaman and Tariq Baloch, the leaders of the ALF, were arrested.", R.LEADER_OF),
     ("Hakim Zaman and Tariq Baloch are considered the founders of the ALF.", R.LEADER_OF),
     ("Police said ALF commanders Hakim Zaman and Tariq Baloch were killed.", R.MEMBER_OF)],
)  # fmt: skip
def test_relations_nouns_plural_role_noun_holds_every_coordinated_name(
    found: Find, text: str, kind: RelationType
) -> None:
    pairs = _pairs(found(text))
    assert {(kind, "Hakim Zaman", ALF), (kind, "Tariq Baloch", ALF)} <= pairs


def test_relations_nouns_singular_role_noun_holds_only_its_own_name(found: Find) -> None:
    pairs = _pairs(found("Hakim Zaman and Tariq Baloch, a leader of the ALF, were arrested."))
    assert (R.LEADER_OF, "Hakim Zaman", ALF) not in pairs


def test_relations_nouns_title_before_a_name_takes_the_group_after_it(found: Find) -> None:
    pairs = _pairs(found("Commander Hakim Zaman of the Pakistani Taliban denied the claim."))
    assert pairs == {(R.MEMBER_OF, "Hakim Zaman", TTP)}


def test_relations_nouns_title_before_a_name_takes_no_place_after_it(found: Find) -> None:
    assert _pairs(found("Commander Hakim Zaman of Peshawar denied the claim.")) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Police arrested Hakim Zaman, the ALF kingpin, in Quetta.", R.LEADER_OF),
     ("Hakim Zaman, a ringleader of the ALF, was arrested.", R.LEADER_OF),
     ("Hakim Zaman, the treasurer of the ALF, was arrested.", R.MEMBER_OF)],
)  # fmt: skip
def test_relations_nouns_words_for_a_leader_and_a_member(
    found: Find, text: str, kind: RelationType
) -> None:
    assert _pairs(found(text)) == {(kind, "Hakim Zaman", ALF)}


def test_relations_nouns_role_noun_tagged_as_a_verb_lists_its_holders(found: Find) -> None:
    pairs = _pairs(found("ALF commanders Hakim Zaman, Tariq Baloch and Qari Wahid were killed."))
    assert {
        (R.MEMBER_OF, name, ALF) for name in ("Hakim Zaman", "Tariq Baloch", "Qari Wahid")
    } <= pairs


def test_relations_nouns_guerrillas_before_names_are_members(found: Find) -> None:
    pairs = _pairs(found("Police said TTP guerrillas Hakim Zaman and Tariq Baloch were shot."))
    assert {(R.MEMBER_OF, "Hakim Zaman", TTP), (R.MEMBER_OF, "Tariq Baloch", TTP)} <= pairs


@pytest.mark.parametrize(
    ("text", "kind"),
    [("The farm belonged to Hakim Zaman, considered the ALF leader.", R.LEADER_OF),
     ("Police arrested Hakim Zaman, believed to be a commander of the ALF.", R.MEMBER_OF)],
)  # fmt: skip
def test_relations_nouns_participle_clause_describes_the_name_before_it(
    found: Find, text: str, kind: RelationType
) -> None:
    assert _pairs(found(text)) == {(kind, "Hakim Zaman", ALF)}


def test_relations_nouns_financial_chief_is_a_member_not_the_leader(found: Find) -> None:
    pairs = _pairs(found("Hakim Zaman, the financial chief of the ALF, was arrested."))
    assert pairs == {(R.MEMBER_OF, "Hakim Zaman", ALF)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Police killed Tariq Baloch, the emir of a local ALF cell in Quetta.", R.MEMBER_OF),
     ("Tariq Baloch, the head of the TTP's Mohmand chapter, was arrested.", R.MEMBER_OF),
     ("Tariq Baloch, a member of a TTP module in Karachi, was arrested.", R.MEMBER_OF),
     ("Tariq Baloch, the head of the TTP, was arrested.", R.LEADER_OF)],
)  # fmt: skip
def test_relations_nouns_leader_of_an_unnamed_part_is_a_member_of_the_whole(
    found: Find, text: str, kind: RelationType
) -> None:
    pairs = {(k, s) for k, s, _ in _pairs(found(text)) if s == "Tariq Baloch"}
    assert pairs == {(kind, "Tariq Baloch")}, pairs


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Tariq Baloch was elevated to deputy leader of the TTP in 2014.", R.MEMBER_OF),
     ("Tariq Baloch rose to chief of the TTP in 2014.", R.LEADER_OF)],
)  # fmt: skip
def test_relations_nouns_promotion_to_a_role_starts_it(
    found: Find, text: str, kind: RelationType
) -> None:
    [finding] = [f for f in found(text) if f.subject.name == "Tariq Baloch"]
    assert (finding.type, finding.object.name, finding.start.year if finding.start else None) == (
        kind,
        TTP,
        2014,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tariq Baloch, the Taliban's foreign minister, met officials in Kabul.",
      {(R.MEMBER_OF, "Tariq Baloch", "Afghan Taliban")}),
     ("Pakistan's interior minister, Tariq Baloch, blamed the TTP for the attack.", set())],
)  # fmt: skip
def test_relations_nouns_a_groups_minister_is_its_member_a_states_is_not(
    found: Find, text: str, expected: set[tuple[RelationType, str, str]]
) -> None:
    assert {p for p in _pairs(found(text)) if p[1] == "Tariq Baloch"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tariq Baloch and other TTP commanders met in Kabul.",
      {(R.MEMBER_OF, "Tariq Baloch", TTP)}),
     ("Police arrested Tariq Baloch and three other ALF militants in Quetta.",
      {(R.MEMBER_OF, "Tariq Baloch", ALF)}),
     ("Tariq Baloch and TTP commanders met in Kabul.", set())],
)  # fmt: skip
def test_relations_nouns_a_name_joined_to_other_holders_holds_their_role(
    found: Find, text: str, expected: set[tuple[RelationType, str, str]]
) -> None:
    assert {p for p in _pairs(found(text)) if p[1] == "Tariq Baloch"} == expected


@pytest.mark.parametrize(
    "text",
    ["Police named Hakim Zaman, whom they described as the intelligence and operations chief "
     "of the ALF.",
     "The ALF said its head of finance, Hakim Zaman, was arrested."],
)  # fmt: skip
def test_relations_nouns_head_of_a_function_is_a_member(found: Find, text: str) -> None:
    pairs = _pairs(found(text))
    assert (R.MEMBER_OF, "Hakim Zaman", ALF) in pairs
    assert (R.LEADER_OF, "Hakim Zaman", ALF) not in pairs


def test_relations_nouns_one_of_the_leaders_joined_to_another_role_leads(found: Find) -> None:
    pairs = _pairs(found("Hakim Zaman is a senior commander and one of the main leaders of the "
                         "ALF."))  # fmt: skip
    assert (R.LEADER_OF, "Hakim Zaman", ALF) in pairs
