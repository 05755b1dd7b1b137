"""Role-filler spans: a trained tagger of attackers, targets, victims and weapons in
incident reports, and how its spans join the report's attack and killing events.

`mosaic_roles_v1` runs the tagger shipped in `data/models/roles/` (a small spaCy NER trained
by `scripts/train_roles.py` on the MUC-4 train split) over the parsed text and puts its spans
in `doc.spans["mosaic_roles"]`. The tagger has its own vocabulary and weights: it reads a
copy of the document's tokens, so the main pipeline's entities are left as they are.
`attach_roles` then gives each span to the incident event whose sentence holds it, else to
the nearest incident event of the report: attackers become perpetrators (a named group or
person by its gazetteer record where one is linked there), targets and victims become
targets (replacing the rule-found targets of that event), weapons fill `weapons`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from mosaic.extract.entities import EntityMention
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType

ROLE_LABELS: dict[str, str] = {
    "PerpInd": "PERP_IND",
    "PerpOrg": "PERP_ORG",
    "Target": "TARGET",
    "Victim": "VICTIM",
    "Weapon": "WEAPON",
}
"""MUC-4 role -> the tagger's label."""
SPANS_KEY = "mosaic_roles"
INCIDENTS: frozenset[EventType] = frozenset({EventType.ATTACK, EventType.KILLING})
"""The event types role fillers belong to."""
_KINDS = {
    "PERP_IND": EntityKind.OTHER,
    "PERP_ORG": EntityKind.ORGANIZATION,
    "TARGET": EntityKind.OTHER,
    "VICTIM": EntityKind.PERSON,
}
"""The kind of an entity named by a span that no gazetteer record or NER entity covers."""


def default_model_path() -> Path:
    """The shipped tagger's folder."""
    return Path(str(resources.files("mosaic").joinpath("data", "models", "roles")))


class RoleTagger:
    """Tags role-filler spans with a separately loaded spaCy NER pipeline."""

    def __init__(self, model_path: Path) -> None:
        self.tagger = spacy.load(model_path)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """The docs with their role spans, tagged in batches."""
        for doc in docs:
            copy = Doc(self.tagger.vocab, words=[t.text for t in doc],
                       spaces=[bool(t.whitespace_) for t in doc])  # fmt: skip
            tagged = self.tagger(copy)
            doc.spans[SPANS_KEY] = [Span(doc, e.start, e.end, label=e.label_) for e in tagged.ents]
            yield doc


@Language.factory("mosaic_roles_v1", default_config={"model_path": ""})
def make_role_tagger(nlp: Language, name: str, model_path: str) -> RoleTagger:
    """The role tagger; `model_path` empty for the shipped model."""
    return RoleTagger(Path(model_path) if model_path else default_model_path())


def attach_roles(
    events: list[EventFinding],
    doc: Doc,
    mentions: Sequence[EntityMention],
    descriptions_beside_names: bool = False,
) -> list[EventFinding]:
    """The events with the doc's role spans added to its incident events.

    Attackers described rather than named ("gunmen") become perpetrators only of events with
    no named perpetrator, unless `descriptions_beside_names`.
    """
    incidents = [i for i, event in enumerate(events) if event.type in INCIDENTS]
    spans = doc.spans.get(SPANS_KEY, [])
    if not incidents or not spans:
        return events
    found: dict[int, list[Span]] = {}
    for span in spans:
        found.setdefault(_owner(span, [(i, events[i]) for i in incidents]), []).append(span)
    result = list(events)
    for index, owned in found.items():
        result[index] = _fill(result[index], owned, mentions, descriptions_beside_names)
    return result


def _owner(span: Span, incidents: list[tuple[int, EventFinding]]) -> int:
    """The index of the incident stated in the span's sentence, else of the nearest one."""
    sent = span.sent
    for index, event in incidents:
        if event.evidence.start < sent.end_char and sent.start_char < event.evidence.end:
            return index
    return min(incidents, key=lambda item: _distance(span, item[1]))[0]


def _distance(span: Span, event: EventFinding) -> int:
    if span.end_char <= event.evidence.start:
        return event.evidence.start - span.end_char
    return max(0, span.start_char - event.evidence.end)


def _fill(
    event: EventFinding, spans: list[Span], mentions: Sequence[EntityMention], descriptions: bool
) -> EventFinding:
    perpetrators, weapons = list(event.perpetrators), list(event.weapons)
    # Where the tagger found targets or victims, they replace the rules' targets: on MUC-4
    # dev the rules added about 120 targets for 9 matches beside the tagger's.
    tagged_targets = any(span.label_ in ("TARGET", "VICTIM") for span in spans)
    targets = [] if tagged_targets else list(event.targets)
    for span in spans:
        if span.label_ == "WEAPON":
            _add_name(weapons, span.text)
        elif span.label_ in ("PERP_IND", "PERP_ORG"):
            _add_ref(perpetrators, span_ref(span, mentions))
        elif span.label_ in _KINDS:
            _add_ref(targets, span_ref(span, mentions))
    named = [p for p in perpetrators if not is_description(p)]
    if named and not descriptions:
        perpetrators = [p for p in perpetrators if not is_description(p) or p in event.perpetrators]
    return replace(
        event, perpetrators=tuple(perpetrators), targets=tuple(targets), weapons=tuple(weapons)
    )


def span_ref(span: Span, mentions: Sequence[EntityMention]) -> EntityRef:
    """The entity a role span names: the linked mention inside it, else the span's words."""
    for mention in mentions:
        inside = span.start <= mention.start and mention.end <= span.end
        if inside and mention.ref is not None and mention.ref.kind is not EntityKind.PLACE:
            return mention.ref
    return EntityRef(name=span.text, kind=_KINDS[span.label_])


def is_description(ref: EntityRef) -> bool:
    """Whether a perpetrator is people described ("gunmen"), not a named group or person."""
    return ref.key is None and ref.kind is EntityKind.OTHER


def _add_ref(refs: list[EntityRef], ref: EntityRef) -> None:
    known = {r.key for r in refs if r.key} | {r.name.casefold() for r in refs}
    if (ref.key or ref.name.casefold()) not in known:
        refs.append(ref)


def _add_name(names: list[str], name: str) -> None:
    if name.casefold() not in {n.casefold() for n in names}:
        names.append(name)
