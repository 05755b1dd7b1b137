"""Tests for trigger lexicons and attack types (mosaic.extract.events.types)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.events.types import attack_type, entry_for, find_triggers
from mosaic.model import AttackType, EventFinding, EventType

pytestmark = pytest.mark.slow


def types_in(doc: Doc) -> list[tuple[str, EventType]]:
    return [(doc[t.i].text, t.type) for t in find_triggers(doc[:])]


@pytest.mark.parametrize(
    ("sentence", "word", "event_type"),
    [
        ("Militants bombed a market.", "bombed", EventType.ATTACK),
        ("A drone strike hit the compound.", "strike", EventType.MILITARY_OPERATION),
        ("The army launched an offensive.", "offensive", EventType.MILITARY_OPERATION),
        ("Police arrested two suspects.", "arrested", EventType.ARREST),
        ("The group was founded in 2004.", "founded", EventType.FOUNDING),
        ("Washington designated the group a terrorist organisation.", "designated",
         EventType.DESIGNATION),
        ("Thousands joined the protest in the capital.", "protest", EventType.PROTEST),
        ("Envoys met in Doha last week.", "met", EventType.MEETING),
        ("Troops cracked down on the rebels.", "cracked", EventType.MILITARY_OPERATION),
        ("Six Killed in Quetta Bomb Attacks", "Attacks", EventType.ATTACK),
        ("US forces conducted a strike on a camp.", "strike", EventType.MILITARY_OPERATION),
        ("Jets dropped bombs on the camp.", "dropped", EventType.ATTACK),
        ("Two strikes killed nine militants.", "strikes", EventType.MILITARY_OPERATION),
        ("Jets were pounding rebel hideouts in the valley.", "pounding",
         EventType.MILITARY_OPERATION),
        ("Artillery shelled their positions overnight.", "shelled", EventType.MILITARY_OPERATION),
    ],
)  # fmt: skip
def test_event_types_triggers(
    parse: Callable[..., Doc], sentence: str, word: str, event_type: EventType
) -> None:
    assert (word, event_type) in types_in(parse(sentence))


@pytest.mark.parametrize(
    "sentence",
    ["A bomb was defused.", "The strike by teachers ended.", "The operation to fix it.",
     "The minister spoke at a news conference.", "The group meets the criteria set by the law.",
     "He asked who he was talking to.", "The council was in session when the news came.",
     "Prices pounded the markets."],
)  # fmt: skip
def test_event_types_ambiguous_words_are_no_triggers(
    parse: Callable[..., Doc], sentence: str
) -> None:
    assert types_in(parse(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("A suicide bomber attacked the rally.", "attacked", AttackType.SUICIDE_BOMBING),
        ("Gunmen attacked the school and opened fire.", "attacked", AttackType.ARMED_ASSAULT),
        ("Militants attacked the consulate.", "attacked", AttackType.FACILITY_ATTACK),
        ("The militants beheaded a soldier.", "beheaded", AttackType.BEHEADING),
        ("A car bomb attack shook the city.", "attack", AttackType.BOMBING),
        ("Gunmen with grenades attacked the hotel.", "attacked", AttackType.ARMED_ASSAULT),
        ("The cell plotted a suicide attack on a barracks and a bombing of a bridge.", "bombing",
         AttackType.BOMBING),
        ("The cell plotted a suicide attack on a barracks and a bombing of a bridge.", "attack",
         AttackType.SUICIDE_BOMBING),
        ("As we know, three suicide bombers, judged to have been rebels, detonated near the "
         "checkpoint.",
         "detonated",
         AttackType.SUICIDE_BOMBING),
        ("Militants attacked the village.", "attacked", AttackType.ARMED_ASSAULT),
        ("Militants attacked the village with mortars.", "attacked", None),
        ("Gunmen stormed the jail and freed forty inmates.", "stormed",
         AttackType.FACILITY_ATTACK),
        ("Armed men attacked an air base near the coast.", "attacked",
         AttackType.FACILITY_ATTACK),
        ("Gunmen stormed the compound of a mining firm near the coast.", "stormed",
         AttackType.ARMED_ASSAULT),
        ("The attack on the village killed two guards.", "attack", None),
        ("Rebels attacked an army checkpoint outside the town, killing two guards.", "attacked",
         AttackType.ARMED_ASSAULT),
        ("Two soldiers died in an attack on a police station in the valley.", "attack",
         AttackType.ARMED_ASSAULT),
        ("Insurgents attacked a camp for displaced families at night.", "attacked",
         AttackType.ARMED_ASSAULT),
        ("Saboteurs attacked a pumping station on the river.", "attacked",
         AttackType.FACILITY_ATTACK),
        ("Gunmen shot a guard and wounded two others in an attack on a convoy near the river.",
         "attack", AttackType.ARMED_ASSAULT),
        ("Protesters blocked a road and wounded two others in an attack on a convoy.", "attack",
         None),
    ],
)  # fmt: skip
def test_event_types_attack_type_from_the_clause(
    parse: Callable[..., Doc], sentence: str, word: str, expected: AttackType | None
) -> None:
    token = next(t for t in parse(sentence) if t.text == word)
    entry = entry_for(token)
    assert entry is not None and attack_type(token, entry) is expected


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("A bomber blew himself up outside the shrine on Friday.", "blew"),
        ("Two women blew themselves up at the gate of the court.", "blew"),
        ("The attacker detonated his explosives vest at the checkpoint.", "detonated"),
        ("A teenager wearing an explosive belt attacked the wedding party.", "attacked"),
        ("He detonated the explosives strapped to his body near the crowd.", "detonated"),
    ],
)
def test_event_types_a_bomber_blowing_himself_up_is_a_suicide_bombing(
    parse: Callable[..., Doc], sentence: str, word: str
) -> None:
    token = next(t for t in parse(sentence) if t.text == word)
    entry = entry_for(token)
    assert entry is not None and attack_type(token, entry) is AttackType.SUICIDE_BOMBING


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Four gunmen wearing explosive vests stormed the academy.", "stormed",
         AttackType.ARMED_ASSAULT),
        ("Heavily armed militants attacked the camp at night.", "attacked",
         AttackType.ARMED_ASSAULT),
        ("The armed wing of the party claimed the bombing.", "bombing", AttackType.BOMBING),
        ("Militants detonated a roadside bomb as the convoy passed.", "detonated",
         AttackType.BOMBING),
    ],
)  # fmt: skip
def test_event_types_bombs_in_an_armed_raid_and_bombs_alone(
    parse: Callable[..., Doc], sentence: str, word: str, expected: AttackType
) -> None:
    token = next(t for t in parse(sentence) if t.text == word)
    entry = entry_for(token)
    assert entry is not None and attack_type(token, entry) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants carried out a bomb and gun attack on the hotel.", AttackType.BOMBING),
        ("A gun-and-grenade attack on the post killed three.", AttackType.ARMED_ASSAULT),
        ("Militants carried out a gun and knife attack on the post.", AttackType.ARMED_ASSAULT),
    ],
)
def test_event_types_an_attack_of_bombs_and_guns_is_of_the_kind_named_first(
    parse: Callable[..., Doc], sentence: str, expected: AttackType
) -> None:
    token = next(t for t in parse(sentence) if t.lemma_ == "attack")
    entry = entry_for(token)
    assert entry is not None and attack_type(token, entry) is expected


@pytest.mark.parametrize(
    ("sentence", "operations"),
    [
        ("Soldiers launched a search operation in the hills near Zhob on Friday.", 1),
        ("On Monday the army and police launched a big operation in the forests of Kurram.", 1),
        ("The rebels launched an operation in the hills near Zhob on Friday.", 0),
    ],
)
def test_event_types_an_operation_launched_by_forces_is_one(
    events: Callable[..., list[EventFinding]], sentence: str, operations: int
) -> None:
    found = [f for f in events(sentence) if f.type is EventType.MILITARY_OPERATION]
    assert len(found) == operations
