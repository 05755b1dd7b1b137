"""Tests for negation, hypotheticals, generics and hedges (mosaic.extract.text.modality)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from mosaic.extract.text import modality

pytestmark = pytest.mark.slow


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "trigger", "factor"),
    [
        ("The group attacked a checkpoint.", "attacked", 1.0),
        ("The group did not attack the checkpoint.", "attack", 0.0),
        ("Officials denied the bombing.", "bombing", 0.0),
        ("The group plans to attack the city.", "attack", 0.3),
        ("Militants will attack the base.", "attack", 0.3),
        ("They warned of the threat of attacks.", "attacks", 0.3),
        ("Attacks on Shia pilgrims are common.", "Attacks", modality.GENERIC_FACTOR),
        ("The group reportedly bombed the bridge.", "bombed", 0.8),
        ("If the guards resist, the militants attack the post.", "attack", 0.3),
        ("Find the traitors, and if they refuse to return, kill them.", "kill", 0.0),
        ("Bomb the bridge tonight, the commander told his men.", "Bomb", 0.0),
        ("Gunmen kill 12 in a raid on a village.", "kill", 1.0),
        ("The cell was formed in 2009 by exiles, and its chief was hanged in 2012.", "hanged", 1.0),
        ("Officials warned of a plan and an attack on the port.", "attack", 0.3),
        ("Police foiled a plan to bomb the consulate.", "bomb", 0.0),
        ("A reward is offered for information leading to the arrest of the men.", "arrest", 0.3),
        ("The arrest of the men led to riots.", "arrest", 1.0),
        ("He confessed to planning the March 3, 2012 bombing of the bridge.", "bombing", 1.0),
        ("He planned the bombing of the bridge.", "bombing", 0.3),
        ("The commander said he had ordered Sunday's bombing of the bridge.", "bombing", 1.0),
        ("The commander said he had ordered a bombing of the bridge.", "bombing", 0.3),
        ("Delhi said it would never let rebels use the hills to attack its towns.", "attack", 0.3),
        ("The envoy warned of a response if the army carried out more raids.", "raids", 0.3),
        ("The rebels used a stolen van to attack the depot.", "attack", 1.0),
    ],
)  # fmt: skip
def test_modality_factor(
    parse: Callable[..., Doc], sentence: str, trigger: str, factor: float
) -> None:
    assert modality.factor(word(parse(sentence), trigger)) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Stop shelling the villages, the bishop told the army.", "shelling"),
        ("Burn the depot tonight, the commander told his men.", "Burn"),
        ("Customs officers thwarted a plot to bomb the ferry.", "bomb"),
        ("The pilot refused to bomb the market.", "bomb"),
    ],
)
def test_modality_orders_and_prevented_acts_are_no_events(
    parse: Callable[..., Doc], sentence: str, trigger: str
) -> None:
    token = word(parse(sentence), trigger)
    assert modality.is_unreal(token)
    assert modality.factor(token) == 0.0


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The rebels threatened to kill the mayor of the town.", "kill"),
        ("A leaked letter said a cell would murder the judge before the vote.", "murder"),
        ("They will kill the hostages if the ransom is not paid.", "kill"),
        ("Troops stopped the shelling of the port at dawn.", "shelling"),
        ("The gunmen killed the mayor outside his house.", "killed"),
        (
            "Border guards thwarted a smuggling plot and detained four men near the river.",
            "detained",
        ),
        ("Police foiled a plan to attack the stadium and arrested the cell's leader.", "arrested"),
    ],
)
def test_modality_threats_plans_and_nouns_are_not_unreal(
    parse: Callable[..., Doc], sentence: str, trigger: str
) -> None:
    token = word(parse(sentence), trigger)
    assert not modality.is_unreal(token)
    assert modality.factor(token) > 0.0


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The report that the consul was shot in the street is false.", "shot"),
        ("Reports that the mayor had been kidnapped proved baseless.", "kidnapped"),
        ("Police dismissed as untrue a claim that the convoy was bombed.", "bombed"),
        ("He repeated the false report that the bishop was murdered.", "murdered"),
    ],
)
def test_modality_events_of_claims_called_false_are_negated(
    parse: Callable[..., Doc], sentence: str, trigger: str
) -> None:
    assert modality.is_negated(word(parse(sentence), trigger))


def test_modality_a_true_report_is_not_negated(parse: Callable[..., Doc]) -> None:
    doc = parse("The report that the consul was shot in the street is accurate.")
    assert not modality.is_negated(word(doc, "shot"))
    assert modality.refuted_claim(word(doc, "shot")) is None


def test_modality_counted_plurals_are_not_generic(parse: Callable[..., Doc]) -> None:
    doc = parse("Twin bombings and two attacks hit the city.")
    assert not modality.is_generic(word(doc, "bombings"))
    assert not modality.is_generic(word(doc, "attacks"))


def test_modality_acts_on_counted_people_are_not_generic(parse: Callable[..., Doc]) -> None:
    doc = parse("The minister disclosed the arrests of 42 militants in Lahore.")
    assert not modality.is_generic(word(doc, "arrests"))
    assert modality.is_generic(word(parse("Arrests of militants are common."), "Arrests"))


def test_modality_anaphoric_reference(parse: Callable[..., Doc]) -> None:
    doc = parse("The group claimed the attack. The Kabul bombing was worse.")
    assert modality.is_anaphoric(word(doc, "attack"))
    assert not modality.is_anaphoric(word(doc, "bombing"))


@pytest.mark.parametrize(
    ("sentence", "trigger", "retelling"),
    [
        ("Officials said the rebels carried out the attack.", "attack", True),
        ("Police say the rebels carried out those deadly bombings.", "bombings", True),
        ("That raid angered the villagers.", "raid", True),
        ("An attack hit the market.", "attack", False),
        ("The attack on the market killed four.", "attack", False),
        ("The previous attack had killed four.", "attack", False),
        ("It was the deadliest attack this year.", "attack", False),
        ("The first bombing struck at dawn.", "bombing", False),
        ("The Kabul bombing was worse.", "bombing", False),
        ("Rebels attacked the market.", "attacked", False),
    ],
)  # fmt: skip
def test_modality_retelling(
    parse: Callable[..., Doc], sentence: str, trigger: str, retelling: bool
) -> None:
    assert modality.is_retelling(word(parse(sentence), trigger)) is retelling


def test_modality_quotation(parse: Callable[..., Doc]) -> None:
    doc = parse('He said: "We will see more bombings soon," and the attack ended.')
    assert modality.in_quotation(word(doc, "bombings"))
    assert not modality.in_quotation(word(doc, "attack"))
