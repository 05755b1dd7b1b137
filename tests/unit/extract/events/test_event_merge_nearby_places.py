"""Event merging with places told finer and coarser: a venue and its city (event_merge)."""

from __future__ import annotations

from mosaic.extract.events.merge import compatible
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType, Evidence


def _place(key: str, latitude: float, longitude: float) -> EntityRef:
    return EntityRef(
        key, EntityKind.PLACE, key, country="PK", latitude=latitude, longitude=longitude
    )


def _finding(place: EntityRef) -> EventFinding:
    return EventFinding(EventType.ATTACK, Evidence(0, 10, "s"), "test", place=place)


def test_event_merge_venue_inside_its_city_is_compatible() -> None:
    city, school = _place("place:pk:city", 34.01, 71.58), _place("place:pk:school", 34.00, 71.55)
    assert compatible(_finding(city), _finding(school))


def test_event_merge_two_towns_apart_are_not_compatible() -> None:
    town, other = _place("place:pk:a", 34.01, 71.58), _place("place:pk:b", 34.20, 71.58)
    assert not compatible(_finding(town), _finding(other))


def test_event_merge_places_without_coordinates_need_one_key() -> None:
    bare = EntityRef("A", EntityKind.PLACE, "place:pk:a", country="PK")
    assert not compatible(_finding(bare), _finding(_place("place:pk:b", 34.0, 71.5)))


def test_event_merge_unlisted_venue_placed_in_its_city_is_compatible() -> None:
    city = _place("place:pk:city", 34.01, 71.58)
    hotel = EntityRef("Marlow Hotel", EntityKind.PLACE, None, country="PK", latitude=34.01,
                      longitude=71.58)  # fmt: skip
    far = EntityRef("Fentar Hotel", EntityKind.PLACE, None, country="PK", latitude=35.5,
                    longitude=71.58)  # fmt: skip
    assert compatible(_finding(city), _finding(hotel))
    assert not compatible(_finding(city), _finding(far))
