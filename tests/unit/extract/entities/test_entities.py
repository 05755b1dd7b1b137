"""Tests for entity linking against the gazetteer and place table (extract.entities.linker)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc, Span

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker, document_countries
from mosaic.extract.entities.mentions import Role, clean_name, to_mentions
from mosaic.extract.entities.name_shapes import looks_like_person
from mosaic.extract.models.actor_spans import NEW_GROUP
from mosaic.extract.places.table import PlaceTable
from mosaic.model import EntityKind, Report


@pytest.mark.parametrize(
    ("text", "name"), [("the Pakistani Taliban", "Pakistani Taliban"), ("Kabul's", "Kabul")]
)
def test_entities_clean_name(text: str, name: str) -> None:
    assert clean_name(text) == name


def test_entities_looks_like_person() -> None:
    assert looks_like_person("Malik Ishaq") and not looks_like_person("ISIS")


@pytest.mark.parametrize("headline", ["Harbour Attack", "Market Blast", "Zulu Front Claims"])
def test_entities_title_case_headline_words_are_no_person(headline: str) -> None:
    assert not looks_like_person(headline)


@pytest.mark.slow
def test_entities_link_gazetteer_places_and_unknown_groups(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable
) -> None:
    doc = parse(
        "The TTP and a militant group called Jaish al-Zulm attacked a market in Peshawar "
        "on Monday. "
        "The Daily Planet newspaper reported that Pakistani police arrived."
    )
    found = {m.text: m for m in EntityLinker(gazetteer, places).link(doc)}
    assert found["TTP"].ref is not None and found["TTP"].ref.key == "org:ttp"
    assert found["TTP"].role is Role.GROUP
    unknown = found["Jaish al-Zulm"].ref
    assert unknown is not None and unknown.key is None and unknown.kind is EntityKind.ORGANIZATION
    assert found["Peshawar"].role is Role.PLACE and found["Peshawar"].country == "PK"
    assert all(m.role is not Role.GROUP for name, m in found.items() if "Planet" in name)
    police = next(m for name, m in found.items() if name.startswith("Pakistani"))
    assert police.role is Role.STATE and police.ref is not None and police.ref.name == "Pakistan"


@pytest.mark.slow
def test_entities_places_resolve_in_the_documents_country(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable
) -> None:
    text = "Indian police met in Delhi. Indian officials said a bomb went off in Hyderabad."
    doc = parse(text)
    assert document_countries(doc, places.country_of_word)[0] == "IN"
    hyderabad = [m for m in EntityLinker(gazetteer, places).link(doc) if m.text == "Hyderabad"]
    assert hyderabad and hyderabad[0].country == "IN"


@pytest.mark.slow
def test_entities_to_mentions_carry_sentence_spans(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable
) -> None:
    text = "Rain fell. The Taliban entered Kabul."
    report = Report(text=text)
    mentions = to_mentions(parse(text), EntityLinker(gazetteer, places).link(parse(text)), report)
    kabul = next(m for m, _ in mentions if m.text == "Kabul")
    assert text[kabul.sentence_start : kabul.sentence_end] == "The Taliban entered Kabul."
    assert kabul.report_id == report.id and text[kabul.start : kabul.end] == "Kabul"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [("Mufti Hamid Wali, the TTP's leader since 2018, said the talks had failed.",
      "Mufti Hamid Wali"),
     ("Maulana Sher Zaman, the ALF's chief, said the attack was revenge.", "Maulana Sher Zaman")],
)  # fmt: skip
def test_entities_name_led_by_a_title_is_a_person(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable, text: str, name: str
) -> None:
    found = {m.text: m for m in EntityLinker(gazetteer, places).link(parse(text))}
    assert found[name].role is Role.PERSON


@pytest.mark.parametrize(
    ("text", "start", "end", "group"),
    [
        ("Tom Reed, the Afghan-American, struck.", 4, 7, False),
        ("Tom Reed, the Zulu-Harami, struck.", 4, 7, True),
    ],
)
def test_entities_joined_demonyms_tagged_as_a_new_group_are_no_group(
    gazetteer: Gazetteer, places: PlaceTable, text: str, start: int, end: int, group: bool
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label="ORG", kb_id=NEW_GROUP)]
    mentions = EntityLinker(gazetteer, places).link(doc)
    groups = [m.text for m in mentions if m.role is Role.GROUP]
    assert (doc[start:end].text in groups) is group


@pytest.mark.parametrize(
    ("text", "name"),
    [("Jaish-e-Mohammed's chief, Masood Ilyas, has not been seen in public since 2019.",
      "Masood Ilyas")],
)  # fmt: skip
def test_entities_name_apposed_to_a_role_noun_is_a_person(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable, text: str, name: str
) -> None:
    doc = parse(text)
    assert [e.label_ for e in doc.ents if e.text == name] == ["ORG"]  # the NER's reading
    found = {m.text: m for m in EntityLinker(gazetteer, places).link(doc)}
    assert found[name].role is Role.PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [("Mufti Noor Alam stepped down as leader of the ALF in March 2019.", "Noor Alam"),
     ("Police said the ALF was led by Mufti Rehmat Khan until his arrest.", "Rehmat Khan")],
)  # fmt: skip
def test_entities_first_names_the_ner_cut_off_are_put_back(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable, text: str, name: str
) -> None:
    doc = parse(text)
    assert name not in {e.text for e in doc.ents}  # the NER's cut
    found = {m.text: m for m in EntityLinker(gazetteer, places).link(doc)}
    assert found[name].role is Role.PERSON
    assert not [t for t in found if t != name and t in name], found
