"""Tests for the relation classes added over the first set: succession, deputies, founders,
enlisting, switching sides, rivalry verbs and adjectives, possessive owners, negation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.relations.finder import RelationFinder, dedupe_relations
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EntityKind, EntityRef, Evidence, RelationFinding, RelationType
from support.findings import tenures, triples

R = RelationType
Contexts = Callable[..., list[SentenceContext]]
Find = Callable[[str], list[RelationFinding]]
TALIBAN, TTP, ISKP = (
    "Afghan Taliban",
    "Tehreek-i-Taliban Pakistan",
    "Islamic State Khorasan Province",
)
ALF, IS = "Alpha Liberation Front", "Islamic State"


@pytest.fixture(scope="module")
def found(contexts: Contexts) -> Find:
    finder = RelationFinder("test")

    def run(text: str) -> list[RelationFinding]:
        return dedupe_relations(f for c in contexts(text) for f in finder.find(c))

    return run


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mullah Omar founded the Taliban in 1994. His successor, Akhtar Gul, kept the movement "
         "together.", (R.LEADER_OF, "Akhtar Gul", TALIBAN)),
        ("Taliban founder Mullah Omar died in 2013. He was succeeded by Akhtar Gul.",
         (R.LEADER_OF, "Akhtar Gul", TALIBAN)),
        ("Taliban founder Mullah Omar died in 2013. Akhtar Gul succeeded him the same year.",
         (R.LEADER_OF, "Akhtar Gul", TALIBAN)),
        ("Taliban founder Mullah Omar was rarely seen. Mullah Omar's deputy, Akhtar Gul, ran "
         "the council.", (R.MEMBER_OF, "Akhtar Gul", TALIBAN)),
        ("Karim Durrani, a senior ALF commander, switched allegiance to the ISKP in 2016.",
         (R.ALLEGIANCE, "Karim Durrani", ISKP)),
        ("The ISKP won its first recruits in May 2015, when a veteran TTP commander, Karim "
         "Durrani, switched allegiance.", (R.ALLEGIANCE, "Karim Durrani", ISKP)),
        ("The ISKP announced its intention to take on the Taliban.", (R.RIVALRY, ISKP, TALIBAN)),
        ("The ALF rebelled against the TTP in 2012.", (R.RIVALRY, ALF, TTP)),
        ("For years Karim Durrani fought alongside the Taliban.",
         (R.MEMBER_OF, "Karim Durrani", TALIBAN)),
        ("The ALF fought alongside the TTP in the valley.", (R.ALLIANCE, ALF, TTP)),
        ("Karim Durrani joined the TTP in 2009.", (R.MEMBER_OF, "Karim Durrani", TTP)),
        ("The ALF joined the ISKP in 2016.", (R.ALLEGIANCE, ALF, ISKP)),
        ("Karim Durrani established the Alpha Liberation Front in 1999.",
         (R.LEADER_OF, "Karim Durrani", ALF)),
        ("Karim Durrani and Daud Aziz established the Alpha Liberation Front in 1999.",
         (R.MEMBER_OF, "Daud Aziz", ALF)),
        ("The ALF was set up by two former TTP fighters, Karim Durrani and Daud Aziz.",
         (R.MEMBER_OF, "Daud Aziz", ALF)),
        ("After the Taliban took Kabul, the rival ISKP group bombed a school.",
         (R.RIVALRY, ISKP, TALIBAN)),
        ("The ISKP introduced Karim Durrani, a former commander in the TTP, as its emir.",
         (R.LEADER_OF, "Karim Durrani", ISKP)),
        ("The ISKP opened an office in Jalalabad. Mullah Karim Durrani, a former teacher from "
         "Kunar, was anointed as the affiliate's chief.",
         (R.LEADER_OF, "Mullah Karim Durrani", ISKP)),
        ("Hafiz Karim Durrani was born in Quetta. Durrani joined the TTP in 2009.",
         (R.MEMBER_OF, "Hafiz Karim Durrani", TTP)),
        ("TTP commander Karim Durrani denied the reports of his death.",
         (R.MEMBER_OF, "Karim Durrani", TTP)),
    ],
)  # fmt: skip
def test_relations_succession_patterns(
    found: Find, text: str, expected: tuple[RelationType, str, str]
) -> None:
    assert expected in triples(found(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Karim Durrani and Daud Aziz established the Alpha Liberation Front in 1999.",
         (R.LEADER_OF, "Karim Durrani", ALF)),
        ("The ISKP introduced Karim Durrani, a former commander in the TTP, as its emir.",
         (R.LEADER_OF, "Karim Durrani", TTP)),
        ("The ISKP won its first recruits in May 2015, when a veteran TTP commander, Karim "
         "Durrani, switched allegiance.", (R.ALLEGIANCE, TTP, ISKP)),
        ("Mahmud Khan was born in Quetta. Later Khan Wazir joined the TTP.",
         (R.MEMBER_OF, "Mahmud Khan", TTP)),
    ],
)  # fmt: skip
def test_relations_succession_avoids_wrong_parties(
    found: Find, text: str, wrong: tuple[RelationType, str, str]
) -> None:
    assert wrong not in triples(found(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF denied that it had switched allegiance to the ISKP.",
     "Karim Durrani did not join the TTP.",
     "The ALF has never fought alongside the TTP.",
     "The ALF denied any link to the Islamic State, despite reports it had joined the ISKP."],
)  # fmt: skip
def test_relations_succession_negated_are_dropped(found: Find, text: str) -> None:
    assert found(text) == []


@pytest.mark.slow
def test_relations_succession_hedged_join_is_less_sure(found: Find) -> None:
    plain = {f.object.name: f.confidence for f in found("The ALF joined the ISKP in 2016.")}
    hedged = found("The ALF reportedly joined the ISKP in 2016.")
    assert [f.object.name for f in hedged] == [ISKP]
    assert hedged[0].confidence < plain[ISKP]


def _finding(kind: RelationType, subject: str, obj: str) -> RelationFinding:
    return RelationFinding(
        type=kind, subject=EntityRef(subject, EntityKind.PERSON),
        object=EntityRef(obj, EntityKind.ORGANIZATION), evidence=Evidence(0, 1, "x"),
        extractor="test", confidence=0.6,
    )  # fmt: skip


def test_relations_succession_leadership_covers_membership() -> None:
    kept = dedupe_relations(
        [_finding(R.MEMBER_OF, "A", "G"), _finding(R.LEADER_OF, "A", "G"),
         _finding(R.MEMBER_OF, "A", "H")]
    )  # fmt: skip
    assert {(f.type, f.object.name) for f in kept} == {(R.LEADER_OF, "G"), (R.MEMBER_OF, "H")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karim Durrani succeeded Daud Aziz as leader of the Pakistani Taliban in November "
         "2013.",
         {(R.LEADER_OF, "Karim Durrani", TTP): ("2013-11", None),
          (R.LEADER_OF, "Daud Aziz", TTP): (None, "2013-11")}),
        ("Karim Durrani succeeded Daud Aziz as emir of the ISKP.",
         {(R.LEADER_OF, "Karim Durrani", ISKP): (None, None),
          (R.LEADER_OF, "Daud Aziz", ISKP): (None, None)}),
        ("Daud Aziz led the ISKP. He was succeeded by Karim Durrani in April 2016.",
         {(R.LEADER_OF, "Karim Durrani", ISKP): ("2016-04", None),
          (R.LEADER_OF, "Daud Aziz", ISKP): (None, "2016-04")}),
        ("Karim Durrani replaced Daud Aziz as spokesman of the ALF in 2014.",
         {(R.MEMBER_OF, "Karim Durrani", ALF): ("2014", None),
          (R.MEMBER_OF, "Daud Aziz", ALF): (None, "2014")}),
    ],
)  # fmt: skip
def test_relations_succession_starts_the_successor_and_ends_the_predecessor(
    found: Find,
    text: str,
    expected: dict[tuple[RelationType, str, str], tuple[str | None, str | None]],
) -> None:
    held = tenures(found(text))
    assert {key: held.get(key) for key in expected} == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sworn_to_group"),
    [("The ALF pledged allegiance to Islamic State leader Abu Bakr al-Baghdadi in 2015.", True),
     ("Abu Bakr al-Baghdadi is the leader of the Islamic State. The ALF pledged allegiance to "
      "Abu Bakr al-Baghdadi in 2015.", False)],
)  # fmt: skip
def test_relations_succession_allegiance_to_a_leader_titled_by_his_group_is_to_it(
    found: Find, text: str, sworn_to_group: bool
) -> None:
    pledges = {o for k, s, o in triples(found(text)) if k is R.ALLEGIANCE and s == ALF}
    assert (IS in pledges) is sworn_to_group, pledges
    assert "Abu Bakr al-Baghdadi" in pledges


PREDECESSORS = [
    ("The ALF is led by Karim Durrani, who took charge after the death of Daud Aziz in 2014.",
     {(R.LEADER_OF, "Daud Aziz", ALF): (None, "2014"),
      (R.LEADER_OF, "Karim Durrani", ALF): ("2014", None)}),
    ("Karim Durrani leads the ALF. He took over after Daud Aziz was killed in March 2013.",
     {(R.LEADER_OF, "Daud Aziz", ALF): (None, "2013-03")}),
    ("The ALF has been headed since May 2012 by Karim Durrani, who replaced Daud Aziz.",
     {(R.LEADER_OF, "Daud Aziz", ALF): (None, "2012-05")}),
    ("The ALF is now led by Daud Aziz's successor, Karim Durrani, officials said.",
     {(R.LEADER_OF, "Daud Aziz", ALF): (None, None)}),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), PREDECESSORS)
def test_succession_one_who_leaves_office_to_a_leader_held_his_office_until_then(
    found: Find,
    text: str,
    expected: dict[tuple[RelationType, str, str], tuple[str | None, str | None]],
) -> None:
    held = tenures(found(text))
    assert {key: held.get(key) for key in expected} == expected, held


@pytest.mark.slow
def test_succession_taking_over_after_an_event_that_is_no_death_names_no_predecessor(
    found: Find,
) -> None:
    held = tenures(found("Karim Durrani leads the ALF. He took over after Daud Aziz was "
                         "arrested in March 2013."))  # fmt: skip
    assert (R.LEADER_OF, "Daud Aziz", ALF) not in held, held
