"""Strength estimates (mosaic.services.records): each source's figure is a statement about
the group, and the group's profile lists them side by side."""

from __future__ import annotations

from mosaic.analysis.profile import entity_profile
from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    Evidence,
    Report,
    ReportExtraction,
    StrengthFinding,
)
from mosaic.services.ingest import store_report
from support.memory import MemoryRepository

TTP = EntityRef("Tehreek-i-Taliban Pakistan", EntityKind.ORGANIZATION, key="org:ttp")


def _estimate(text: str, fighters: Count, source: str) -> tuple[Report, ReportExtraction]:
    report = Report(text=text)
    finding = StrengthFinding(TTP, fighters, Evidence(0, len(text), text), "test.v1", source)
    return report, ReportExtraction(report.id, "test.v1", strengths=[finding])


def test_services_records_estimates_of_two_sources_stand_side_by_side() -> None:
    repo = MemoryRepository()
    for text, fighters, source in [
        ("The UN put the TTP at 4,000 to 6,500 fighters.", Count(4000, 6500), "the UN"),
        ("An official said the TTP had 3,000 men.", Count(3000, 3000), "an official"),
    ]:
        report, extraction = _estimate(text, fighters, source)
        store_report(repo, report, extraction)
    [group] = repo.find_entities_by_name("Tehreek-i-Taliban Pakistan")
    profile = entity_profile(repo, group)
    assert sorted((s.value, s.attributed_to) for s in profile.estimates) == [
        ("3000", "an official"),
        ("[4000, 6500]", "the UN"),
    ]
