"""Pledges told from the side that takes them (mosaic.extract.relations.pledges), in
sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import FuzzyDate, RelationFinding, RelationType
from support.findings import triples

R = RelationType
Found = Callable[[str], list[RelationFinding]]
ALF, IS, OMAR = "Alpha Liberation Front", "Islamic State", "Mullah Omar"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "taker"),
    [("The Islamic State accepted the pledge of allegiance of the ALF in January 2015.", IS),
     ("The Islamic State accepted the ALF's pledge of allegiance in January 2015.", IS),
     ("The Islamic State welcomed the oath of loyalty of the ALF in January 2015.", IS),
     ("Mullah Omar accepted the pledge of the ALF in January 2015.", OMAR)],
)  # fmt: skip
def test_pledges_accepted_pledge_is_the_pledgers_allegiance(
    relation_findings: Found, text: str, taker: str
) -> None:
    found = [f for f in relation_findings(text) if f.type is R.ALLEGIANCE]
    assert [(f.subject.name, f.object.name, f.start) for f in found] == [
        (ALF, taker, FuzzyDate(2015, 1))
    ]


@pytest.mark.slow
def test_pledges_accepting_something_else_is_no_allegiance(relation_findings: Found) -> None:
    found = triples(relation_findings("The Islamic State accepted the offer of the ALF."))
    assert not {t for t in found if t[0] is R.ALLEGIANCE}, found
