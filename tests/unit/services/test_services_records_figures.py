"""Event statements (mosaic.services.records): two sources' tolls in one report each keep
their own statement, source and sentence."""

from __future__ import annotations

from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    Report,
    StatedFigure,
)
from mosaic.services.records import EntityLinker, event_from_finding, event_statements
from support.memory import MemoryRepository


def test_services_records_figures_from_two_sources_are_two_statements() -> None:
    report = Report(text="Rebels said dozens died. The army said 10 soldiers died.")
    first, second = Evidence(0, 24, "Rebels said dozens died."), Evidence(25, 57, "The army ...")
    finding = EventFinding(
        EventType.ATTACK, first, "test.v1", killed=Count(10, 10), attributed_to="rebels",
        other_figures=(
            StatedFigure("killed", Count(24, None), "rebels", first),
            StatedFigure("killed", Count(10, 10), "the army", second),
        ),
    )  # fmt: skip
    statements = event_statements("event:1", report, finding, EntityLinker(MemoryRepository()))
    killed = sorted((s.value, s.attributed_to, s.start) for s in statements if s.prop == "killed")
    assert killed == [("10", "the army", 25), ("[24, null]", "rebels", 0)]


def test_services_records_one_figure_is_one_statement() -> None:
    report = Report(text="Police said 7 died.")
    evidence = Evidence(0, 19, "Police said 7 died.")
    finding = EventFinding(
        EventType.ATTACK, evidence, "test.v1", killed=Count(7, 7), attributed_to="police"
    )
    statements = event_statements("event:1", report, finding, EntityLinker(MemoryRepository()))
    assert [(s.value, s.attributed_to) for s in statements if s.prop == "killed"] == [
        ("7", "police")
    ]


def test_services_records_a_country_named_as_the_place_is_the_events_country_only() -> None:
    report = Report(text="Bombs hit towns across Pakistan.")
    country = EntityRef("Pakistan", EntityKind.PLACE, "place:pk", country="PK")
    finding = EventFinding(
        EventType.ATTACK, Evidence(0, 32, report.text), "test.v1", place=country, country="PK"
    )
    event = event_from_finding(report, finding, EntityLinker(MemoryRepository()))
    assert (event.place_id, event.country) == (None, "PK")
