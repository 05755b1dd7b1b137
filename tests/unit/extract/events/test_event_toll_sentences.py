"""Tolls told in a sentence of their own after their event (events.toll_sentences)."""

from __future__ import annotations

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import Count, EventType
from support.findings import extracted_events, only_of_type

pytestmark = pytest.mark.slow


def test_toll_sentences_other_dead_add_to_the_named_victim(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Police on Sunday killed Karim Baksh, a bomb maker, at a farm outside Mardan. "
        "Two other men were killed in the shootout.",
    )
    assert only_of_type(events, EventType.KILLING).killed == Count.exactly(3)
    assert not [e for e in events if e.type is EventType.ATTACK]


def test_toll_sentences_wounded_told_next_are_the_attacks(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Gunmen attacked a checkpoint in Mardan on Monday, killing four soldiers.\n\n"
        "Three other people were wounded, a hospital official said.",
    )
    attack = only_of_type(events, EventType.ATTACK)
    assert (attack.killed, attack.wounded) == (Count.exactly(4), Count.exactly(3))


def test_toll_sentences_a_part_of_the_toll_is_no_event_of_its_own(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Security forces killed nine militants during a raid near Bannu on Monday, the army "
        "said.\n\nTwo soldiers were also killed in the exchange of fire.",
    )
    assert only_of_type(events, EventType.MILITARY_OPERATION).killed == Count.exactly(9)
    assert not [e for e in events if e.type is EventType.ATTACK]


def test_toll_sentences_another_event_keeps_its_dead(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Rebels bombed a power station near Tunja on Monday.\n\n"
        "There were other attacks, in which two guards were killed.",
    )
    assert all(e.killed is None for e in events if e.attack_type is not None)


def test_toll_sentences_a_named_persons_killing_stays_its_own(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "The army suffered heavy losses in 2003 during the offensive in Helmand. "
        "Commander Juan Ortiz was killed, while his deputy fled.",
    )
    assert only_of_type(events, EventType.KILLING).killed == Count.exactly(1)


def test_toll_sentences_the_operation_named_again_takes_the_dead(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Commandos raided a compound near Sukkur on Friday and freed two hostages. "
        "Gunmen had seized the pair at a wedding in Mardan in 2014, an attack that killed a guard. "
        "The army said six militants were killed in the operation.",
    )
    operation = only_of_type(events, EventType.MILITARY_OPERATION)
    assert operation.killed == Count.exactly(6)


@pytest.mark.parametrize(
    "second",
    [
        "Floods in the province left 200 people dead last year.",  # a time of its own
        "Rescuers said two children were among the dead.",  # a part, fewer than counted
        "Bombs hit the same market in 2011, where the 30 shoppers were killed.",  # counted before
    ],
)
def test_toll_sentences_leave_other_tolls_alone(extractor: Extractor, second: str) -> None:
    first = "A bomb killed nine people at a market in Mardan on Monday."
    events = extracted_events(extractor, f"{first} {second}")
    attacks = [e for e in events if e.type is EventType.ATTACK and str(e.date) == "2016-01-18"]
    assert attacks
    assert attacks[0].killed == Count.exactly(9)


def test_toll_sentences_a_toll_risen_on_a_later_day_is_the_events(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "A suicide bomber struck a wedding in Zhob on Sunday, killing at least 30 people. "
        "The toll rose to 47 on Monday, a hospital official said.",
    )
    [attack] = events
    assert attack.killed == Count.exactly(47)
    assert attack.date is not None and attack.date.iso() == "2016-01-17"


@pytest.mark.parametrize(
    ("second", "killed"),
    [
        ("By Wednesday the death toll had risen to 13, officials said.", 13),
        ("Two of the wounded died on Tuesday, a hospital official said.", 11),
        ("Four more victims died overnight, bringing the toll to 13.", 13),
        ("A tenth victim died of his wounds on Wednesday.", 10),
        ("The number of dead had risen to 14 on Tuesday, officials said.", 14),
    ],
)
def test_toll_sentences_a_later_day_updates_the_toll(
    extractor: Extractor, second: str, killed: int
) -> None:
    first = "A bomb killed nine people at a market in Mardan on Monday."
    events = extracted_events(extractor, f"{first} {second}")
    attacks = [e for e in events if e.type is EventType.ATTACK and str(e.date) == "2016-01-18"]
    assert [a.killed for a in attacks] == [Count.exactly(killed)]


def test_toll_sentences_the_killers_claim_leaves_the_stated_toll(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Militants attacked a border post near Chaman on Monday. Officials said three guards were "
        "killed. The militants said they had killed 20 guards.",
    )
    assert [e.killed for e in events if e.type is EventType.ATTACK] == [Count.exactly(3)]


@pytest.mark.parametrize(
    "update",
    [
        "On Wednesday the death toll rose to 31, a hospital official said.",
        "Later on Wednesday, the health ministry raised the toll to 31 dead.",
        "On Wednesday, doctors put the number of dead at 31.",
    ],
)
def test_toll_sentences_an_update_in_a_later_paragraph_goes_to_the_lead(
    extractor: Extractor, update: str
) -> None:
    events = extracted_events(
        extractor,
        "HERAT — A suicide bomber struck a wedding hall in Herat on Monday, killing 22 "
        "people, officials said.\n\n"
        "Last year, a roadside bomb killed four soldiers on the highway near Shindand.\n\n"
        + update,
    )
    by_toll = sorted(e.killed.low for e in events if e.killed is not None)
    assert by_toll == [4, 31]


def test_toll_sentences_an_update_names_the_toll_not_the_dead_that_raised_it(
    extractor: Extractor,
) -> None:
    events = extracted_events(
        extractor,
        "Gunmen attacked a bus station in Bannu on Monday, killing 15 passengers.\n\n"
        "On Tuesday the toll reached 19, as three of the wounded died overnight.",
    )
    assert [e.killed for e in events if e.killed is not None] == [Count.exactly(19)]


def test_toll_sentences_the_toll_not_a_clause_that_explains_it(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "Gunmen ambushed a convoy in Khost on Monday, killing five soldiers.\n\n"
        "Two other soldiers were hurt in the ambush.\n\n"
        "By Tuesday the number of dead had risen to eight, as three of the injured troops "
        "succumbed.",
    )
    assert max(e.killed.low for e in events if e.killed is not None) == 8


def test_toll_sentences_the_day_a_figure_was_given_is_no_day_of_another_event(
    extractor: Extractor,
) -> None:
    events = extracted_events(
        extractor,
        "Gunmen stormed a bank in Jalalabad on Tuesday, killing at least seven people.\n\n"
        "The provincial governor said on Wednesday that 12 people had died.",
    )
    assert [e.killed for e in events if e.killed is not None] == [Count.exactly(12)]


def test_toll_sentences_the_day_of_an_update_carries_to_the_next_toll(
    extractor: Extractor,
) -> None:
    events = extracted_events(
        extractor,
        "A suicide bomber blew himself up at a market in Kunduz on Tuesday, officials said.\n\n"
        "By Thursday the toll had risen to 33, a hospital director said. At least 50 others "
        "were wounded.",
    )
    [attack] = [e for e in events if e.type is EventType.ATTACK]
    assert (attack.killed, attack.wounded) == (Count.exactly(33), Count.at_least(50))


def test_toll_sentences_a_toll_given_before_revises_nothing(extractor: Extractor) -> None:
    events = extracted_events(
        extractor,
        "The number of people killed in Monday's bombing of a bus station in Quetta rose to "
        "52 on Wednesday, officials said.\n\n"
        "Officials had given a toll of 31 on Monday night and 40 on Tuesday. "
        "At least 70 people were wounded.",
    )
    attack = only_of_type(events, EventType.ATTACK)
    assert (attack.killed, attack.wounded) == (Count.exactly(52), Count(70, None))
