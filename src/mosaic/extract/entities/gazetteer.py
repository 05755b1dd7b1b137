"""The actor gazetteer: armed groups, state bodies and people with every name they go by.

The records ship as YAML in `mosaic/data/actors/`; this module reads and validates
them and answers two questions: which records a name may denote (`lookup`), and
which token patterns let spaCy's EntityRuler find those names in text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml

from mosaic.errors import InputError
from mosaic.extract import lexicon
from mosaic.model import EntityKind, EntityRef, FuzzyDate, RelationType
from mosaic.resolve.names import match_key

DATA_FILES = lexicon.ordered("entities.data_files")
NATIONAL_CATEGORIES = lexicon.words("entities.national_categories")
STATE_CATEGORIES = NATIONAL_CATEGORIES | lexicon.words("entities.international_categories")
ORG_CATEGORIES = STATE_CATEGORIES | lexicon.words("entities.non_state_categories")
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"^[A-Za-z]{3,7}$")
DOTTED_INITIALS = re.compile(
    r"(?<![\w.])(?:(?:[A-Za-z]\.){2,6}[A-Za-z]\b\.?|(?:[A-Za-z]\. ){2,6}[A-Za-z]\.)"
)
"""Three to seven initials with full stops, all spaced or none ("L.e.T.", "T.T.P", "J. u. D.")."""
_KEY = re.compile(r"^(org|person):[a-z0-9][a-z0-9-]*$")
_FIELDS = lexicon.words("entities.record_fields")

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Names that more than one record goes by, on purpose; `lookup` returns every
# record for them and leaves the choice to resolution. Keyed by `match_key`.
AMBIGUOUS_ALIASES: Mapping[str, str] = {
    alias: row.word("reason")
    for row in lexicon.table(
        "entities.ambiguous_aliases", {"aliases": lexicon.Field.WORDS, "reason": lexicon.Field.WORD}
    )
    for alias in row.words("aliases")
}

# All-caps aliases that are also common words ("TIP", "MILF"); matched only as written.
_COMMON_WORDS = lexicon.words("entities.common_words")
_BRANCH_NOUNS = lexicon.words("relations.affiliate_nouns")
"""A part of a group ("province", "wing"), ending a branch's own name."""


@dataclass(frozen=True)
class ActorRelation:
    """The record stands in relation `type` to the record `object_key`, from `start` to `end`."""

    type: RelationType
    object_key: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None


@dataclass(frozen=True)
class ActorRecord:
    """One group, state body or person, with every name in use for it.

    `place_names` are names the record shares with a place ("Pakistan" for the
    government of Pakistan): they are also in `aliases`, so `lookup` and `ref()`
    know them, but `ruler_patterns` leaves them to the place gazetteer.
    """

    key: str
    name: str
    kind: EntityKind
    category: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    external_ids: tuple[tuple[str, str], ...] = ()
    relations: tuple[ActorRelation, ...] = ()
    description: str | None = None
    place_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def ref(self) -> EntityRef:
        """The record as extraction hands it on: key, names, country, external ids."""
        return EntityRef(
            name=self.name,
            kind=self.kind,
            key=self.key,
            aliases=tuple(a for a in self.names if a != self.name),
            country=self.country,
            external_ids=self.external_ids,
        )


def _with_branch_names(records: list[ActorRecord]) -> list[ActorRecord]:
    """The records, each branch named as its parent's name followed by its own ("Islamic
    State Sinai Province": the Islamic State's) also going by its own ("Sinai Province", as
    in "its Sinai Province"), where that name ends with a branch noun, has two words or more
    and no record goes by it already."""
    by_key = {record.key: record for record in records}
    taken = {match_key(name) for record in records for name in record.names}
    own: dict[str, list[tuple[int, str]]] = {}
    for at, record in enumerate(records):
        for name in _own_branch_names(record, by_key):
            own.setdefault(match_key(name), []).append((at, name))
    result = list(records)
    for key, holders in own.items():
        if key in taken or len({at for at, _ in holders}) != 1:
            continue
        at, name = holders[0]
        result[at] = replace(result[at], aliases=(*result[at].aliases, name))
    return result


def _own_branch_names(record: ActorRecord, by_key: Mapping[str, ActorRecord]) -> list[str]:
    parents = [by_key[r.object_key] for r in record.relations
               if r.type is RelationType.AFFILIATE_OF and r.object_key in by_key]  # fmt: skip
    found = []
    for name in (n for parent in parents for n in parent.names):
        rest = record.name[len(name) :].strip()
        words = rest.split()
        if (record.name.startswith(name + " ") and len(words) > 1
                and words[-1].lower() in _BRANCH_NOUNS):  # fmt: skip
            found.append(rest)
    return found


def is_case_sensitive(alias: str) -> bool:
    """Whether `alias` must match as written: short acronyms ("IS", "LeT") and
    acronyms that spell a common word ("TIP", "MILF") would otherwise match prose."""
    letters = [c for c in alias if c.isalnum()]
    if not any(c.isupper() for c in letters) or " " in alias.strip():
        return False
    return len(letters) <= 3 or "".join(letters).casefold() in _COMMON_WORDS


def _index_key(alias: str) -> str:
    """The lookup key: exact text for case-sensitive aliases, `match_key` otherwise."""
    return "=" + alias.strip() if is_case_sensitive(alias) else match_key(alias)


def dotted_letters(text: str) -> str | None:
    """The letters that dotted initials spell ("LeT" of "L.e.T."); None for other text."""
    if not DOTTED_INITIALS.fullmatch(text.strip()):
        return None
    return "".join(c for c in text if c.isalpha())


class Gazetteer:
    """A validated, indexed set of actor records."""

    def __init__(self, records: tuple[ActorRecord, ...], index: dict[str, list[ActorRecord]]):
        self.records = records
        self._by_key = {record.key: record for record in records}
        self._index = index
        self._acronyms = {name: self._by_key[key] for name, key in self.acronyms().items()}

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with the package, read once per process."""
        folder = resources.files("mosaic").joinpath("data", "actors")
        records: list[ActorRecord] = []
        for filename in DATA_FILES:
            text = folder.joinpath(filename).read_text(encoding="utf-8")
            records.extend(parse_records(text, f"mosaic/data/actors/{filename}"))
        return cls._build(records, "mosaic/data/actors")

    @classmethod
    def from_records(cls, records: Iterable[ActorRecord]) -> Gazetteer:
        """A gazetteer over hand-built records, validated as the shipped data is."""
        return cls._build(list(records), "<records>")

    @classmethod
    def from_yaml_text(cls, text: str, source: str) -> Gazetteer:
        """A gazetteer from one YAML document; schema errors raise InputError naming `source`."""
        return cls._build(parse_records(text, source), source)

    @classmethod
    def _build(cls, records: list[ActorRecord], source: str) -> Gazetteer:
        _check_keys_and_relations(records, source)
        records = _with_branch_names(records)
        index: dict[str, list[ActorRecord]] = {}
        for record in records:
            for key in dict.fromkeys(_index_key(name) for name in record.names):
                index.setdefault(key, []).append(record)
        for key, holders in index.items():
            if len(holders) > 1 and key.lstrip("=") not in AMBIGUOUS_ALIASES:
                keys = ", ".join(h.key for h in holders)
                raise InputError(source, f"name {key!r} is shared by {keys}")
        return cls(tuple(records), index)

    def get(self, key: str) -> ActorRecord | None:
        """The record with gazetteer key `key`, if any."""
        return self._by_key.get(key)

    def lookup(self, name: str) -> list[ActorRecord]:
        """Every record that goes by `name`: case-sensitive aliases as written,
        the others after `match_key` normalisation ("Isis-K" == "ISIS K").

        A trailing possessive is ignored when the name itself is unknown, so
        "bin Laden's" finds bin Laden; dotted initials find the organisation whose acronym
        they spell as written ("L.e.T." finds LeT's record, "L.E.T." none).
        """
        name = name.strip()
        found = self._index.get("=" + name, []) + self._index.get(match_key(name), [])
        if not found and (letters := dotted_letters(name)) in self._acronyms:
            return [self._acronyms[letters]]
        if not found and _POSSESSIVE.search(name):
            return self.lookup(_POSSESSIVE.sub("", name))
        return list({record.key: record for record in found}.values())

    def acronyms(self) -> dict[str, str]:
        """The organisations' acronyms that dotted initials may spell, each with the key of
        the one record that lists it: three letters or more, as written ("LeT", "TTP"),
        never one spelling a common word in capitals ("M.I.T." is rather a university)."""
        holders: dict[str, set[str]] = {}
        for record in self.records:
            if record.kind is EntityKind.ORGANIZATION:
                for name in record.names:
                    if _is_spelled_acronym(name):
                        holders.setdefault(name, set()).add(record.key)
        return {name: keys.pop() for name, keys in holders.items() if len(keys) == 1}

    def ruler_patterns(self) -> list[dict[str, object]]:
        """EntityRuler token patterns for every name, labelled ORG or PERSON, id = key.

        Case-insensitive names use LOWER, case-sensitive ones ORTH; a hyphen
        between words is optional, so "Tehrik-e-Taliban" also finds "Tehrik e Taliban".
        """
        import spacy  # lazy: only the pipeline needs spaCy

        tokenizer = spacy.blank("en").tokenizer
        patterns: dict[str, dict[str, object]] = {}
        for record in self.records:
            label = "PERSON" if record.kind is EntityKind.PERSON else "ORG"
            for name in record.names:
                if name in record.place_names:
                    continue
                text = re.sub(r"^(?:the|The|THE)\s+", "", name.strip())
                tokens = [t.text for t in tokenizer(text)]
                pattern = _token_pattern(tokens, is_case_sensitive(name))
                entry: dict[str, object] = {"label": label, "pattern": pattern, "id": record.key}
                patterns.setdefault(repr(entry), entry)
        return list(patterns.values())


def _is_spelled_acronym(name: str) -> bool:
    if not _ACRONYM.match(name) or sum(c.isupper() for c in name) < 2:
        return False
    return not (name.isupper() and name.casefold() in _COMMON_WORDS)


def _token_pattern(tokens: list[str], case_sensitive: bool) -> list[dict[str, object]]:
    """One token dict per token; inner hyphens are optional."""
    attr = "ORTH" if case_sensitive else "LOWER"
    pattern: list[dict[str, object]] = []
    for i, token in enumerate(tokens):
        if token == "-" and 0 < i < len(tokens) - 1:
            pattern.append({"ORTH": "-", "OP": "?"})
        else:
            pattern.append({attr: token if case_sensitive else token.lower()})
    return pattern


def parse_records(text: str, source: str) -> list[ActorRecord]:
    """The records of one YAML document; InputError naming `source` (and line) if malformed."""
    try:
        root, data = _compose_and_load(text)
    except yaml.YAMLError as e:
        raise InputError(source, f"not valid YAML: {e}") from e
    if data is None:
        return []
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise InputError(source, "expected a YAML list of actor records")
    lines = [node.start_mark.line + 1 for node in root.value]
    return [_parse_record(item, source, line) for item, line in zip(data, lines, strict=True)]


def _compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of one YAML document, parsed once,
    with libyaml where PyYAML was built with it (the shipped files load ten times faster)."""
    loader = _SafeLoader(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def _parse_record(item: Any, source: str, line: int) -> ActorRecord:
    if not isinstance(item, dict):
        raise InputError(source, "an actor record must be a mapping", line)
    try:
        return _record_from_mapping(item)
    except (KeyError, TypeError, ValueError) as e:
        where = item.get("key", "record")
        raise InputError(source, f"{where}: {e}", line) from e


def _record_from_mapping(item: dict[str, Any]) -> ActorRecord:
    unknown = set(item) - _FIELDS
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    key, kind, category = _identity(item)
    aliases, place_names = _names(item, "aliases"), _names(item, "place_names")
    country = item.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        raise ValueError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    ids = tuple(
        (s, str(item[f])) for s, f in (("wikidata", "wikidata"), ("un", "un_ref")) if item.get(f)
    )
    description = item.get("description")
    return ActorRecord(
        key=key,
        name=_text(item, "name"),
        kind=kind,
        category=category,
        aliases=tuple(dict.fromkeys(aliases + place_names)),
        country=country,
        external_ids=ids,
        relations=tuple(_relation(r) for r in item.get("relations") or []),
        description=str(description) if description else None,
        place_names=tuple(place_names),
    )


def _identity(item: Mapping[str, Any]) -> tuple[str, EntityKind, str | None]:
    """The key, kind and category, checked against each other."""
    key = _text(item, "key")
    kind = EntityKind(_text(item, "kind"))
    if kind not in (EntityKind.ORGANIZATION, EntityKind.PERSON):
        raise ValueError(f"kind must be organization or person, not {kind.value!r}")
    prefix = "person" if kind is EntityKind.PERSON else "org"
    if not _KEY.match(key) or key.split(":")[0] != prefix:
        raise ValueError(f"key {key!r} must be '{prefix}:' and a lowercase slug")
    category = item.get("category")
    if (kind is EntityKind.ORGANIZATION) != (category in ORG_CATEGORIES):
        raise ValueError(
            f"category {category!r}: organisations need one of "
            f"{sorted(ORG_CATEGORIES)}, people none"
        )
    return key, kind, category


def _names(item: Mapping[str, Any], field: str) -> list[str]:
    names = item.get(field) or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise ValueError(f"{field} must be a list of non-empty strings")
    return [n.strip() for n in names]


def _text(item: Mapping[str, Any], field: str) -> str:
    value = item.get(field)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"missing or empty field {field!r}")
    return value.strip()


def _relation(value: Any) -> ActorRelation:
    if not isinstance(value, dict) or set(value) - {"type", "object", "start", "end"}:
        raise ValueError(f"a relation needs type, object and optional start/end: {value!r}")
    start, end = value.get("start"), value.get("end")
    return ActorRelation(
        type=RelationType(_text(value, "type")),
        object_key=_text(value, "object"),
        start=_date(start, "start"),
        end=_date(end, "end"),
    )


def _date(value: Any, field: str) -> FuzzyDate | None:
    if value is None:
        return None
    try:
        return FuzzyDate.parse(str(value))
    except ValueError as e:
        raise ValueError(f"relation {field} date {value!r}: {e}") from e


def _check_keys_and_relations(records: list[ActorRecord], source: str) -> None:
    """Keys are unique and every relation points at a record in the same set."""
    keys: set[str] = set()
    for record in records:
        if record.key in keys:
            raise InputError(source, f"duplicate key {record.key!r}")
        keys.add(record.key)
    for record in records:
        for relation in record.relations:
            if relation.object_key not in keys or relation.object_key == record.key:
                problem = f"relation to unknown or self {relation.object_key!r}"
                raise InputError(source, f"{record.key}: {problem}")
