"""The extraction pipeline: spaCy plus Mosaic's components, from report to ReportExtraction.

`data/pipeline.cfg` says what runs, in order (`config.py` reads it): the spaCy model and
every component of the parse (Mosaic's added by factory name: sentence boundaries, the
actor ruler, the actor span tagger, dates, the role tagger), then the stages run over each
parsed document (`stages.py`: entity linking, events, their merge, relations ...) with the
gazetteer and place table the Extractor holds. The extractor's `name` is stored with
everything it finds, so a fact says which version made it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from mosaic.extract.config import PipelineConfig, read_config
from mosaic.extract.dates.document import PUBLISHED_ATTR
from mosaic.extract.entities.gazetteer import Gazetteer, is_case_sensitive
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import to_mentions
from mosaic.extract.entities.ruler import fill_actor_ruler
from mosaic.extract.events.finder import EventFinder
from mosaic.extract.models import actor_spans as _actor_spans  # noqa: F401  (registers it)
from mosaic.extract.models.relation_classifier import RelationClassifier
from mosaic.extract.models.role_spans import RoleTagger
from mosaic.extract.places import dateline_parse as _dateline_parse  # noqa: F401  (registers it)
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.relations.finder import RelationFinder
from mosaic.extract.stages import Analysis, ordered_stages
from mosaic.extract.text.attributes import index_attribute_ruler
from mosaic.extract.text.boundaries import split_stops_after_hyphenated_initials
from mosaic.extract.text.surface import Recaser, prepare_text
from mosaic.model import Report, ReportExtraction

SHIPPED = read_config()
EXTRACTOR_NAME = SHIPPED.extractor
MODEL = SHIPPED.model


class Extractor:
    """Runs the pipeline over reports; one instance per process, reused for every report."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        places: PlaceTable,
        recaser: Recaser | None = None,
        name: str = EXTRACTOR_NAME,
        config: PipelineConfig = SHIPPED,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.recaser = recaser
        self.places = places
        self.gazetteer = gazetteer
        self.linker = EntityLinker(gazetteer, places, recaser.common_words if recaser else ())
        self.events = EventFinder(places, name, gazetteer)
        self.relations = RelationFinder(name, RelationClassifier.load())
        taggers = [pipe for _, pipe in nlp.pipeline if isinstance(pipe, RoleTagger)]
        self.roles = taggers[0] if taggers else None
        self.stages = ordered_stages(config)

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
        """Mentions, events and relations of a parsed report: the configured stages in order."""
        analysis = Analysis(doc, report)
        for stage in self.stages:
            stage.run(self, analysis)
        return ReportExtraction(
            report_id=report.id,
            extractor=self.name,
            mentions=to_mentions(doc, analysis.mentions, report),
            events=analysis.events,
            relations=analysis.relations,
            strengths=analysis.strengths,
        )


def build_nlp(gazetteer: Gazetteer, config: PipelineConfig = SHIPPED) -> Language:
    """The spaCy pipeline the configuration lists: the model's components with Mosaic's
    added in place, each named and ordered as the file says; the model's attribute ruler
    finds its matches through an index (`text.attributes`), the same matches faster."""
    nlp = spacy.load(config.model)
    split_stops_after_hyphenated_initials(nlp)
    before: str | None = None
    for name in config.pipeline:
        if name in config.components:
            factory = config.components[name]
            component = _added(nlp, config, name, before)
            _PREPARE.get(factory, _as_built)(component, gazetteer)
        elif name not in nlp.pipe_names:
            raise config.error(
                f"[nlp] pipeline names {name!r}, in neither {config.model} nor [components]"
            )
        before = name
    if nlp.pipe_names != list(config.pipeline):
        raise config.error(
            f"[nlp] pipeline must list every component of {config.model} in its order:"
            f" built {nlp.pipe_names}"
        )
    index_attribute_ruler(nlp)
    return nlp


def _added(nlp: Language, config: PipelineConfig, name: str, before: str | None) -> Any:
    """The component `name` made by its factory, put after `before` (first if None)."""
    place: dict[str, Any] = {"after": before} if before else {"first": True}
    factory = config.components[name]
    try:
        return nlp.add_pipe(factory, name=name, **place)
    except ValueError as e:  # spaCy's unknown factory, with a message of many lines
        problem = " ".join(str(e).split())[:200]
        raise config.error(f"[components.{name}] factory {factory!r}: {problem}") from e


def _as_built(component: Any, gazetteer: Gazetteer) -> None:
    """Components that need nothing from the gazetteer."""


def _know_listed(tagger: Any, gazetteer: Gazetteer) -> None:
    tagger.is_listed = lambda name: bool(gazetteer.lookup(name))


_PREPARE: dict[str, Callable[[Any, Gazetteer], None]] = {
    "mosaic_actor_ruler_v1": fill_actor_ruler,
    "mosaic_actor_spans_v1": _know_listed,
}
"""What a Mosaic component needs from the gazetteer once added, by factory."""


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


def load_extractor(
    gazetteer: Gazetteer | None = None, config: PipelineConfig = SHIPPED
) -> Extractor:
    """The extractor with the shipped place table and gazetteer (or `gazetteer`, e.g. one
    with actors hidden), built as `config` says; loads spaCy once."""
    gazetteer, places = gazetteer or Gazetteer.default(), PlaceTable.default()
    nlp = build_nlp(gazetteer, config)
    recaser = build_recaser(nlp, gazetteer, places)
    return Extractor(nlp, gazetteer, places, recaser, config.extractor, config)
