"""A small, hand-written knowledge base: five reports, their entities, events and relations.

Used by the API and browser tests and by `benchmarks/api.py` as a seed. The
texts are written for Mosaic; the facts (dates, groups, tolls as first
reported) are public. It shows what the workbench is for: two sources that
disagree on a toll, a split with a date, an alliance that ends.
"""

from __future__ import annotations

import datetime as dt
import json

from mosaic.ingest.minhash import minhash_signature
from mosaic.model import (
    AttackType,
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Mention,
    PerpetratorStatus,
    Relation,
    RelationType,
    Report,
    Statement,
    SubjectKind,
)
from mosaic.store.ports import Repository

EXTRACTOR = "sample.v1"

ENTITIES = [
    Entity(
        "ttp",
        EntityKind.ORGANIZATION,
        "Tehrik-i-Taliban Pakistan",
        ("TTP", "Pakistani Taliban"),
        {"wikidata": "Q1148558"},
        "PK",
    ),
    Entity("jua", EntityKind.ORGANIZATION, "Jamaat-ul-Ahrar", ("JuA", "Jamaat ul Ahrar"), {}, "PK"),
    Entity(
        "imu",
        EntityKind.ORGANIZATION,
        "Islamic Movement of Uzbekistan",
        ("IMU",),
        {"wikidata": "Q471045"},
        "UZ",
    ),
    Entity("khorasani", EntityKind.PERSON, "Omar Khalid Khorasani", ("Abdul Wali",)),
    Entity("karachi", EntityKind.PLACE, "Karachi", (), {}, "PK", 24.86, 67.01),
    Entity("peshawar", EntityKind.PLACE, "Peshawar", (), {}, "PK", 34.01, 71.58),
    Entity("wagah", EntityKind.PLACE, "Wagah", (), {}, "PK", 31.60, 74.57),
]

REPORTS = [
    Report(
        "Gunmen attacked Jinnah International Airport in Karachi on 8 June 2014. "
        "The Pakistani Taliban claimed the assault, in which 28 people were killed. "
        "The IMU said its fighters had taken part alongside the TTP.",
        title="Militants storm Karachi airport",
        publisher="Example Wire",
        published=dt.date(2014, 6, 9),
    ),
    Report(
        "A faction calling itself Jamaat-ul-Ahrar broke away from the TTP in August 2014. "
        "Omar Khalid Khorasani leads the new group, its spokesman said.",
        title="New faction splits from the TTP",
        publisher="Example Wire",
        published=dt.date(2014, 8, 27),
    ),
    Report(
        "A suicide bomber struck near the Wagah border crossing on 2 November 2014, "
        "killing 55 people. Jamaat-ul-Ahrar claimed the bombing.",
        title="Bombing at Wagah border",
        publisher="Frontier Daily",
        published=dt.date(2014, 11, 3),
    ),
    Report(
        "Police said 60 people died in the Wagah bombing of 2 November 2014. "
        "The IMU ended its alliance with the TTP in October 2014, officials added.",
        title="Wagah toll rises",
        publisher="Example Wire",
        published=dt.date(2014, 11, 4),
    ),
    Report(
        "Gunmen of the TTP attacked a school in Peshawar on 16 December 2014. "
        "Officials said 141 people were killed.",
        title="School attack in Peshawar",
        publisher="Frontier Daily",
        published=dt.date(2014, 12, 16),
    ),
]

EVENTS = [
    Event(
        "ev-karachi",
        EventType.ATTACK,
        AttackType.ARMED_ASSAULT,
        FuzzyDate(2014, 6, 8),
        country="PK",
        place_id="karachi",
        perpetrators=("ttp", "imu"),
        perpetrator_status=PerpetratorStatus.CLAIMED,
        targets=("Jinnah International Airport",),
        killed=Count.exactly(28),
    ),
    Event(
        "ev-wagah",
        EventType.ATTACK,
        AttackType.SUICIDE_BOMBING,
        FuzzyDate(2014, 11, 2),
        country="PK",
        place_id="wagah",
        perpetrators=("jua",),
        perpetrator_status=PerpetratorStatus.CLAIMED,
        killed=Count.exactly(55),
    ),
    Event(
        "ev-peshawar",
        EventType.ATTACK,
        AttackType.ARMED_ASSAULT,
        FuzzyDate(2014, 12, 16),
        country="PK",
        place_id="peshawar",
        perpetrators=("ttp",),
        targets=("Army Public School",),
        killed=Count.exactly(141),
    ),
]

RELATIONS = [
    Relation("rel-split", RelationType.SPLIT_FROM, "jua", "ttp", FuzzyDate(2014, 8)),
    Relation("rel-leader", RelationType.LEADER_OF, "khorasani", "jua", FuzzyDate(2014, 8)),
    Relation(
        "rel-alliance", RelationType.ALLIANCE, "imu", "ttp", FuzzyDate(2009), FuzzyDate(2014, 10)
    ),
]

# (report index, subject kind, subject id, prop, value, phrase whose sentence is the evidence)
CLAIMS: list[tuple[int, SubjectKind, str, str, object, str]] = [
    (0, SubjectKind.EVENT, "ev-karachi", "exists", "attack", "Gunmen attacked"),
    (0, SubjectKind.EVENT, "ev-karachi", "date", "2014-06-08", "on 8 June 2014"),
    (0, SubjectKind.EVENT, "ev-karachi", "killed", 28, "28 people were killed"),
    (0, SubjectKind.EVENT, "ev-karachi", "perpetrators", ["ttp"], "The Pakistani Taliban"),
    (0, SubjectKind.RELATION, "rel-alliance", "exists", "alliance", "alongside the TTP"),
    (1, SubjectKind.RELATION, "rel-split", "exists", "split_from", "broke away from the TTP"),
    (1, SubjectKind.RELATION, "rel-split", "start", "2014-08", "in August 2014"),
    (1, SubjectKind.RELATION, "rel-leader", "exists", "leader_of", "Omar Khalid Khorasani"),
    (2, SubjectKind.EVENT, "ev-wagah", "exists", "attack", "A suicide bomber struck"),
    (2, SubjectKind.EVENT, "ev-wagah", "date", "2014-11-02", "on 2 November 2014"),
    (2, SubjectKind.EVENT, "ev-wagah", "killed", 55, "killing 55 people"),
    (2, SubjectKind.EVENT, "ev-wagah", "perpetrators", ["jua"], "Jamaat-ul-Ahrar claimed"),
    (3, SubjectKind.EVENT, "ev-wagah", "killed", 60, "60 people died"),
    (3, SubjectKind.RELATION, "rel-alliance", "end", "2014-10", "in October 2014"),
    (4, SubjectKind.EVENT, "ev-peshawar", "exists", "attack", "Gunmen of the TTP attacked"),
    (4, SubjectKind.EVENT, "ev-peshawar", "date", "2014-12-16", "on 16 December 2014"),
    (4, SubjectKind.EVENT, "ev-peshawar", "killed", 141, "141 people were killed"),
]

# Names linked to entities wherever they occur in a report's text.
MENTIONED = {
    "TTP": "ttp",
    "Pakistani Taliban": "ttp",
    "Jamaat-ul-Ahrar": "jua",
    "IMU": "imu",
    "Omar Khalid Khorasani": "khorasani",
    "Karachi": "karachi",
    "Peshawar": "peshawar",
    "Wagah": "wagah",
}


def sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """The sentence around character `at`: from after the previous '. ' to the next '.'."""
    start = text.rfind(". ", 0, at)
    end = text.find(".", at)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end + 1)


def claim_statement(
    report: Report, claim: tuple[int, SubjectKind, str, str, object, str]
) -> Statement:
    _, kind, subject_id, prop, value, phrase = claim
    start = report.text.index(phrase)
    first, last = sentence_bounds(report.text, start)
    return Statement(
        kind,
        subject_id,
        prop,
        json.dumps(value, sort_keys=True),
        report.id,
        start,
        start + len(phrase),
        report.text[first:last],
        EXTRACTOR,
        confidence=0.6 if prop == "killed" else 0.8,
    )


LABELS = {EntityKind.ORGANIZATION: "ORG", EntityKind.PERSON: "PERSON", EntityKind.PLACE: "GPE"}


def mentions_of(report: Report) -> list[Mention]:
    kinds = {entity.id: entity.kind for entity in ENTITIES}
    found = []
    for name, entity_id in MENTIONED.items():
        start = report.text.find(name)
        while start >= 0:
            first, last = sentence_bounds(report.text, start)
            label = LABELS.get(kinds[entity_id], "MISC")
            found.append(
                Mention(report.id, start, start + len(name), name, label, first, last, entity_id)
            )
            start = report.text.find(name, start + len(name))
    return found


def build_sample(repo: Repository) -> None:
    """Write the sample into `repo` (idempotent: every id is fixed)."""
    with repo.transaction():
        for report in REPORTS:
            repo.add_report(report, minhash_signature(report.text))
            repo.add_mentions(mentions_of(report))
        for entity in ENTITIES:
            repo.save_entity(entity)
        for event in EVENTS:
            repo.save_event(event)
        for relation in RELATIONS:
            repo.save_relation(relation)
        repo.add_statements([claim_statement(REPORTS[c[0]], c) for c in CLAIMS])
