"""A group's name set before or beside another's to describe it
(mosaic.extract.entities.parent_names), and the perpetrators it leaves out; in sentences
written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.parent_names import names_a_parent, parent_before
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding
from support.findings import perpetrator_names

Contexts = Callable[..., list[SentenceContext]]
Events = Callable[..., list[EventFinding]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [("The Pakistani Taliban splinter group ALF claimed the attack.", "split"),
     ("The al-Qaeda affiliate ALF claimed the attack.", "affiliate"),
     ("The Islamic State-linked ALF claimed the attack.", "link"),
     ("The TTP's ally ALF claimed the attack.", "ally"),
     ("The TTP and the ALF claimed the attack.", None),
     ("The TTP said the ALF claimed the attack.", None)],
)  # fmt: skip
def test_parent_names_kind_of_the_name_before(
    contexts: Contexts, text: str, kind: str | None
) -> None:
    [context] = contexts(text)
    alf = next(m for m in context.mentions if m.text == "ALF")
    found = parent_before(alf, context.mentions, context.doc)
    assert (found[0] if found else None) == kind


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The Pakistani Taliban splinter group ALF claimed the attack on the court in Mardan.",
     "The ALF, a breakaway faction of the Pakistani Taliban, bombed a court in Mardan.",
     "The ALF, the TTP's affiliate in Mardan, bombed a court in Mardan.",
     "The TTP-linked ALF bombed a court in Mardan.",
     "The TTP's offshoot, the ALF, bombed a court in Mardan."],
)  # fmt: skip
def test_parent_names_the_parent_is_no_perpetrator(events: Events, text: str) -> None:
    [attack] = [e for e in events(text) if e.perpetrators]
    names = perpetrator_names(attack)
    assert "Alpha Liberation Front" in names and "Tehreek-i-Taliban Pakistan" not in names


@pytest.mark.slow
def test_parent_names_a_parent_acting_alone_stays_the_perpetrator(events: Events) -> None:
    [attack] = [e for e in events("TTP-inspired gunmen attacked a court in Mardan.")
                if e.perpetrators]  # fmt: skip
    assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(attack)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF, which split from the Pakistani Taliban in 2019, bombed a court in Mardan.",
     "The ALF, a faction that broke away from the TTP, bombed a court in Mardan.",
     "The ALF, which has pledged allegiance to the Islamic State, bombed a court in Mardan."],
)  # fmt: skip
def test_parent_names_a_party_of_a_relative_clause_tie_is_no_perpetrator(
    events: Events, text: str
) -> None:
    [attack] = [e for e in events(text) if e.perpetrators]
    names = perpetrator_names(attack)
    assert "Alpha Liberation Front" in names
    assert not {"Tehreek-i-Taliban Pakistan", "Islamic State"} & set(names)


@pytest.mark.slow
def test_parent_names_a_relative_clause_of_deeds_leaves_its_actor(events: Events) -> None:
    text = "The ALF, which the TTP attacked in 2019, bombed a court in Mardan."
    names = {name for e in events(text) for name in perpetrator_names(e)}
    assert "Tehreek-i-Taliban Pakistan" in names


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The ALF, which police call a front for the TTP, said it bombed a court in Mardan.",
     "The ALF, which officials describe as a wing of the TTP, bombed a court in Mardan."],
)  # fmt: skip
def test_parent_names_the_party_a_relative_clause_calls_it_a_part_of_only_describes_it(
    contexts: Contexts, text: str
) -> None:
    [context] = contexts(text)
    [ttp] = [m for m in context.mentions if m.ref and m.ref.name == "Tehreek-i-Taliban Pakistan"]
    assert names_a_parent(ttp, context.mentions, context.doc)
