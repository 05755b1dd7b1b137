"""Tests for an event's place (mosaic.extract.events.places): one event told in several towns,
and places that describe a person rather than the event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.events.places import holds_a_part
from mosaic.extract.pipeline import Extractor
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding, EventType, Report
from support.findings import of_type

pytestmark = pytest.mark.slow
Events = Callable[..., list[EventFinding]]


def test_event_places_two_towns_coordinated_make_a_countrywide_event(events: Events) -> None:
    found = of_type(
        events(
            "Bombs killed a shopkeeper in the northern city of Mardan and a guard in the "
            "southern city of Sukkur."
        ),
        EventType.ATTACK,
    )
    assert [(f.place, f.country) for f in found] == [(None, "PK")]


def test_event_places_two_events_in_two_clauses_keep_their_towns(events: Events) -> None:
    found = events(
        "The militants said they killed a guard in Mardan on Sunday, and they also announced "
        "a shooting in Sukkur."
    )
    assert {f.place.name for f in found if f.place is not None} >= {"Sukkur"}


def test_event_places_a_speakers_town_is_not_the_events(events: Events) -> None:
    found = of_type(
        events("Sara Ahmed, a lawyer and commentator in Peshawar, says the blasts shocked people."),
        EventType.ATTACK,
    )
    assert found
    assert all(f.place is None for f in found)


def test_event_places_headline_place_run_on_into_the_event(extractor: Extractor) -> None:
    report = Report(
        text="Six Killed in Mardan Bomb Blasts\n\nThe city was quiet on Sunday.",
        published=dt.date(2016, 1, 21),
    )
    found = of_type(extractor.extract(report).events, EventType.ATTACK)
    assert [f.place.name if f.place else None for f in found] == ["Mardan"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("A bomb went off on the outskirts of Mardan on Friday, killing four people.", "Mardan"),
        ("A grenade exploded in the heart of Sukkur on Friday, wounding six people.", "Sukkur"),
        ("Gunmen fired on a van on the edge of Mardan on Friday, killing two guards.", "Mardan"),
    ],
)
def test_event_places_a_part_of_a_town_places_the_event_in_the_town(
    events: Events, text: str, town: str
) -> None:
    found = of_type(events(text), EventType.ATTACK)
    assert [f.place.name for f in found if f.place is not None] == [town]


@pytest.mark.parametrize(
    ("text", "holds"),
    [("Gunmen shot dead two guards in the Tolmar district of Peshawar on Monday.", True),
     ("Gunmen shot dead two guards in the Tolmar area of Peshawar on Monday.", False),
     ("Gunmen shot dead two guards in a district of Peshawar on Monday.", False)],
)  # fmt: skip
def test_event_places_a_place_holding_a_named_district(
    contexts: Callable[..., list[SentenceContext]], text: str, holds: bool
) -> None:
    (context,) = contexts(text)
    peshawar = next(t for t in context.sent if t.text == "Peshawar")
    assert holds_a_part(peshawar, context) is holds


def test_event_places_a_capital_named_by_its_rank_is_the_dateline_town(events: Events) -> None:
    text = (
        "QUETTA, Pakistan — Gunmen shot dead four traders in a market on the outskirts of the "
        "provincial capital on Tuesday, police said."
    )
    (attack,) = of_type(events(text), EventType.ATTACK)
    assert attack.place is not None and attack.place.name == "Quetta"


def test_event_places_a_capital_named_with_its_country_is_not_the_dateline_town(
    events: Events,
) -> None:
    text = "KABUL, Afghanistan — A bomb exploded in the Pakistani capital on Tuesday, police said."
    attacks = of_type(events(text), EventType.ATTACK)
    assert attacks and all(a.place is None or a.place.name != "Kabul" for a in attacks)


def test_event_places_a_claimants_ground_is_not_the_claimed_events(events: Events) -> None:
    text = (
        "Gunmen stormed a checkpoint in Mardan on Sunday. The Hill Brigades, a faction based in "
        "Sukkur, claimed responsibility for the attack."
    )
    places = [a.place.name for a in of_type(events(text), EventType.ATTACK) if a.place]
    assert "Sukkur" not in places


def test_event_places_the_state_on_a_strike_is_who_struck_not_where(extractor: Extractor) -> None:
    """ "a US drone strike": the United States struck; it is not where the commander died."""
    text = "Officials said Mullah Omar had been killed in a US drone strike in September."
    report = Report(text=text, published=dt.date(2016, 1, 21))
    found = extractor.extract(report).events
    assert found
    assert [f.place.name for f in found if f.place] == []


def test_event_places_a_datelines_town_is_no_second_site(extractor: Extractor) -> None:
    text = (
        "QUETTA, Pakistan — Gunmen burned a police post and a school in the district of "
        "Tharkot on Sunday, killing three constables, officials said."
    )
    events = extractor.extract(Report(text=text, published=dt.date(2016, 2, 4))).events
    assert [e.place.name for e in events if e.place] == ["Tharkot"]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded at the Marvi Hotel in Quetta on Monday, killing four guards.",
        "A suicide bomber struck a crowd in Quetta's Marvi Square on Monday, killing four people.",
    ],
)
def test_event_places_a_venue_is_placed_in_the_town_holding_it(
    extractor: Extractor, text: str
) -> None:
    events = extractor.extract(Report(text=text, published=dt.date(2016, 2, 4))).events
    assert [e.place.name for e in events if e.place] == ["Quetta"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Soldiers killed twelve fighters in the Gudumbali forest on Monday.", "Gudumbali"),
        ("In March, militants ambushed a patrol in the Dogon hills, killing four.", "Dogon"),
        ("Troops killed two rebels in the Kolo gorge on Friday.", "Kolo"),
    ],
)
def test_event_places_a_forest_hills_or_gorge_names_the_place(
    events: Events, text: str, place: str
) -> None:
    # "the X forest", "the X hills": a name before a word of the land is a place's
    found = events(text)
    assert [f.place.name if f.place else None for f in found] == [place]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Insurgents ambushed an army patrol in Tamvora town, in Kelbara province, on "
            "Monday, killing two soldiers.",
            "Tamvora",
        ),
        ("Rebels raided a police post in the village of Dunkeri, in Marabela district.", "Dunkeri"),
    ],
)
def test_event_places_a_place_said_to_lie_in_another_is_the_finer(
    events: Events, text: str, place: str
) -> None:
    # "in X town, in Y province": Y holds X, so X is the event's place, whatever either ranks
    found = events(text)
    assert [f.place.name if f.place else None for f in found] == [place]


def test_event_places_a_bare_name_at_the_site_is_a_new_place_in_the_acting_state(
    events: Events,
) -> None:
    # the NER calls "Varlo" an organisation; a place nothing locates leaves the country to
    # the state acting at home
    found = of_type(
        events("Pakistani police arrested three militants at Varlo on Monday."), EventType.ARREST
    )
    assert [(f.place and f.place.name, f.country) for f in found] == [("Varlo", "PK")]
