"""Tests for claims and blame told after their event without naming it
(mosaic.extract.events.followups), and for a claimed plural being particular events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from mosaic.extract.events.followups import (
    FollowUp,
    attach_follow_ups,
    follow_up,
    referring_claim,
)
from mosaic.extract.pipeline import Extractor
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import (
    AttackType,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    PerpetratorStatus,
    Report,
)
from support.findings import of_type, perpetrator_names

Contexts = Callable[..., list[SentenceContext]]
Events = Callable[[str], list[EventFinding]]
TTP = EntityRef("Tehreek-i-Taliban Pakistan", EntityKind.ORGANIZATION, "org:ttp")
ALF = EntityRef("Alpha Liberation Front", EntityKind.ORGANIZATION, "org:alpha-front")


def _only(contexts: Contexts, text: str) -> FollowUp | None:
    [context] = contexts(text)
    return follow_up(context)


@pytest.mark.slow
def test_event_followups_claim_without_event_word(contexts: Contexts) -> None:
    found = _only(contexts, "The Pakistani Taliban claimed responsibility in a statement.")
    assert found is not None
    assert [r.name for r in found.parties] == ["Tehreek-i-Taliban Pakistan"]
    assert found.status is PerpetratorStatus.CLAIMED


@pytest.mark.slow
def test_event_followups_blame_without_event_word(contexts: Contexts) -> None:
    found = _only(contexts, "Provincial officials blamed the ALF.")
    assert found is not None
    assert [r.name for r in found.parties] == ["Alpha Liberation Front"]
    assert found.status is PerpetratorStatus.SUSPECTED


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility so far.",
        "The TTP did not claim responsibility.",
        "The TTP denied responsibility.",
        "Officials blamed the ALF for a power cut last month.",
        "The ALF was blamed by officials.",
    ],
)
def test_event_followups_denials_and_other_blame_add_no_one(contexts: Contexts, text: str) -> None:
    assert _only(contexts, text) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Police said the ALF was responsible.",
        "Provincial officials held the ALF responsible.",
        "Officials believe the ALF was behind it.",
        "Officials suspect the ALF.",  # no event word: the suspicion alone names the party
        "A police officer said they suspected the ALF.",
    ],
)
def test_event_followups_a_party_held_responsible_is_suspected(
    contexts: Contexts, text: str
) -> None:
    found = _only(contexts, text)
    assert found is not None
    assert [r.name for r in found.parties] == ["Alpha Liberation Front"]
    assert found.status is PerpetratorStatus.SUSPECTED


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Police said the ALF was not responsible.",
        "No group was responsible, police said.",
        "Police held the ALF responsible for a power cut last month.",
    ],
)
def test_event_followups_responsibility_denied_or_for_another_thing_adds_no_one(
    contexts: Contexts, text: str
) -> None:
    assert _only(contexts, text) is None


def test_event_followups_a_person_named_again_by_part_of_the_name_is_not_added() -> None:
    full = EntityRef("Omar Khalid Bashir", EntityKind.PERSON)
    stated = _event(0, perpetrators=(full,), perpetrator_status=PerpetratorStatus.ATTRIBUTED)
    short = EntityRef("Khalid Bashir", EntityKind.PERSON)
    blame = FollowUp(60, (short, TTP), PerpetratorStatus.SUSPECTED)
    [updated] = attach_follow_ups([stated], [blame])
    assert updated.perpetrators == (full, TTP)


@pytest.mark.slow
def test_event_followups_claimed_plural_is_particular(events: Events) -> None:
    found = events("The ALF claimed the bombings in a message to reporters.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Alpha Liberation Front" in perpetrator_names(attack)
    assert attack.confidence >= 0.3


def _event(start: int, kind: EventType = EventType.ATTACK, **slots: object) -> EventFinding:
    base = EventFinding(kind, Evidence(start, start + 50, f"sentence at {start}"), "test")
    return replace(base, **slots)  # type: ignore[arg-type]


def test_event_followups_join_the_event_told_last_before() -> None:
    first, second = _event(0), _event(100)
    claim = FollowUp(160, (TTP,), PerpetratorStatus.CLAIMED)
    updated = attach_follow_ups([first, second], [claim])
    assert updated[0].perpetrators == ()
    assert updated[1].perpetrators == (TTP,)
    assert updated[1].perpetrator_status is PerpetratorStatus.CLAIMED


def test_event_followups_join_the_last_event_of_the_kind_they_name() -> None:
    """ "Police blamed the bombing on the ALF" after a bombing, then a shooting: the bombing."""
    bombing = _event(0, attack_type=AttackType.SUICIDE_BOMBING)
    shooting = _event(100, attack_type=AttackType.ARMED_ASSAULT)
    named = _event(160, attack_type=AttackType.BOMBING)
    blame = FollowUp(160, (ALF,), PerpetratorStatus.SUSPECTED, instead_of=(named,))
    updated = attach_follow_ups([bombing, shooting], [blame])
    assert [e.perpetrators for e in updated] == [(ALF,), ()]


def test_event_followups_skip_events_too_far_or_of_other_types() -> None:
    far, meeting = _event(0), _event(900, EventType.MEETING)
    blame = FollowUp(1000, (ALF,), PerpetratorStatus.SUSPECTED)
    assert attach_follow_ups([far, meeting], [blame]) == [far, meeting]


def test_event_followups_blame_keeps_the_status_of_named_perpetrators() -> None:
    stated = _event(0, perpetrators=(TTP,), perpetrator_status=PerpetratorStatus.ATTRIBUTED)
    [updated] = attach_follow_ups([stated], [FollowUp(60, (ALF,), PerpetratorStatus.SUSPECTED)])
    assert updated.perpetrators == (TTP, ALF)
    assert updated.perpetrator_status is PerpetratorStatus.ATTRIBUTED


@pytest.mark.slow
def test_event_followups_launched_plural_is_particular_but_a_habit_is_not(events: Events) -> None:
    [launched] = events("The army launched air strikes on hideouts near Quetta on Monday.")
    [habit] = events("The ALF has carried out attacks on police posts for years.")
    assert launched.confidence >= 0.5
    assert habit.confidence < 0.3


def test_event_followups_pass_over_events_too_weak_to_be_written() -> None:
    stated, weak = _event(0, confidence=0.5), _event(100, confidence=0.2)
    claim = FollowUp(200, (TTP,), PerpetratorStatus.CLAIMED)
    updated = attach_follow_ups([stated, weak], [claim], threshold=0.3)
    assert updated[0].perpetrators == (TTP,)
    assert updated[1].perpetrators == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    "claim",
    [
        "The ALF claimed responsibility for the attack.",
        "The ALF is claiming responsibility for Monday's bombing.",
    ],
)
def test_event_followups_claim_of_the_event_just_told_is_no_event_of_its_own(
    extractor: Extractor, claim: str
) -> None:
    text = f"A bomb killed nine people at a market in Quetta on Monday. Police came. {claim}"
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert [ref.name for ref in attack.perpetrators] == ["Alpha Liberation Front"]
    assert attack.perpetrator_status is PerpetratorStatus.CLAIMED


@pytest.mark.slow
def test_event_followups_claim_of_an_attack_described_anew_stays_an_event(
    contexts: Contexts, events: Events
) -> None:
    text = "The ALF claimed responsibility for an attack on a bank in Quetta on Monday."
    [context] = contexts(text)
    assert referring_claim(context, events(text)) is None


@pytest.mark.slow
def test_event_followups_referring_claim_with_nothing_before_keeps_its_event(
    extractor: Extractor,
) -> None:
    text = "The ALF claimed responsibility for the attack."
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert [ref.name for e in found for ref in e.perpetrators] == ["Alpha Liberation Front"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "claim",
    [
        "On Friday, the ALF claimed the attack.",
        "On Saturday, the ALF claimed the market bombing.",
    ],
)
def test_event_followups_an_event_claimed_as_itself_is_no_event_of_its_own(
    extractor: Extractor, claim: str
) -> None:
    text = f"A bomb killed six traders at a market in Sibi on Thursday. Shops were shut. {claim}"
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert [ref.name for ref in attack.perpetrators] == ["Alpha Liberation Front"]
    assert attack.perpetrator_status is PerpetratorStatus.CLAIMED


@pytest.mark.slow
@pytest.mark.parametrize(
    "reaction",
    [
        "The ALF condemned the strike as a massacre.",
        "The provincial governor denounced the bombing.",
    ],
)
def test_event_followups_a_reaction_to_the_event_told_adds_no_event_and_no_one(
    extractor: Extractor, reaction: str
) -> None:
    text = f"An air strike on a house in Sibi on Thursday killed four farmers. {reaction}"
    [event] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert "Alpha Liberation Front" not in [ref.name for ref in event.perpetrators]


@pytest.mark.slow
def test_event_followups_a_reaction_to_an_attack_described_anew_keeps_its_event(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen shot dead four farmers near Sibi on Thursday. "
        "The governor condemned a bombing of a school in Zhob on Friday."
    )
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert len(found) == 2


@pytest.mark.slow
def test_event_followups_a_claim_shows_an_act_no_one_was_named_behind_to_be_an_attack(
    extractor: Extractor,
) -> None:
    text = "Drones struck an army base near Zhob on Thursday. The ALF claimed the drone attack."
    [event] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert event.type is EventType.ATTACK
    assert [ref.name for ref in event.perpetrators] == ["Alpha Liberation Front"]


@pytest.mark.slow
def test_event_followups_a_claim_leaves_an_act_of_named_forces_alone(
    extractor: Extractor,
) -> None:
    text = "Pakistani troops raided a camp near Zhob on Thursday. The ALF claimed the drone attack."
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert EventType.MILITARY_OPERATION in [e.type for e in found]
    operation = next(e for e in found if e.type is EventType.MILITARY_OPERATION)
    assert "Alpha Liberation Front" not in [ref.name for ref in operation.perpetrators]


@pytest.mark.slow
@pytest.mark.parametrize(
    "claim",
    [
        "On Friday, the ALF claimed responsibility for the bombing in a statement to reporters.",
        "On Friday, the ALF claimed responsibility for the attack on its Telegram channel.",
        "On Friday, the ALF claimed responsibility for the attack on social media.",
    ],
)
def test_event_followups_a_claim_told_in_a_statement_is_no_event_of_its_own(
    extractor: Extractor, claim: str
) -> None:
    text = f"A bomb killed six traders at a market in Sibi on Thursday. Shops were shut. {claim}"
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert str(attack.date) == "2016-01-21"
    assert [ref.name for ref in attack.perpetrators] == ["Alpha Liberation Front"]


@pytest.mark.slow
def test_event_followups_a_claim_of_an_attack_set_apart_stays_its_own_event(
    extractor: Extractor,
) -> None:
    text = (
        "A bomb killed six traders at a market in Sibi on Thursday. "
        "On Friday, the ALF claimed responsibility for the attack on a bank in Zhob."
    )
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert len(found) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    "blame",
    [
        "Provincial officials blamed the ALF for that bombing.",
        "The governor blamed the ALF for the attack, saying it was planned in Zhob.",
    ],
)
def test_event_followups_blame_for_the_event_just_told_is_no_event_of_its_own(
    extractor: Extractor, blame: str
) -> None:
    text = f"A bomb killed six traders at a market in Sibi on Thursday. Shops were shut. {blame}"
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert str(attack.date) == "2016-01-21"
    assert [ref.name for ref in attack.perpetrators] == ["Alpha Liberation Front"]
    assert attack.perpetrator_status is PerpetratorStatus.SUSPECTED


@pytest.mark.slow
def test_event_followups_blame_for_an_attack_described_anew_stays_an_event(
    contexts: Contexts, events: Events
) -> None:
    text = "Officials blamed the ALF for a bombing of a school in Zhob on Monday."
    [context] = contexts(text)
    assert referring_claim(context, events(text)) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "blame",
    [
        "US officials blamed that attack on the ALF.",
        "Pakistani officials blamed that attack on the ALF.",
        "The governor pinned the ambush on the ALF.",
        "Investigators blamed the same group for that attack.",
    ],
)
def test_event_followups_blame_pinned_or_on_the_group_just_named_joins_the_event_told(
    extractor: Extractor, blame: str
) -> None:
    text = (
        "A bomb killed six traders at a market in Sibi on Thursday. The ALF said its "
        f"fighters planted it. In March, gunmen killed two guards in Zhob. {blame}"
    )
    _bombing, ambush = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert str(ambush.date) == "2015-03"
    assert [ref.name for ref in ambush.perpetrators] == ["Alpha Liberation Front"]
    assert ambush.perpetrator_status is PerpetratorStatus.SUSPECTED


@pytest.mark.slow
def test_event_followups_suspecting_how_it_happened_names_no_one(contexts: Contexts) -> None:
    assert _only(contexts, "Police suspect the bombers crossed from the hills.") is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "blame",
    [
        "No group said it was behind the blast, but police said they suspected the ALF.",
        "Nobody claimed the bombing, and officials suspect fighters of the ALF.",
    ],
)
def test_event_followups_a_bare_blame_beside_the_event_named_again_joins_it(
    extractor: Extractor, blame: str
) -> None:
    text = f"A bomb killed six traders at a market in Sibi on Thursday. {blame}"
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert [ref.name for ref in attack.perpetrators] == ["Alpha Liberation Front"]
    assert attack.perpetrator_status is PerpetratorStatus.SUSPECTED


@pytest.mark.slow
def test_event_followups_a_bare_blame_beside_an_attack_described_anew_keeps_it(
    extractor: Extractor,
) -> None:
    text = (
        "A bomb killed six traders at a market in Sibi on Thursday. Police suspect the ALF, "
        "whose gunmen killed four guards in an attack on a bank in Zhob last year."
    )
    events = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert len(events) == 2
