"""Relations told by a word set between two names (mosaic.extract.relations.compounds): "the
Pakistani Taliban splinter group X", "the al-Qaeda affiliate X"; in sentences written for the
test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import RelationFinding, RelationType
from support.findings import assert_relation_found, triples

R = RelationType
Found = Callable[[str], list[RelationFinding]]
AQ, ALF, TTP = "al-Qaeda", "Alpha Liberation Front", "Tehreek-i-Taliban Pakistan"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "subject", "obj"),
    [("The Pakistani Taliban splinter group ALF claimed the attack on the court in Mardan.",
      R.SPLIT_FROM, ALF, TTP),
     ("The al-Qaeda affiliate ALF attacked a checkpoint.", R.AFFILIATE_OF, ALF, AQ),
     ("Fighters of the TTP ally ALF attacked a checkpoint.", R.ALLIANCE, ALF, TTP)],
)  # fmt: skip
def test_compounds_noun_between_names_states_the_relation(
    relation_findings: Found, text: str, kind: RelationType, subject: str, obj: str
) -> None:
    assert_relation_found(relation_findings(text), kind, subject, obj)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The TTP and the ALF claimed the attack.",
     "The TTP said the ALF claimed the attack.",
     "Fighters of the TTP attacked the ALF militants in Quetta."],
)  # fmt: skip
def test_compounds_names_without_a_relation_noun_state_no_tie(
    relation_findings: Found, text: str
) -> None:
    found = triples(relation_findings(text))
    assert not {t for t in found if {t[1], t[2]} == {ALF, TTP}}, found
