from dataclasses import replace

from mosaic.model import Count, Entity, EntityKind, Event, EventType, FuzzyDate
from mosaic.resolve.events import lie_near, merge_events, same_event


def _attack(**fields: object) -> Event:
    values: dict[str, object] = {"id": "e", "type": EventType.ATTACK, "country": "AF"}
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def test_resolve_events_same_place_and_compatible_date_merge() -> None:
    known = _attack(date=FuzzyDate(2016, 1, 13), place_id="place:af:jalalabad")
    new = _attack(date=FuzzyDate(2016, 1), place_id="place:af:jalalabad")
    assert same_event(known, new)


def test_resolve_events_other_place_or_day_or_type_do_not_merge() -> None:
    known = _attack(date=FuzzyDate(2016, 1, 13), place_id="place:af:jalalabad")
    assert not same_event(known, _attack(date=FuzzyDate(2016, 1, 13), place_id="place:af:kabul"))
    assert not same_event(
        known, _attack(date=FuzzyDate(2016, 1, 14), place_id="place:af:jalalabad")
    )
    arrest = _attack(type=EventType.ARREST, date=FuzzyDate(2016, 1, 13))
    assert not same_event(known, arrest)


def test_resolve_events_undated_reports_are_not_merged() -> None:
    assert not same_event(_attack(date=FuzzyDate(2016)), _attack())


def test_resolve_events_without_place_need_a_shared_perpetrator() -> None:
    known = _attack(date=FuzzyDate(2016, 1, 13), perpetrators=("org:iskp",))
    assert same_event(known, _attack(date=FuzzyDate(2016, 1, 13), perpetrators=("org:iskp",)))
    assert not same_event(known, _attack(date=FuzzyDate(2016, 1, 13), perpetrators=("org:ttp",)))


def test_resolve_events_merge_refines_date_and_keeps_first_toll() -> None:
    known = _attack(date=FuzzyDate(2016, 1), killed=Count.exactly(17))
    new = _attack(id="other", date=FuzzyDate(2016, 1, 13), killed=Count.exactly(19))
    merged = merge_events(known, new)
    assert merged.id == "e"
    assert merged.date == FuzzyDate(2016, 1, 13)
    assert merged.killed == Count.exactly(17)


def test_resolve_events_places_near_each_other_merge() -> None:
    known = _attack(date=FuzzyDate(2016, 1, 13), place_id="place:in:delhi")
    new = _attack(date=FuzzyDate(2016, 1, 13), place_id="place:in:new-delhi")
    assert not same_event(known, new)
    assert same_event(
        known, new, near=lambda a, b: {a, b} <= {"place:in:delhi", "place:in:new-delhi"}
    )


def test_resolve_events_lie_near_measures_kilometres() -> None:
    delhi = Entity("place:in:delhi", EntityKind.PLACE, "Delhi", latitude=28.65, longitude=77.23)
    new_delhi = replace(delhi, id="place:in:new-delhi", latitude=28.62, longitude=77.21)
    mumbai = replace(delhi, id="place:in:mumbai", latitude=19.07, longitude=72.88)
    assert lie_near(delhi, new_delhi)
    assert not lie_near(delhi, mumbai)
    assert not lie_near(delhi, replace(new_delhi, latitude=None))


def test_resolve_events_merge_lets_a_stated_toll_outrank_a_count_of_people_named() -> None:
    named = _attack(date=FuzzyDate(2021, 8, 26), killed=Count.of_named(1))
    stated = _attack(date=FuzzyDate(2021, 8, 26), killed=Count.exactly(12))
    assert merge_events(named, stated).killed == Count.exactly(12)
    assert merge_events(stated, named).killed == Count.exactly(12)
    two_named = _attack(date=FuzzyDate(2021, 8, 26), wounded=Count.of_named(2))
    assert merge_events(named, two_named).wounded == Count.of_named(2)
