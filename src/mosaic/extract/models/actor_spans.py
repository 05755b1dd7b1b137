"""Armed groups' names the gazetteer does not list: a trained span tagger and name-shape rules.

`mosaic_actor_spans_v1` runs the tagger shipped in `data/models/actor_spans/` (a small spaCy
NER with one label, GROUP, trained by `scripts/train_actor_spans.py` on the allowed gold
texts and on distant supervision) over the sentences that may name a group: those with a
cue word ("militants", "claimed", "faction") or a group-name head ("Front", "Lashkar",
"-ul-"). A tagged span that names a group by its shape (a head word, or a cue around it)
becomes an ORG entity marked as a new group (`NEW_GROUP` in `kb_id_`), which the linker
keeps as a group with no gazetteer key. It replaces what the NER said of those tokens (a
group read as a person, a place or nothing), and a gazetteer name inside it when the span
only adds capitalised words to it ("Pakistani Taliban" around "Taliban" when the Pakistani
group is not listed); a gazetteer name that covers the span stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from itertools import islice
from pathlib import Path

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.dates.phrases import MONTHS, WEEKDAYS
from mosaic.extract.entities.name_shapes import (
    ARMED_NAME_WORDS,
    EVENT_NAME_WORDS,
    PEOPLE_NOUNS,
    looks_like_armed_group,
)
from mosaic.extract.models.cpu_ops import load_tagger, one_blas_thread
from mosaic.extract.models.initials_context import named_as_group, used_as_group
from mosaic.extract.models.word_copies import copy_words
from mosaic.extract.text.syntax import PLACE_LABELS
from mosaic.extract.text.words import HYPHENS

LABEL = "GROUP"
NEW_GROUP = "mosaic:new-group"
"""The `kb_id_` of an entity this component adds: a group's name the gazetteer lacks."""
CUE_WORDS = lexicon.words("models.cue_words")  # fmt: skip
"""Words of a sentence that may name a group."""
HEAD_WORDS = ARMED_NAME_WORDS | set(lexicon.words("models.head_words"))  # fmt: skip
"""Words a group's name is made of ("Front", "Battalion", "Jamaat"): name-shape rules."""
_PARTICLE = re.compile(r"\w-(?:ul|ud|us|ut|al|e|i|o)-\w", re.IGNORECASE)
_NAME_GLUE = lexicon.words("models.name_glue") | HYPHENS
"""Tokens inside a name that are no capitalised word: "Tehrik - e - Taliban"."""
_PREFIXED = re.compile(r"^[a-z]{1,3}-[A-Z]")
"""A name that opens with a particle: "al-Qaida"."""
_LEADING_NOUNS = CUE_WORDS | PEOPLE_NOUNS
"""Nouns a tagged span may open with that are no part of the name ("Fighters of ...")."""
_NAME_STOPS = frozenset({"(", ")", "[", "]", ";", ":"})
"""Tokens no name holds: a tagged span that runs over one ends before it."""
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,5}$")
"""An Arabic or Urdu linking particle inside a name: "Ahrar-ul-Hind", "Lashkar-e-Taiba"."""


def default_model_path() -> Path:
    """The shipped tagger's folder."""
    return Path(str(resources.files("mosaic").joinpath("data", "models", "actor_spans")))


def may_name_group(sent: Span) -> bool:
    """Whether the sentence has a capitalised word no gazetteer name holds, and a cue word,
    a group-name head or a linking particle."""
    if not any(_unlisted_name_word(token) for token in sent):
        return False
    for token in sent:
        lower = token.lower_
        if lower in CUE_WORDS or (lower in HEAD_WORDS and token.is_title):
            return True
    return "-" in sent.text and _PARTICLE.search(sent.text) is not None


def _unlisted_name_word(token: Token) -> bool:
    return _capitalised(token) and not token.ent_id_ and not token.is_stop


def _capitalised(token: Token) -> bool:
    """A word written as a name's: a capital first ("Front", "TTP", "JuA", "Kata'ib", whose
    apostrophe `is_title` reads as the start of a word)."""
    return token.text[:1].isupper()


def has_group_shape(span: Span) -> bool:
    """A name by its words ("Front", "-ul-"), an acronym ("TTP", "JuA"), or by the text
    around it ("a group called X", "X fighters", "X claimed the attack"; for one word
    only the first, as a people's name is used so too: "Zulu militants"), never a headline's
    words ("Market Blast Claims")."""
    words = {w.lower().strip("'’") for w in re.split(r"[\s-]+", span.text)}
    if words & EVENT_NAME_WORDS or not (span.text[:1].isupper() or _PREFIXED.match(span.text)):
        return False
    if _describing_word(span):
        return False
    if words & HEAD_WORDS or _PARTICLE.search(span.text) or _PREFIXED.match(span.text):
        return True
    if is_initials(span):
        return True  # a group's only where the report uses it as one (`used_as_group`)
    return looks_like_armed_group(span) or (len(span) > 1 and named_as_group(span))


def is_initials(span: Span) -> bool:
    """Initials and nothing else of a name's shape: "ZLF", "JuA", "KARACHI"."""
    words = {w.lower().strip("'’") for w in re.split(r"[\s-]+", span.text)}
    plain = not (words & HEAD_WORDS or _PARTICLE.search(span.text) or _PREFIXED.match(span.text))
    return plain and _ACRONYM.match(span.text) is not None


def _describing_word(span: Span) -> bool:
    """Words describing the common noun after them: one adjective ("another Islamic group",
    "Jihadi fighters") or words holding an adjective that modifies that noun ("an Orthodox
    Zulu group"): a kind of group, not a group's name."""
    word = span.root
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or not after.is_lower or after.pos_ != "NOUN":
        return False
    one_adjective = len(span) == 1 and word.tag_ == "JJ"
    return one_adjective or any(t.dep_ == "amod" and t.head.i == after.i for t in span)


class ActorSpanTagger:
    """Adds the group names the trained tagger finds in candidate sentences to `doc.ents`.

    `is_listed` tells whether the gazetteer lists a name; the pipeline sets it, and a
    tagged span the gazetteer lists is left to the ruler."""

    def __init__(self, model_path: Path) -> None:
        self.tagger = load_tagger(model_path)
        self.is_listed: Callable[[str], bool] = lambda name: False

    def __call__(self, doc: Doc) -> Doc:
        """The doc with the group names its candidate sentences hold."""
        return self.tag([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """The docs tagged a batch at a time: the candidate sentences of a whole batch go
        through the tagger together, which costs less than one run per document."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            yield from self.tag(batch)

    def tag(self, docs: Sequence[Doc]) -> Sequence[Doc]:
        """The docs with the group names found in their candidate sentences added to
        `doc.ents`. Each sentence is tagged on its own, so batching leaves results as they are."""
        candidates = [[sent for sent in doc.sents if may_name_group(sent)] for doc in docs]
        copies = [self._copy(sent) for sents in candidates for sent in sents]
        with one_blas_thread():
            tagged = iter(list(self.tagger.pipe(copies, batch_size=max(len(copies), 1))))
        for doc, sents in zip(docs, candidates, strict=True):
            found = [span for sent in sents for span in self._spans(sent, next(tagged))]
            if found:
                self._add(doc, found)
        return docs

    def _add(self, doc: Doc, found: list[Span]) -> None:
        """Adds the found names to the doc's entities, initials last: they are kept only where
        the report uses them as a group's, which the names found may show ("the Zulu Front
        (ZF)")."""
        names = [span for span in found if not is_initials(span)]
        doc.ents = self._merged(doc.ents, [*names, *written_again(doc, names)])
        initials = [span for span in found if is_initials(span) and used_as_group(span)]
        if initials:
            doc.ents = self._merged(doc.ents, initials)

    def _copy(self, sent: Span) -> Doc:
        """The sentence's words as a doc of the tagger's own vocabulary."""
        return copy_words(sent, self.tagger.vocab)

    def _spans(self, sent: Span, tagged: Doc) -> list[Span]:
        spans = []
        for ent in tagged.ents:
            start, end = sent.start + _name_start(ent), sent.start + _name_end(ent)
            if start >= end:
                continue
            span = Span(sent.doc, start, end, label="ORG", kb_id=NEW_GROUP, span_id="")
            if has_group_shape(span):
                spans.append(span)
        return spans

    def _merged(self, ents: Iterable[Span], found: Iterable[Span]) -> list[Span]:
        """The doc's entities with the tagged spans in, each replacing what it overlaps
        unless a gazetteer name covers it or overlaps it without lying inside it, or it
        holds two gazetteer names."""
        kept = list(ents)
        for span in found:
            if self.is_listed(span.text):
                continue
            clashes = [e for e in kept if e.start < span.end and span.start < e.end]
            if sum(bool(e.ent_id_) for e in clashes) > 1:
                continue  # "al-Qaeda and the Taliban": two listed names, no third
            if any(not self._may_replace(e, span) for e in clashes) or _placed(clashes):
                continue
            kept = [e for e in kept if e not in clashes] + [span]
            for token in span:
                token.ent_id_ = ""  # a gazetteer name it replaced leaves no key behind
        return sorted(kept, key=lambda e: e.start)

    def _may_replace(self, ent: Span, span: Span) -> bool:
        """Whether the span may take the place of `ent`: any entity but a gazetteer name,
        and a gazetteer name inside the span that the span only adds name words to
        ("Pakistani Taliban" around "Taliban"), or that the ruler stretched beyond a
        listed name."""
        if not ent.ent_id_:
            return True
        if not (span.start <= ent.start and ent.end <= span.end):
            return False
        if len(span) == len(ent):
            return not self.is_listed(ent.text)
        extra = [t for t in span if t.i < ent.start or t.i >= ent.end]
        return all(_capitalised(t) or t.lower_ in _NAME_GLUE for t in extra)


def _placed(clashes: Sequence[Span]) -> bool:
    """Whether the entities a span runs over are a gazetteer name and a place "in" after it
    ("Jaish-e-Mohammed in Kashmir"): the name and where it acts, not a branch's name (a
    listed branch, "al-Qaeda in the Arabian Peninsula", is never replaced)."""
    listed = [e for e in clashes if e.ent_id_]
    places = [e for e in clashes if e.label_ in PLACE_LABELS]
    return any(_in_between(name, place) for name in listed for place in places)


def _in_between(name: Span, place: Span) -> bool:
    between = [t.lower_ for t in name.doc[name.end : place.start]]
    return between in (["in"], ["in", "the"])


def written_again(doc: Doc, names: Sequence[Span]) -> list[Span]:
    """The other places the doc writes a found name, word for word, the longest name first:
    a group's name is its name in a sentence that has no cue for the tagger too ("struck
    facilities of X"). Never inside another found name or an entity that runs beyond it
    ("al-Zafar" of a person's "Tariq al-Zafar")."""
    keys = sorted({tuple(t.orth for t in span) for span in names}, key=len, reverse=True)
    taken = {i for span in names for i in range(span.start, span.end)}
    words = doc.to_array(ORTH)  # one key per word: comparing them makes no Token objects
    entities = [(e.start, e.end) for e in doc.ents]
    again: list[Span] = []
    for key in keys:
        for first in numpy.flatnonzero(words == key[0]).tolist():
            end = first + len(key)
            if taken.intersection(range(first, end)) or tuple(words[first:end].tolist()) != key:
                continue
            if not _inside_entity(entities, first, end):
                again.append(Span(doc, first, end, label="ORG", kb_id=NEW_GROUP, span_id=""))
                taken.update(range(first, end))
    return again


def _inside_entity(entities: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether an entity (its token bounds) overlaps the tokens and runs beyond them."""
    return any(s < end and start < e and (s < start or e > end) for s, e in entities)


def _name_start(ent: Span) -> int:
    """Where the name starts inside a tagged span that runs on from a noun for its people:
    "Fighters of the X Battalion" is X Battalion's name."""
    words = [t.lower_ for t in ent]
    if words and _is_leading_noun(words[0]) and "of" in words[1:3]:
        after = ent.start + words.index("of") + 1
        return after + 1 if after < ent.end and ent.doc[after].lower_ == "the" else after
    return ent.start


def _is_leading_noun(word: str) -> bool:
    """A noun for a group's people or a cue word, in the singular or the plural."""
    return word in _LEADING_NOUNS or (word.endswith("s") and word[:-1] in _LEADING_NOUNS)


def _name_end(ent: Span) -> int:
    """Where the name ends inside a tagged span: before a bracket or a semicolon in it
    ("Zulu Front (ZF"), before a date it runs into, and before the lower-case words and
    stops it ends with ("the Zulu Front group"): a name ends with a capitalised word or a
    number."""
    end = next((t.i for t in ent if t.text in _NAME_STOPS or _dated(t, ent)), ent.end)
    while end > ent.start and (ent.doc[end - 1].is_lower or ent.doc[end - 1].is_punct):
        end -= 1
    return end


def _dated(token: Token, ent: Span) -> bool:
    """A date the name runs into after a preposition ("al-Zafar in February", "the Front on
    Monday"): a name's words never date it, so the name ends before the preposition."""
    if token.i <= ent.start + 1:
        return False
    before = token.doc[token.i - 1]
    if not before.is_lower or before.lower_ == "of":
        return False
    lower = token.lower_
    return lower in MONTHS or lower in WEEKDAYS or (token.is_digit and len(token) == 4)


@Language.factory("mosaic_actor_spans_v1", default_config={"model_path": ""})
def make_actor_span_tagger(nlp: Language, name: str, model_path: str) -> ActorSpanTagger:
    """The actor span tagger; `model_path` empty for the shipped model."""
    return ActorSpanTagger(Path(model_path) if model_path else default_model_path())
