"""Fixtures for the extraction tests: a small fake gazetteer and place table, and a spaCy
pipeline built over them once per session (tests using it are marked slow)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from mosaic.extract.dates.document import doc_dates
from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.events.finder import EventFinder
from mosaic.extract.pipeline import Extractor, build_nlp, build_recaser
from mosaic.extract.places.table import Place, PlaceTable
from mosaic.extract.relations.finder import RelationFinder, dedupe_relations
from mosaic.extract.text.sentences import SentenceContext, build_contexts
from mosaic.model import EntityKind, EventFinding, RelationFinding, Report
from support.places import make_place as _place

ORG, PERSON = EntityKind.ORGANIZATION, EntityKind.PERSON


def _group(
    key: str, name: str, aliases: tuple[str, ...], country: str | None = None
) -> ActorRecord:
    return ActorRecord(key, name, ORG, "armed_group", aliases, country)


RECORDS = (
    _group("org:islamic-state", "Islamic State", ("IS", "Isis", "ISIL"), None),
    _group("org:iskp", "Islamic State Khorasan Province", ("ISKP", "IS Khorasan", "IS-K"), "AF"),
    _group("org:ttp", "Tehreek-i-Taliban Pakistan", ("TTP", "Pakistani Taliban"), "PK"),
    _group("org:al-qaeda", "al-Qaeda", ("AQ", "al-Qaida"), None),
    _group("org:afghan-taliban", "Afghan Taliban", ("Taliban",), "AF"),
    _group("org:alpha-front", "Alpha Liberation Front", ("ALF",), "PK"),
    _group("org:army-of-renewal", "Army of National Renewal", ("ANR",), "PK"),
    ActorRecord(
        "org:pakistan-army", "Pakistan Army", ORG, "state_force", ("Pakistani army",), "PK"
    ),
    ActorRecord("person:omar", "Mullah Omar", PERSON, None, ("Mullah Mohammed Omar",), "AF"),
    ActorRecord("person:karim-al-mansuri", "Karim al-Mansuri", PERSON, None, ("al-Mansuri",)),
)


PLACES = (
    _place("place:pk", "Pakistan", "PK", "country"),
    _place("place:af", "Afghanistan", "AF", "country"),
    _place("place:ru", "Russia", "RU", "country"),
    Place("place:us", "United States", ("US",), "US", None, "country", 39.0, -98.0),
    _place("place:pk:peshawar", "Peshawar", "PK", "city"),
    _place("place:pk:quetta", "Quetta", "PK", "city"),
    _place("place:af:kabul", "Kabul", "AF", "city"),
    _place("place:af:jalalabad", "Jalalabad", "AF", "city"),
    _place("place:af:nangarhar", "Nangarhar", "AF", "province"),
    _place("place:ru:moscow", "Moscow", "RU", "city"),
    _place("place:pk:hyderabad", "Hyderabad", "PK", "city"),
    _place("place:in:hyderabad", "Hyderabad", "IN", "city"),
    Place("place:pk:mardan", "Mardan", (), "PK", None, "city", 34.2, 72.05),
    Place("place:pk:sukkur", "Sukkur", (), "PK", None, "city", 27.7, 68.86),
)
DEMONYMS = {"Pakistani": "PK", "Afghan": "AF", "Russian": "RU", "American": "US", "Indian": "IN"}


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_records(RECORDS)


@pytest.fixture(scope="session")
def places() -> PlaceTable:
    capitals = {"RU": "place:ru:moscow", "AF": "place:af:kabul"}
    return PlaceTable.from_places(PLACES, DEMONYMS, stop_words=(), capitals=capitals)


@pytest.fixture(scope="session")
def nlp(gazetteer: Gazetteer) -> Language:
    return build_nlp(gazetteer)


@pytest.fixture(scope="session")
def extractor(nlp: Language, gazetteer: Gazetteer, places: PlaceTable) -> Extractor:
    return Extractor(nlp, gazetteer, places, build_recaser(nlp, gazetteer, places))


@pytest.fixture(scope="session")
def parse(extractor: Extractor) -> Callable[..., Doc]:
    """Parse a text the way the pipeline does, published on the given date."""

    def run(text: str, published: dt.date | None = dt.date(2016, 1, 21)) -> Doc:
        return extractor.nlp(extractor.prepare(Report(text=text, published=published)))

    return run


@pytest.fixture(scope="session")
def contexts(
    parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable
) -> Callable[..., list[SentenceContext]]:
    """The SentenceContexts of a text, as the event and relation finders receive them."""

    def run(text: str, published: dt.date | None = dt.date(2016, 1, 21)) -> list[SentenceContext]:
        doc = parse(text, published)
        mentions = EntityLinker(gazetteer, places).link(doc)
        return build_contexts(doc, text, mentions, doc_dates(doc))

    return run


@pytest.fixture(scope="session")
def events(
    contexts: Callable[..., list[SentenceContext]], places: PlaceTable
) -> Callable[..., list[EventFinding]]:
    """Every event finding of a text, before merging and the confidence cut."""
    finder = EventFinder(places, "test")

    def run(text: str, published: dt.date | None = dt.date(2016, 1, 21)) -> list[EventFinding]:
        return [f for c in contexts(text, published) for f in finder.find(c)]

    return run


@pytest.fixture(scope="session")
def relation_findings(
    contexts: Callable[..., list[SentenceContext]],
) -> Callable[[str], list[RelationFinding]]:
    """Every relation finding of a text, deduplicated as the pipeline writes them."""
    finder = RelationFinder("test")

    def run(text: str) -> list[RelationFinding]:
        return dedupe_relations(f for c in contexts(text) for f in finder.find(c))

    return run
