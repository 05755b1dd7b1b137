import pytest

from mosaic.errors import InputError, NotFoundError
from mosaic.model import (
    Distribution,
    Event,
    EventType,
    Marking,
    Report,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE, Actor
from mosaic.services.markings import change_marking, is_release, marking_choice
from support.memory import MemoryRepository

RED = Marking("org-a", Tlp.RED, Distribution.ORGANISATION)
ANA = Actor("ana", "org-a")


@pytest.fixture
def store() -> MemoryRepository:
    store = MemoryRepository()
    accounts.add_organisation(store, "org-a", COMMAND_LINE)
    accounts.add_sharing_group(store, "partners", "org-a", COMMAND_LINE)
    return store


def stored_report(store: MemoryRepository) -> Report:
    report = Report(text="Gunmen attacked a post.", marking=RED)
    store.add_report(report, [1, 2])
    statement = Statement(
        subject_kind=SubjectKind.EVENT,
        subject_id="ev",
        prop="killed",
        value="5",
        report_id=report.id,
        start=0,
        end=6,
        sentence="Gunmen attacked a post.",
        extractor="test.v1",
        marking=RED,
    )
    store.add_statements([statement])
    return report


@pytest.mark.parametrize(
    ("after", "released"),
    [
        (Marking("org-a", Tlp.AMBER, Distribution.ORGANISATION), True),
        (Marking("org-a", Tlp.RED, Distribution.COMMUNITY), True),
        (Marking("org-a", Tlp.RED, Distribution.GROUP, "partners"), True),
        (RED, False),
    ],
)
def test_markings_release_is_any_lowering(after: Marking, released: bool) -> None:
    assert is_release(RED, after) is released


def test_markings_release_needs_a_reason_and_is_audited_with_it(store: MemoryRepository) -> None:
    report = stored_report(store)
    green = Marking("org-a", Tlp.GREEN, Distribution.GROUP, "partners")
    with pytest.raises(InputError):
        change_marking(store, "report", report.id, green, ANA)
    assert change_marking(store, "report", report.id, green, ANA, "shared with CERT-B") == (
        "marking.release"
    )
    assert store.get_report(report.id).marking == green  # type: ignore[union-attr]
    assert {s.marking for s in store.statements_in_report(report.id)} == {green}
    entry = store.last_audit_entry()
    assert entry is not None and entry.event.action == "marking.release"
    assert entry.event.actor == "ana"
    assert entry.event.details["reason"] == "shared with CERT-B"
    assert entry.event.details["before"]["tlp"] == "TLP:RED"


def test_markings_raising_a_marking_is_a_change_without_reason(store: MemoryRepository) -> None:
    report = stored_report(store)
    change_marking(store, "report", report.id, Marking("org-a", Tlp.GREEN), ANA, "ok")
    assert change_marking(store, "report", report.id, RED, ANA) == "marking.change"


def test_markings_unknown_record_or_group_is_refused(store: MemoryRepository) -> None:
    report = stored_report(store)
    with pytest.raises(NotFoundError):
        change_marking(store, "event", "nope", RED, ANA)
    with pytest.raises(NotFoundError):
        change_marking(
            store, "report", report.id, Marking("org-a", Tlp.RED, Distribution.GROUP, "x"), ANA, "r"
        )


def test_markings_choice_reads_a_distribution_or_a_group(store: MemoryRepository) -> None:
    file_marking = Marking(tlp=Tlp.GREEN)
    assert marking_choice(store, "org-a", Tlp.AMBER, "partners").apply(file_marking) == Marking(
        "org-a", Tlp.AMBER, Distribution.GROUP, "partners"
    )
    assert marking_choice(store, "org-a", None, "all").apply(file_marking) == Marking(
        "org-a", Tlp.GREEN, Distribution.ALL
    )
    with pytest.raises(InputError):
        marking_choice(store, "org-a", None, "nobody")
    with pytest.raises(NotFoundError):
        marking_choice(store, "org-z")


def test_markings_choice_of_a_label_alone_keeps_the_group(store: MemoryRepository) -> None:
    grouped = Marking("org-a", Tlp.RED, Distribution.GROUP, "partners")
    assert marking_choice(store, "org-a", Tlp.AMBER).apply(grouped) == Marking(
        "org-a", Tlp.AMBER, Distribution.GROUP, "partners"
    )
    assert marking_choice(store, "org-a", None, "community").apply(grouped) == Marking(
        "org-a", Tlp.RED, Distribution.COMMUNITY
    )


def test_markings_amber_from_community_to_a_group_is_a_release() -> None:
    community = Marking("org-a", Tlp.AMBER, Distribution.COMMUNITY)
    group = Marking("org-a", Tlp.AMBER, Distribution.GROUP, "partners")
    assert is_release(community, group)


def test_markings_an_events_own_statements_follow_it(store: MemoryRepository) -> None:
    stored_report(store)
    theirs = Marking("org-b", Tlp.RED, Distribution.ORGANISATION)
    other = Statement(SubjectKind.EVENT, "ev", "killed", "7", "r2", 0, 1, "", "t", marking=theirs)
    store.add_statements([other])
    store.save_event(Event("ev", EventType.ATTACK, marking=RED))
    green = Marking("org-a", Tlp.GREEN, Distribution.COMMUNITY)
    change_marking(store, "event", "ev", green, ANA, "public now")
    markings = {s.marking.owner: s.marking for s in store.statements_about(SubjectKind.EVENT, "ev")}
    assert markings == {"org-a": green, "org-b": theirs}
