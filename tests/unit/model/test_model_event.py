import pytest

from mosaic.model import EventType, register_event_type


def test_event_unregistered_name_is_refused() -> None:
    with pytest.raises(ValueError):
        EventType("test_unheard_of_event")


def test_event_registered_type_reads_back_as_the_same_member() -> None:
    added = register_event_type("test_prisoner_swap")
    assert EventType("test_prisoner_swap") is added
    assert added.value == "test_prisoner_swap"
    assert added == "test_prisoner_swap"
    assert added not in list(EventType)  # Mosaic's own members stay the enum's


def test_event_registering_twice_gives_one_member() -> None:
    assert register_event_type("test_truce_talks") is register_event_type("test_truce_talks")


@pytest.mark.parametrize("name", ["", "Ceasefire", " truce"])
def test_event_badly_written_type_name_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="event type name"):
        register_event_type(name)
