"""Mosaic's stages after the parse, registered by versioned name; `data/pipeline.cfg` orders them.

Each stage reads and adds fields of one report's `Analysis` (the parsed Doc and the
Report to begin with) and says which: `needs` must be set by a stage run before it,
which `ordered_stages` checks when the pipeline is built. Stages live in a `catalogue`
registry `("mosaic", "stages")`; an extension adds one with `@stage(...)` or an entry
point in the group `mosaic_stages`, then names it in its own pipeline.cfg.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

import catalogue
from spacy.tokens import Doc

from mosaic.extract.config import PipelineConfig
from mosaic.extract.dates.document import doc_dates
from mosaic.extract.entities.display_names import drop_display_names
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.events.arms_sentences import join_arms_sentences
from mosaic.extract.events.country import carry_countries, home_countries
from mosaic.extract.events.followups import (
    FollowUp,
    attach_follow_ups,
    follow_up,
    referring_claim,
)
from mosaic.extract.events.headlines import fold_headlines
from mosaic.extract.events.identified_attackers import attacker_named
from mosaic.extract.events.infobox import attach_infobox_perpetrators
from mosaic.extract.events.infobox_tolls import attach_infobox_tolls
from mosaic.extract.events.leads import date_news_leads
from mosaic.extract.events.merge import drop_echoes, merge_events
from mosaic.extract.events.paragraph_days import date_by_paragraph
from mosaic.extract.events.place_sentences import join_place_sentences
from mosaic.extract.events.retellings import fold_retellings
from mosaic.extract.events.same_place import place_same_as_before
from mosaic.extract.events.scene_acts import date_acts_at_the_scene
from mosaic.extract.events.told_apart import told_apart
from mosaic.extract.events.toll_sentences import join_toll_sentences
from mosaic.extract.events.weapon_tolls import join_weapon_tolls
from mosaic.extract.models.role_spans import attach_roles
from mosaic.extract.numbers.strength import strength_findings
from mosaic.extract.output import MIN_CONFIDENCE
from mosaic.extract.relations.descriptions import with_described_groups
from mosaic.extract.relations.finder import dedupe_relations, end_by_killings
from mosaic.extract.text.display_lines import DisplayLines, find_display_lines
from mosaic.extract.text.sentences import SentenceContext, build_contexts
from mosaic.model import EventFinding, RelationFinding, Report, StrengthFinding

if TYPE_CHECKING:
    from mosaic.extract.pipeline import Extractor

STAGES = catalogue.create("mosaic", "stages", entry_points=True)


@dataclass
class Analysis:
    """What the stages know of one parsed report; each stage adds to it."""

    doc: Doc
    report: Report
    display: DisplayLines = field(default_factory=DisplayLines)
    """The report's headline and bylines."""
    mentions: list[EntityMention] = field(default_factory=list)
    contexts: list[SentenceContext] = field(default_factory=list)
    findings: list[EventFinding] = field(default_factory=list)
    """Events as found sentence by sentence, before merging."""
    follow_ups: list[FollowUp] = field(default_factory=list)
    events: list[EventFinding] = field(default_factory=list)
    """Events merged: one per event the report tells."""
    relations: list[RelationFinding] = field(default_factory=list)
    strengths: list[StrengthFinding] = field(default_factory=list)


Run = Callable[["Extractor", Analysis], None]


@dataclass(frozen=True)
class Stage:
    """One step after the parse: what it needs of the Analysis and what it sets."""

    name: str
    run: Run
    needs: frozenset[str]
    sets: frozenset[str]


def stage(name: str, needs: Iterable[str] = (), sets: Iterable[str] = ()) -> Callable[[Run], Run]:
    """Registers the decorated function as the stage `name`.

    `needs` and `sets` must name fields of `Analysis`: a misspelt one would
    otherwise pass the order check for as long as nothing else named it.
    """
    unknown = sorted({*needs, *sets} - {item.name for item in fields(Analysis)})
    if unknown:
        raise ValueError(f"stage {name!r}: {unknown} are not fields of Analysis")

    def register(run: Run) -> Run:
        STAGES.register(name, func=Stage(name, run, frozenset(needs), frozenset(sets)))
        return run

    return register


def ordered_stages(config: PipelineConfig) -> list[Stage]:
    """The configured stages, each checked to be registered and to come after what it needs."""
    found = STAGES.get_all()
    known = {"doc", "report"}
    ordered: list[Stage] = []
    for name in config.stages:
        if name not in found:
            raise config.error(f"[stages] names {name!r}, which no stage is registered as")
        step = found[name]
        missing = sorted(step.needs - known)
        if missing:
            raise config.error(f"[stages] {name!r} needs {missing}, set by no stage before it")
        known |= step.sets
        ordered.append(step)
    return ordered


@stage("mosaic.display_lines.v1", needs=["report"], sets=["display"])
def _display_lines(extractor: Extractor, analysis: Analysis) -> None:
    report = analysis.report
    analysis.display = find_display_lines(report.text, report.title)


@stage("mosaic.link_entities.v1", needs=["doc", "display"], sets=["mentions"])
def _link(extractor: Extractor, analysis: Analysis) -> None:
    """The document's entity mentions, less new actors named only in a headline or byline."""
    mentions = extractor.linker.link(analysis.doc)
    analysis.mentions = drop_display_names(mentions, analysis.display)


@stage("mosaic.sentence_contexts.v1", needs=["doc", "mentions"], sets=["contexts"])
def _contexts(extractor: Extractor, analysis: Analysis) -> None:
    doc = analysis.doc
    analysis.contexts = build_contexts(doc, analysis.report.text, analysis.mentions, doc_dates(doc))


@stage("mosaic.find_events.v1", needs=["contexts"], sets=["findings", "follow_ups"])
def _find_events(extractor: Extractor, analysis: Analysis) -> None:
    """Each sentence's events; a sentence that only claims or refers to an event told before
    is a follow-up."""
    for context in analysis.contexts:
        findings = extractor.events.find(context)
        item = referring_claim(context, findings) if findings else follow_up(context)
        if item is not None:
            analysis.follow_ups.append(item)
        else:
            analysis.findings += findings
    analysis.findings = join_weapon_tolls(analysis.findings, analysis.doc)
    analysis.findings = join_toll_sentences(analysis.findings, analysis.contexts, MIN_CONFIDENCE)
    analysis.findings = join_place_sentences(analysis.findings, analysis.contexts, MIN_CONFIDENCE)
    analysis.findings = join_arms_sentences(analysis.findings, analysis.contexts, MIN_CONFIDENCE)


@stage("mosaic.date_news_leads.v1", needs=["findings", "contexts"], sets=["findings"])
def _news_leads(extractor: Extractor, analysis: Analysis) -> None:
    published = analysis.report.published
    analysis.findings = date_news_leads(analysis.findings, analysis.contexts, published)


@stage("mosaic.carry_countries.v1", needs=["findings"], sets=["findings"])
def _carry_countries(extractor: Extractor, analysis: Analysis) -> None:
    analysis.findings = carry_countries(analysis.findings, analysis.report.text, MIN_CONFIDENCE)


@stage("mosaic.merge_events.v1", needs=["findings", "display", "contexts"], sets=["events"])
def _merge(extractor: Extractor, analysis: Analysis) -> None:
    """One event per event the report tells; a headline's event is folded into the prose's
    telling of it first, and an event named again only as "the attack" into its first telling;
    one told as another ("In a separate incident") stays apart from those before it."""
    within = extractor.places.contains
    findings = fold_headlines(analysis.findings, analysis.display, MIN_CONFIDENCE, within)
    findings = fold_retellings(findings, MIN_CONFIDENCE, within)
    apart = told_apart(analysis.contexts)
    merged = merge_events(findings, MIN_CONFIDENCE, within, apart)
    analysis.events = drop_echoes(merged, MIN_CONFIDENCE)


@stage("mosaic.attach_follow_ups.v1", needs=["events", "follow_ups"], sets=["events"])
def _follow_ups(extractor: Extractor, analysis: Analysis) -> None:
    analysis.events = attach_follow_ups(analysis.events, analysis.follow_ups, MIN_CONFIDENCE)


@stage("mosaic.paragraph_days.v1", needs=["events", "contexts"], sets=["events"])
def _paragraph_days(extractor: Extractor, analysis: Analysis) -> None:
    analysis.events = date_by_paragraph(analysis.events, analysis.contexts, MIN_CONFIDENCE)


@stage("mosaic.same_place.v1", needs=["events", "contexts"], sets=["events"])
def _same_place(extractor: Extractor, analysis: Analysis) -> None:
    """An event recapped "in the same city" placed where the event before it happened; after
    the merge, so that the borrowed place joins no two events."""
    analysis.events = place_same_as_before(analysis.events, analysis.contexts)


@stage("mosaic.scene_acts.v1", needs=["events", "contexts"], sets=["events"])
def _scene_acts(extractor: Extractor, analysis: Analysis) -> None:
    """An act told "at the scene" of the event before it dated and placed by that event;
    after the merge, so that the borrowed day and place join no two events."""
    analysis.events = date_acts_at_the_scene(analysis.events, analysis.contexts, MIN_CONFIDENCE)


@stage("mosaic.infobox_perpetrators.v1", needs=["events"], sets=["events"])
def _infobox(extractor: Extractor, analysis: Analysis) -> None:
    text, gazetteer = analysis.report.text, extractor.gazetteer
    analysis.events = attach_infobox_perpetrators(analysis.events, text, gazetteer, MIN_CONFIDENCE)


@stage("mosaic.infobox_tolls.v1", needs=["events"], sets=["events"])
def _infobox_tolls(extractor: Extractor, analysis: Analysis) -> None:
    analysis.events = attach_infobox_tolls(analysis.events, analysis.report.text, MIN_CONFIDENCE)


@stage("mosaic.role_spans.v1", needs=["events", "mentions", "display"], sets=["events"])
def _role_spans(extractor: Extractor, analysis: Analysis) -> None:
    """The role tagger's spans joined to the events (tagging now the sentences within reach
    of an incident event that it has not read)."""
    if extractor.roles is not None:
        extractor.roles.tag_unread(analysis.doc, analysis.events)
    doc, display = analysis.doc, analysis.display
    analysis.events = attach_roles(analysis.events, doc, analysis.mentions, display)


@stage("mosaic.identified_attackers.v1", needs=["events", "contexts"], sets=["events"])
def _identified_attackers(extractor: Extractor, analysis: Analysis) -> None:
    """The attacker a later sentence names ("The bomber was identified as X") joined to the
    attack before it; after the role spans, whose tagger reads such a name as a victim's."""
    named = [item for c in analysis.contexts if (item := attacker_named(c)) is not None]
    analysis.events = attach_follow_ups(analysis.events, named, MIN_CONFIDENCE)


@stage("mosaic.home_countries.v1", needs=["events", "contexts"], sets=["events"])
def _home_countries(extractor: Extractor, analysis: Analysis) -> None:
    analysis.events = home_countries(analysis.events, analysis.contexts)


@stage("mosaic.find_relations.v1", needs=["contexts"], sets=["relations"])
def _relations(extractor: Extractor, analysis: Analysis) -> None:
    contexts = with_described_groups(analysis.contexts)
    analysis.relations = dedupe_relations(extractor.relations.find_all(contexts))


@stage("mosaic.strengths.v1", needs=["contexts"], sets=["strengths"])
def _strengths(extractor: Extractor, analysis: Analysis) -> None:
    name = extractor.name
    analysis.strengths = [f for c in analysis.contexts for f in strength_findings(c, name)]


@stage("mosaic.end_relations_by_killings.v1", needs=["relations", "events", "contexts"],
       sets=["relations"])  # fmt: skip
def _end_relations(extractor: Extractor, analysis: Analysis) -> None:
    analysis.relations = end_by_killings(analysis.relations, analysis.events, analysis.contexts)
