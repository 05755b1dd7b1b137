from mosaic.model import Entity, EntityKind, EntityRef
from mosaic.resolve.entities import link, merge_names, new_entity_id
from mosaic.resolve.names import match_key

ISKP = Entity(
    "org:iskp", EntityKind.ORGANIZATION, "Islamic State Khorasan Province", aliases=("ISKP",)
)


def _finder(*entities: Entity):  # type: ignore[no-untyped-def]
    def find(name: str) -> list[Entity]:
        return [e for e in entities if match_key(name) in {match_key(n) for n in e.names}]

    return find


def test_resolve_entities_gazetteer_key_decides() -> None:
    ref = EntityRef("Islamic State Khorasan Province", EntityKind.ORGANIZATION, key="org:iskp")
    assert link(ref, _finder()).id == "org:iskp"


def test_resolve_entities_unknown_name_links_to_stored_alias_and_adds_names() -> None:
    ref = EntityRef("Isis-K", EntityKind.ORGANIZATION, aliases=("ISKP",))
    linked = link(ref, _finder(ISKP))
    assert linked.id == "org:iskp"
    assert "Isis-K" in linked.aliases


def test_resolve_entities_unknown_name_becomes_new_entity() -> None:
    ref = EntityRef("Lashkar-e-Islam", EntityKind.ORGANIZATION)
    entity = link(ref, _finder(ISKP))
    assert entity.id == new_entity_id(ref) == "org:lashkar-e-islam"
    assert entity.kind is EntityKind.ORGANIZATION


def test_resolve_entities_kind_must_agree_without_a_key() -> None:
    ref = EntityRef("ISKP", EntityKind.PERSON)
    assert link(ref, _finder(ISKP)).id == "person:iskp"


def test_resolve_entities_merge_keeps_known_values_first() -> None:
    other = Entity(
        "x", EntityKind.ORGANIZATION, "IS-K", external_ids={"wikidata": "Q1"}, country="AF"
    )
    merged = merge_names(ISKP, other)
    assert merged.name == ISKP.name
    assert merged.aliases == ("ISKP", "IS-K")
    assert merged.external_ids == {"wikidata": "Q1"}
    assert merged.country == "AF"
