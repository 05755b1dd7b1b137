"""Tests for deaths alone as an event (mosaic.extract.events.killings): fights and attacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import AttackType, Count, EventFinding, EventType, Report

pytestmark = pytest.mark.slow

Events = Callable[..., list[EventFinding]]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The army said 25 insurgents and four soldiers were killed in the hills on Monday.",
         Count.exactly(29)),
        ("At least 40 militants and two policemen were killed near the border, officials said.",
         Count(42, None)),
    ],
)  # fmt: skip
def test_killings_militants_and_forces_dead_is_a_fight(
    events: Events, sentence: str, killed: Count
) -> None:
    found = events(sentence)
    assert [f.type for f in found] == [EventType.MILITARY_OPERATION]
    assert found[0].killed == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "Six villagers and a policeman were killed in the town on Monday.",
        "Thirty people were killed on Monday, including four militants.",
        "Gunmen from the Karwan Brigade killed four guards; two militants also died.",
        "Five militants were killed in the town on Monday.",
    ],
)
def test_killings_deaths_without_militants_counted_stay_an_attack(
    events: Events, sentence: str
) -> None:
    assert EventType.ATTACK in {f.type for f in events(sentence)}
    assert EventType.MILITARY_OPERATION not in {f.type for f in events(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police on Sunday killed Karim Baksh, the man they had hunted for a year.",
        "Troops on Monday killed Gul Zaman, the deputy of a local militia.",
        "The group's leader, Karim Baksh, was killed in a drone strike in May.",
        "Its founder Gul Zaman was killed in a police raid in May.",
    ],
)
def test_killings_apposition_names_the_same_victim(events: Events, sentence: str) -> None:
    killings = [f for f in events(sentence) if f.type is EventType.KILLING]
    assert killings
    assert killings[0].killed == Count.exactly(1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops ambushed a band of insurgents near Quetta on Friday, killing six of them.",
        "Police opened fire on a hideout in Mardan on Friday, killing three suspects.",
        "Army gunships attacked a camp near Peshawar on Sunday, killing 12 militants.",
        "Commandos stormed a compound near Peshawar on Tuesday, killing seven fighters.",
    ],
)
def test_killings_forces_alone_attacking_run_an_operation(events: Events, sentence: str) -> None:
    found = [f for f in events(sentence) if f.type is not EventType.KILLING]
    assert found and all(f.type is EventType.MILITARY_OPERATION for f in found)
    assert all(f.attack_type is None for f in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants raided a police post in Quetta on Monday, killing four officers.",
        "Gunmen launched a raid on a village near Mardan on Friday, killing 11 villagers.",
        "ALF fighters ambushed a convoy near Quetta on Friday, killing six soldiers.",
    ],
)
def test_killings_attackers_raiding_carry_out_an_attack(events: Events, sentence: str) -> None:
    assert [f.type for f in events(sentence)] == [EventType.ATTACK]


def test_killings_a_raid_by_attackers_is_typed_by_its_clause(events: Events) -> None:
    text = "Three gunmen with rifles raided a hospital in Kabul on Monday, killing nine patients."
    assert [(f.type, f.attack_type) for f in events(text)] == [
        (EventType.ATTACK, AttackType.ARMED_ASSAULT)
    ]


def test_killings_a_bomb_killing_beside_another_attack_is_an_attack_of_its_own(
    events: Events,
) -> None:
    found = events(
        "A roadside bomb killed four soldiers near Quetta on Monday, a day after militants "
        "attacked a checkpoint in Mardan and killed seven policemen."
    )
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert sorted(f.killed.low for f in attacks if f.killed) == [4, 7]


def test_killings_the_bomb_named_again_tells_no_second_attack(events: Events) -> None:
    found = events("Militants attacked a checkpoint in Mardan on Monday and the bomb killed seven.")
    assert len([f for f in found if f.type is EventType.ATTACK]) == 1


def _tolls(found: list[EventFinding]) -> list[tuple[Count | None, Count | None]]:
    return [(f.killed, f.wounded) for f in found if f.type in (EventType.ATTACK, EventType.KILLING)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Unions condemned the murder of the wife of a newspaper editor on Monday.",
        "The government vowed to punish the killing of a presidential candidate.",
        "THE ARMY ACCUSED THE REBELS OF MURDERING THE DRIVER OF THE MAYOR.",
    ],
)
def test_killings_a_killing_word_kills_the_one_it_names(events: Events, sentence: str) -> None:
    assert (Count.exactly(1), None) in _tolls(events(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Police foiled a plot to murder the wife of a newspaper editor.",
        "Unions condemned the killing of civilians in the north.",
        "The bus was hit by a bomb, but none of the passengers was killed.",
    ],
)
def test_killings_a_killing_word_counts_no_one_it_does_not_kill_one_by_one(
    events: Events, sentence: str
) -> None:
    assert all(killed is None for killed, _ in _tolls(events(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "The mother of the mayor was wounded on Monday.",
        "Gunmen wounded the brother of a local judge near the market.",
    ],
)
def test_killings_a_wounding_verb_wounds_the_one_it_names(events: Events, sentence: str) -> None:
    assert (None, Count.exactly(1)) in _tolls(events(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen tried to wound the brother of a local judge near the market.",
        "Gunmen fired on the school, but none of the children were injured.",
        "Nobody was hurt when the bomb exploded outside the bank.",
    ],
)
def test_killings_a_wounding_verb_counts_no_one_it_did_not_wound(
    events: Events, sentence: str
) -> None:
    no_one = (None, Count.exactly(0))  # "nobody was hurt" states none wounded
    assert all(wounded in no_one for _, wounded in _tolls(events(sentence)))


def _harms(extractor: Extractor, text: str, *kinds: EventType) -> list[EventFinding]:
    """The events of these kinds the pipeline writes out of the text, merged."""
    report = Report(text=text, published=dt.date(2016, 1, 21))
    return [e for e in extractor.extract(report).events if e.type in kinds]


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber killed 12 people at the gate of the airport in Kabul on Monday. Among "
        "the dead was a police officer, Ahmad Khan, who was killed as he checked the queue.",
        "A suicide bomber killed 12 people at the gate of the airport in Kabul on Monday. The "
        "mother of the mayor was killed as she waited at the gate.",
        "A suicide bomber struck the gate of the airport in Kabul on Monday. Twelve people were "
        "killed and 15 were wounded. A police officer was killed as he checked the queue.",
    ],
)
def test_killings_a_victim_named_after_the_toll_keeps_the_toll(
    extractor: Extractor, text: str
) -> None:
    killed = [e.killed for e in _harms(extractor, text, EventType.ATTACK)]
    assert killed == [Count.exactly(12)] and not any(k and k.named for k in killed)


def test_killings_a_killing_word_with_no_number_counts_the_one_named(
    extractor: Extractor,
) -> None:
    text = "Gunmen killed the judge Akbar Shah in Peshawar on Monday."
    [event] = _harms(extractor, text, EventType.ATTACK, EventType.KILLING)
    assert event.killed == Count.exactly(1) and event.killed.named


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Militants beheaded a hostage in the north on Monday.", True),
        ("Gunmen killed a guard at the gate of the bank on Monday.", True),
        ("Militants beheaded seven hostages in the north on Monday.", False),
    ],
)
def test_killings_a_count_of_people_named_is_marked_named(
    events: Events, sentence: str, named: bool
) -> None:
    killed = [f.killed for f in events(sentence) if f.killed is not None]
    assert killed and all(k.named is named for k in killed)


@pytest.mark.slow
@pytest.mark.parametrize(
    "end",
    [
        "The siege ended on Sunday when commandos killed the last of the four gunmen.",
        "Police killed all four attackers on Sunday, a spokesman said.",
    ],
)
def test_event_killings_the_attackers_killed_end_their_attack(
    extractor: Extractor, end: str
) -> None:
    text = f"Gunmen stormed a bank in Quetta on Saturday, killing nine people. {end}"
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert [e.type for e in found] == [EventType.ATTACK]


@pytest.mark.slow
def test_event_killings_forces_killing_other_militants_is_an_operation(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen stormed a bank in Quetta on Saturday, killing nine people. "
        "Troops killed six militants in a raid in Kohlu on Sunday."
    )
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert sorted(e.type.value for e in found) == ["attack", "military_operation"]


@pytest.mark.parametrize(
    ("sentence", "found_types"),
    [
        ("Men with knives hacked a shopkeeper to death in the bazaar on Sunday.",
         [EventType.ATTACK]),
        ("The two men were sentenced to death by the court on Sunday.", []),
    ],
)  # fmt: skip
def test_killings_done_to_death_kills_unless_a_court_sends_to_death(
    events: Events, sentence: str, found_types: list[EventType]
) -> None:
    found = events(sentence)
    assert [f.type for f in found] == found_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Army commandos killed the leader of the Alpha Liberation Front in a raid near Quetta.",
        "Pakistani troops killed the chief of a TTP cell, Karim Baksh, and two other fighters "
        "in a raid on a hideout on Monday.",
        "Police killed the head of the group's bomb-making wing in a shootout in Mardan.",
    ],
)
def test_killings_leader_of_a_group_killed_in_a_raid_is_a_killing(
    events: Events, sentence: str
) -> None:
    assert [f.type for f in events(sentence)] == [EventType.KILLING]


def test_killings_leader_who_died_during_a_raid_is_killed_by_the_raiders(events: Events) -> None:
    found = events(
        "The leader of the Alpha Liberation Front died during a raid by Pakistani troops "
        "on a house in Quetta on Monday."
    )
    assert [f.type for f in found] == [EventType.KILLING]
    assert "Alpha Liberation Front" not in {p.name for p in found[0].perpetrators}
    assert found[0].killed == Count.exactly(1)


def test_killings_soldiers_who_died_during_a_raid_are_no_killing(events: Events) -> None:
    found = events("Two soldiers died during a raid by Pakistani troops on a house in Quetta.")
    assert EventType.KILLING not in {f.type for f in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2018, a similar raid on a brick kiln near Mardan killed five labourers.",
        "The revolt began in 2009 with a raid on an army barracks in Sukkur.",
    ],
)
def test_killings_raid_no_one_made_on_others_is_an_attack(events: Events, sentence: str) -> None:
    assert [f.type for f in events(sentence)] == [EventType.ATTACK]


@pytest.mark.parametrize(
    "sentence",
    [
        "A raid on a militant hideout near Peshawar killed five militants on Monday.",
        "The raid on the compound killed four suspects, police said.",
    ],
)
def test_killings_raid_killing_militants_stays_an_operation(events: Events, sentence: str) -> None:
    assert [f.type for f in events(sentence)] == [EventType.MILITARY_OPERATION]


def test_killings_leader_who_died_in_an_assault_by_troops_is_killed(events: Events) -> None:
    found = events(
        "The leader of the Alpha Liberation Front died during an assault by army troops "
        "on his camp near Quetta on Monday."
    )
    assert [f.type for f in found] == [EventType.KILLING]


def test_killings_shot_dead_read_as_a_noun_after_a_vehicle_still_kills(events: Events) -> None:
    """The parser takes "motorcycle shot" for a noun; "shot dead" still kills."""
    found = events("Gunmen on a motorcycle shot dead a village headman in Mardan on Monday.")
    assert [f.type for f in found] == [EventType.ATTACK]


@pytest.mark.parametrize(
    "text",
    [
        "Lashkar-e-Taiba claimed the ambush on Friday. The army said on Saturday that it had"
        " killed six militants in a raid near the village.",
        "Lashkar-e-Taiba claimed the ambush on Friday. Troops said on Saturday that they had"
        " killed six militants in a raid near the village.",
    ],
)
def test_killings_a_force_telling_its_own_kill_is_no_group_act(events: Events, text: str) -> None:
    """ "The army said it had killed": "it" is the army telling of its raid, not the group
    named before."""
    found = [f for f in events(text) if "raid" in f.evidence.sentence]
    assert [f.type for f in found] == [EventType.MILITARY_OPERATION]
    assert "Lashkar-e-Taiba" not in {p.name for p in found[0].perpetrators}


def test_killings_a_force_telling_it_bombed_a_camp_is_an_operation(events: Events) -> None:
    """ "The army said it had bombed a camp": the force's own strike, no group's bombing."""
    text = (
        "Rebels of the Karen National Union ambushed a convoy on Friday. The army said on"
        " Sunday that it had bombed a rebel camp near the river."
    )
    found = [f for f in events(text) if "bombed" in f.evidence.sentence]
    assert [f.type for f in found] == [EventType.MILITARY_OPERATION]


@pytest.mark.parametrize(
    "sentence",
    [
        "A suicide bomber struck a rally in the town on Monday, killing the governor, Ahmed "
        "Karimi, and nine other people.",
        "Gunmen killed the mayor, Ali Bashir, at his office on Monday.",
    ],
)
def test_killings_a_named_victim_of_attackers_is_an_attacks(events: Events, sentence: str) -> None:
    found = events(sentence)
    assert EventType.KILLING not in {f.type for f in found}
    assert EventType.ATTACK in {f.type for f in found}


def test_killings_a_named_victim_of_forces_is_a_killing(events: Events) -> None:
    found = events("Police shot dead the rebel commander, Ali Musa, in the town on Monday.")
    assert EventType.KILLING in {f.type for f in found}
