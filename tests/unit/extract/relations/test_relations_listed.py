"""Tests for the names a role noun's list gives (mosaic.extract.relations.listed): "its
previous leaders were A (killed July 2015) and B (killed April 2016)", "its former leaders
include A and B"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import RelationFinding, RelationType
from support.findings import tenures

R = RelationType
Found = Callable[[str], list[RelationFinding]]
ISKP, TTP = "Islamic State Khorasan Province", "Tehreek-i-Taliban Pakistan"
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ISKP lost ground in Kunar. Its previous leaders were Karim Durrani (killed July "
         "2015) and Daud Aziz (killed April 2016).",
         {(R.LEADER_OF, "Karim Durrani", ISKP): (None, "2015-07"),
          (R.LEADER_OF, "Daud Aziz", ISKP): (None, "2016-04")}),
        ("The ISKP was founded in 2015. The group's previous leaders were Karim Durrani "
         "(killed in July 2015), Daud Aziz (killed in April 2016) and Saleem Qadri.",
         {(R.LEADER_OF, "Karim Durrani", ISKP): (None, "2015-07"),
          (R.LEADER_OF, "Daud Aziz", ISKP): (None, "2016-04")}),
        ("The TTP is based in Waziristan. Its former leaders include Karim Durrani (killed in "
         "August 2013) and Daud Aziz (killed in February 2018).",
         {(R.LEADER_OF, "Karim Durrani", TTP): (None, "2013-08"),
          (R.LEADER_OF, "Daud Aziz", TTP): (None, "2018-02")}),
        ("The TTP is based in Waziristan. Its leaders have included Karim Durrani and Daud "
         "Aziz.",
         {(R.LEADER_OF, "Karim Durrani", TTP): (None, None),
          (R.LEADER_OF, "Daud Aziz", TTP): (None, None)}),
    ],
)  # fmt: skip
def test_listed_every_name_holds_the_role(
    relation_findings: Found,
    text: str,
    expected: dict[tuple[RelationType, str, str], tuple[str | None, str | None]],
) -> None:
    found = tenures(relation_findings(text))
    assert {key: found.get(key) for key in expected} == expected


def test_listed_a_parenthesis_does_not_list_what_follows_a_full_stop(
    relation_findings: Found,
) -> None:
    text = "The TTP's leader was Karim Durrani (killed July 2015). Daud Aziz met him."
    assert (R.LEADER_OF, "Daud Aziz", TTP) not in tenures(relation_findings(text))
