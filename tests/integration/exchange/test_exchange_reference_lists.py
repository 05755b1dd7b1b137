"""The UN Security Council consolidated list and the UCDP actor list, read where they lie."""

from __future__ import annotations

from pathlib import Path

import pytest

from mosaic.exchange.imports import import_file
from mosaic.model import Entity, EntityKind, RelationType, SubjectKind
from mosaic.store.ports import Repository
from support.cli import ROOT

DATA = ROOT.parent / "shared" / "data"
UN_LIST = DATA / "gazetteer" / "un_sc_consolidated_list" / "un_sc_consolidated_2020-03-20.xml"
UCDP = DATA / "ucdp" / "ucdp-actor-221.csv"


@pytest.fixture
def un_list() -> Path:
    if not UN_LIST.exists():
        pytest.skip("../shared/data has no UN consolidated list")
    return UN_LIST


def test_reference_lists_un_adds_aliases_and_ids_to_known_actors(
    sample_repo: Repository, un_list: Path
) -> None:
    result = import_file(sample_repo, un_list)
    ttp = sample_repo.get_entity("ttp")
    assert ttp is not None
    assert ttp.name == "Tehrik-i-Taliban Pakistan"  # the name is not replaced
    assert "Tehreek-e-Taliban" in ttp.aliases
    assert ttp.external_ids == {"wikidata": "Q1148558", "un": "QDe.132"}
    statements = sample_repo.statements_about(SubjectKind.ENTITY, "ttp")
    assert {s.report_id for s in statements} == {result.report_id}
    assert result.entities_known >= 3  # TTP, JuA, IMU


def test_reference_lists_un_never_overwrites_an_id(sample_repo: Repository, un_list: Path) -> None:
    ttp = sample_repo.get_entity("ttp")
    assert ttp is not None
    ttp.external_ids["un"] = "QDe.999"
    sample_repo.save_entity(ttp)
    import_file(sample_repo, un_list)
    kept = sample_repo.get_entity("ttp")
    assert kept is not None and kept.external_ids["un"] == "QDe.999"
    stated = sample_repo.statements_about(SubjectKind.ENTITY, "ttp")
    assert any(s.prop == "id:un" and s.value == '"QDe.132"' for s in stated)


def test_reference_lists_un_affiliations_reach_known_actors(
    sample_repo: Repository, un_list: Path
) -> None:
    import_file(sample_repo, un_list)
    split = sample_repo.find_relation(RelationType.SPLIT_FROM, "jua", "ttp")
    assert split is not None and split.id == "rel-split"  # the known relation, not a copy
    sources = {s.report_id for s in sample_repo.statements_about(SubjectKind.RELATION, split.id)}
    assert len(sources) == 2  # the sample's report and the UN list
    members = [r for r in sample_repo.relations_of("ttp") if r.type is RelationType.AFFILIATE_OF]
    names = {e.name for r in members if (e := sample_repo.get_entity(r.subject_id))}
    assert "AAMIR ALI CHAUDHRY" in names


def test_reference_lists_ucdp_adds_ids_and_splinters(sample_repo: Repository) -> None:
    if not UCDP.exists():
        pytest.skip("../shared/data has no UCDP actor list")
    result = import_file(sample_repo, UCDP)
    jua = sample_repo.get_entity("jua")
    assert jua is not None and jua.external_ids["ucdp"] == "5928"
    assert "Ahrar-ul-Hind" in jua.aliases
    factions = [r for r in sample_repo.relations_of("ttp") if r.type is RelationType.SPLIT_FROM]
    assert len(factions) > 3
    assert not import_file(sample_repo, UCDP).statements  # a second import writes nothing
    assert result.statements > 0


def test_reference_lists_ucdp_government_is_the_known_one(sample_repo: Repository) -> None:
    if not UCDP.exists():
        pytest.skip("../shared/data has no UCDP actor list")
    pakistan = Entity("pk-gov", EntityKind.ORGANIZATION, "Government of Pakistan")
    with sample_repo.transaction():
        sample_repo.save_entity(pakistan)
    import_file(sample_repo, UCDP)
    found = sample_repo.find_entities_by_name("Government of Pakistan")
    assert [(e.id, e.external_ids) for e in found] == [("pk-gov", {"ucdp": "142"})]
