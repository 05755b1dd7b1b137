import datetime as dt

from mosaic.model import (
    Entity,
    EntityKind,
    FuzzyDate,
    Relation,
    RelationType,
    Report,
    Statement,
    SubjectKind,
    Tlp,
)


def test_records_report_id_follows_text_not_whitespace() -> None:
    first = Report(text="Gunmen attacked the consulate.\n")
    second = Report(text="Gunmen  attacked the\nconsulate.", title="other title")
    assert first.id == second.id
    assert first.id != Report(text="Gunmen attacked the school.").id


def test_records_default_marking_is_local_clear() -> None:
    report = Report(text="x")
    assert report.marking.owner == "local"
    assert report.marking.tlp is Tlp.CLEAR
    assert Tlp.RED.rank > Tlp.AMBER.rank > Tlp.CLEAR.rank


def test_records_entity_names_put_canonical_first_without_repeats() -> None:
    entity = Entity("org:x", EntityKind.ORGANIZATION, "ISKP", aliases=("IS-K", "ISKP"))
    assert entity.names == ("ISKP", "IS-K")


def test_records_relation_holds_inside_its_period_only() -> None:
    relation = Relation(
        "r", RelationType.ALLEGIANCE, "a", "b", start=FuzzyDate(2014, 10), end=FuzzyDate(2016)
    )
    assert not relation.holds_on(dt.date(2014, 9, 30))
    assert relation.holds_on(dt.date(2014, 10, 1))
    assert relation.holds_on(dt.date(2016, 12, 31))
    assert not relation.holds_on(dt.date(2017, 1, 1))
    assert Relation("r", RelationType.ALLIANCE, "a", "b").holds_on(dt.date(1990, 1, 1))


def test_records_statement_id_is_deterministic_and_distinguishes_values() -> None:
    def make(value: str) -> Statement:
        return Statement(SubjectKind.EVENT, "e1", "killed", value, "r1", 10, 50, "s", "x.v1")

    assert make("17").id == make("17").id
    assert make("17").id != make("19").id
