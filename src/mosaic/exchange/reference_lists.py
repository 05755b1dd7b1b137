"""Read the UN Security Council consolidated sanctions list (XML) and the UCDP actor list (CSV).

Both add to actors the knowledge base already has: their names and aliases, their ids
(`un`: the list's reference number, `ucdp`: the actor id) and their affiliations. A
list entry that matches no known entity by any of its names is kept only when it is
affiliated with one that does (a splinter of a known group, a leader listed for it),
so that importing a list of 1,000 entries does not flood the knowledge base.
UN affiliations are read from the entries' comments, which cite other entries by
reference number: "Splinter group of the Tehrik-e Taliban Pakistan (QDe.132)" is
`split_from`, any other citation `affiliate_of`. UCDP's columns give splinters
(`ActorIdPrev`, and `ActorIdSplitTemp` for factions) as `split_from`, alliances
(`ActorIdAlliance`) as `alliance` and joined groups (`ActorIdGroup`) as `affiliate_of`.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

from mosaic.errors import InputError
from mosaic.exchange.codebooks import country_code
from mosaic.exchange.importing import ImportBatch
from mosaic.model import Entity, EntityKind, Relation, RelationType
from mosaic.store.ports import Repository

UN_REFERENCE = re.compile(r"\(([A-Z]{2}[ei]\.\d{3})\)")
SPLINTER = re.compile(r"splinter group of [^()]*\(([A-Z]{2}[ei]\.\d{3})\)", re.IGNORECASE)
ACRONYM = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def read_un_sanctions(text: str, source: str) -> ImportBatch:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise InputError(source, f"not XML: {error}") from error
    if root.tag != "CONSOLIDATED_LIST":
        raise InputError(source, "not the UN consolidated list (no CONSOLIDATED_LIST root)")
    batch = ImportBatch("un-sc")
    comments: dict[str, str] = {}
    for tag, kind in (("INDIVIDUAL", EntityKind.PERSON), ("ENTITY", EntityKind.ORGANIZATION)):
        for entry in root.iter(tag):
            reference = (entry.findtext("REFERENCE_NUMBER") or "").strip()
            if reference:
                batch.entities[reference] = _un_entity(entry, tag, kind, reference)
                comments[reference] = entry.findtext("COMMENTS1") or ""
    for reference, comment in comments.items():
        _un_affiliations(batch, reference, comment)
    return batch


def _un_entity(entry: ET.Element, tag: str, kind: EntityKind, reference: str) -> Entity:
    parts = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    written = " ".join(" ".join((entry.findtext(p) or "").split()) for p in parts).strip()
    names = _with_acronym(written)
    aliases = [
        " ".join((alias.text or "").split())
        for alias in entry.iter("ALIAS_NAME")
        if alias.text and alias.text.strip()
    ]
    original = (entry.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
    nationality = entry.findtext("NATIONALITY/VALUE") or ""
    return Entity(
        reference,
        kind,
        names[0],
        tuple(dict.fromkeys([*names[1:], *aliases, *([original] if original else [])])),
        {"un": reference},
        country_code(nationality.strip()),
        description=(entry.findtext("COMMENTS1") or "").strip() or None,
    )


def _with_acronym(name: str) -> list[str]:
    """The name and its bracketed acronym, "TEHRIK-E TALIBAN PAKISTAN (TTP)"; in "AL-HARAMAIN
    FOUNDATION (PAKISTAN)" the brackets hold no acronym, and "PAKISTAN" is no alias."""
    match = ACRONYM.match(name)
    if match is None:
        return [name]
    base, bracketed = match.groups()
    return [base, bracketed] if is_acronym(bracketed, base) else [base, name]


def is_acronym(short: str, name: str) -> bool:
    """Whether the letters of `short` are initials of `name`'s words, in order."""
    initials = iter(word[0].casefold() for word in re.split(r"[\s\-]+", name) if word)
    letters = [c.casefold() for c in short if c.isalpha()]
    return " " not in short.strip() and bool(letters) and all(c in initials for c in letters)


def _un_affiliations(batch: ImportBatch, reference: str, comment: str) -> None:
    splinters = set(SPLINTER.findall(comment))
    for other in dict.fromkeys(UN_REFERENCE.findall(comment)):
        if other == reference or other not in batch.entities:
            continue
        kind = RelationType.SPLIT_FROM if other in splinters else RelationType.AFFILIATE_OF
        key = f"{reference}:{kind}:{other}"
        batch.relations[key] = Relation(key, kind, reference, other)


def read_ucdp_actors(text: str, source: str) -> ImportBatch:
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if rows and "ActorId" not in rows[0]:
        raise InputError(source, "no 'ActorId' column: not the UCDP actor list")
    batch = ImportBatch("ucdp")
    for row in rows:
        key = row["ActorId"]
        batch.entities[key] = _ucdp_entity(row, key)
    for row in rows:
        _ucdp_links(batch, row)
    return batch


def _ucdp_entity(row: dict[str, str], key: str) -> Entity:
    columns = ("NameData", "NewName", "NameOrig", "NameOrigFull", "NameOrigFullEng",
               "NewNameFullMotherTongue", "NewNameFullEng")  # fmt: skip
    names = [row[c].strip() for c in columns if row.get(c, "").strip() not in ("", "n/a")]
    countries = [c.strip() for c in row.get("Location", "").split(",")]
    home = country_code(countries[0]) if len(countries) == 1 else None
    return Entity(
        key,
        EntityKind.ORGANIZATION,  # governments too, as the knowledge base keeps them
        names[0] if names else key,
        tuple(dict.fromkeys(names[1:])),
        {"ucdp": key},
        home,
    )


def _ucdp_links(batch: ImportBatch, row: dict[str, str]) -> None:
    links = (
        ("Splinter", "ActorIdPrev", RelationType.SPLIT_FROM),
        ("SplitTemp", "ActorIdSplitTemp", RelationType.SPLIT_FROM),
        ("Alliance", "ActorIdAlliance", RelationType.ALLIANCE),
        ("JoinGroup", "ActorIdGroup", RelationType.AFFILIATE_OF),
    )
    for flag, column, kind in links:
        if row.get(flag) != "1":
            continue
        for other in (i.strip() for i in row.get(column, "").split(",")):
            if other in batch.entities and other != row["ActorId"]:
                key = f"{row['ActorId']}:{kind}:{other}"
                batch.relations[key] = Relation(key, kind, row["ActorId"], other)


def around_known(repo: Repository, batch: ImportBatch) -> ImportBatch:
    """The batch cut to entries naming a known entity and those affiliated with them."""
    names = [n for e in batch.entities.values() for n in e.names]
    found = repo.find_entities_by_names(names)
    known = {key for key, e in batch.entities.items() if any(found.get(n) for n in e.names)}
    relations = {
        key: r
        for key, r in batch.relations.items()
        if r.subject_id in known or r.object_id in known
    }
    kept = known | {i for r in relations.values() for i in (r.subject_id, r.object_id)}
    batch.entities = {k: e for k, e in batch.entities.items() if k in kept}
    batch.relations = relations
    return batch
