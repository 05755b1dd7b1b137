"""The parts of a document the role tagger reads.

The tagger's spans count only within a reach of characters of an incident event
(`role_spans.SPAN_REACH`), so it need not read the rest of a long report: it reads the
runs of sentences within reach of a sentence holding an incident word, and later those
within reach of an incident event that it has not read yet. Each run is read with a few
sentences of context on either side (a `Window`), and only the spans that touch the run
are kept.

Reading a run on its own leaves its spans as a reading of the whole document finds them:
the tagger's token vectors see a few tokens on either side (`receptive_field`), its NER decides
at each token from the vectors of that token, of the first token of an entity it has open
and of the one before; so once a window's context holds twice as many tokens and
ends at a sentence boundary (where no entity is open), the decisions inside the run are
those of the whole document, up to the rounding of the sums, which any change of a batch's
documents also moves (a near tie may then fall the other way). Every extraction of the
benchmark corpus, dev-wiki, dev-news and MUC-4 dev and test came out the same.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc

Run = tuple[int, int]
"""Tokens `start`..`end` of a document: a run of whole sentences."""
FALLBACK_FIELD = 32
"""Tokens on either side taken as what the tagger's vectors read where its config does not
say (a tok2vec other than a CNN of `depth` layers, each `window_size` tokens wide)."""


def receptive_field(config: Mapping[str, Any]) -> int:
    """Tokens on either side that the token vectors of a spaCy NER pipeline's config read: the
    CNN's `depth` times its `window_size` (4 x 1 for the shipped tagger)."""
    try:
        tok2vec = config["components"]["ner"]["model"]["tok2vec"]
        return int(tok2vec["depth"]) * int(tok2vec["window_size"])
    except (KeyError, TypeError, ValueError):
        return FALLBACK_FIELD


@dataclass(frozen=True)
class Window:
    """Tokens `start`..`end` that the tagger reads as one text, around the run it reads for."""

    start: int
    end: int
    run: Run

    def keeps(self, start: int, end: int) -> bool:
        """Whether a span the tagger found at `start`..`end` (document tokens) touches the run."""
        return start < self.run[1] and self.run[0] < end


def sentence_runs(doc: Doc) -> list[Run]:
    """The document's sentences as token runs; one run for a document without sentences.

    The runs of `doc.sents`, read from the array of sentence starts: a sentence starts at the
    first token and at each later one marked as a start."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))] if len(doc) else []
    if "sents" in doc.user_hooks or not len(doc):
        return [(sent.start, sent.end) for sent in doc.sents]
    marks = doc.to_array(SENT_START)
    starts = [0, *(numpy.flatnonzero(marks[1:] == 1) + 1).tolist()]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


class LowerWords:
    """Words a token's lower-case form or lower-cased lemma may be, tested by string-store
    key; each key's answer is kept, so a document costs a look-up per distinct word."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._known: dict[int, bool] = {}

    def holds(self, key: int, strings: StringStore) -> bool:
        """Whether the string of `key`, lower-cased, is one of the words."""
        known = self._known.get(key)
        if known is None:
            known = strings[key].lower() in self.words
            self._known[key] = known
        return known

    def keys_in(self, forms: numpy.ndarray[Any, Any], strings: StringStore) -> list[int]:
        """The distinct keys of an array of string-store keys that are words."""
        return [key for key in map(int, numpy.unique(forms)) if self.holds(key, strings)]


def word_forms(doc: Doc) -> numpy.ndarray[Any, Any]:
    """Each token's lower-case form and lemma, as string-store keys (one row per token)."""
    return doc.to_array([LOWER, LEMMA])


def holds_any(doc: Doc, words: LowerWords) -> bool:
    """Whether a token's lower-case form or lower-cased lemma is one of the words."""
    return bool(words.keys_in(word_forms(doc), doc.vocab.strings))


def sentences_with(doc: Doc, words: LowerWords) -> list[tuple[int, int]]:
    """The character ranges of the sentences with a token whose lower-case form or
    lower-cased lemma is one of the words."""
    forms = word_forms(doc)
    wanted = words.keys_in(forms, doc.vocab.strings)
    if not wanted:
        return []
    marked = numpy.flatnonzero(numpy.isin(forms, wanted).any(axis=1)).tolist()
    runs = sentence_runs(doc)
    starts = [start for start, _ in runs]
    hit = sorted({bisect.bisect_right(starts, i) - 1 for i in marked})
    return [_chars(doc, runs[i]) for i in hit]


def runs_within_reach(doc: Doc, anchors: Iterable[tuple[int, int]], reach: int) -> list[Run]:
    """The runs of consecutive sentences of which each lies within `reach` characters of one
    of the anchors (character ranges), merged where they meet."""
    near = merged((start - reach, end + reach) for start, end in anchors)
    if not near:
        return []
    return merged(run for run in sentence_runs(doc) if _meets(_chars(doc, run), near))


def remote_sentences(
    doc: Doc, anchors: Iterable[tuple[int, int]], words: LowerWords, reach: int
) -> list[tuple[int, int]]:
    """The character ranges of the sentences more than `reach` sentences from every sentence
    an anchor (a character range) meets that hold none of the words."""
    sentences = [_chars(doc, run) for run in sentence_runs(doc)]
    ranges = list(anchors)
    told = [i for i, chars in enumerate(sentences) if _meets_inside(chars, ranges)]
    worded = set(sentences_with(doc, words))
    return [
        chars
        for i, chars in enumerate(sentences)
        if chars not in worded and all(abs(i - j) > reach for j in told)
    ]


def _meets_inside(chars: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """Whether the character range shares a character with one of the ranges."""
    return any(low < chars[1] and chars[0] < high for low, high in ranges)


def _meets(chars: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """Whether the character range meets one of the ranges (ends included)."""
    return any(low <= chars[1] and chars[0] <= high for low, high in ranges)


def _chars(doc: Doc, run: Run) -> tuple[int, int]:
    last = doc[run[1] - 1]
    return doc[run[0]].idx, last.idx + len(last.text)


def merged(runs: Iterable[Run]) -> list[Run]:
    """The runs sorted, those that overlap or meet joined into one."""
    result: list[Run] = []
    for start, end in sorted(runs):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def unread(runs: Iterable[Run], read: Iterable[Run]) -> list[Run]:
    """The parts of the runs outside every run read."""
    done = merged(read)
    result: list[Run] = []
    for start, end in merged(runs):
        for low, high in done:
            if low < end and start < high:
                if start < low:
                    result.append((start, low))
                start = max(start, high)
        if start < end:
            result.append((start, end))
    return result


def windows(doc: Doc, runs: Sequence[Run], context: int) -> list[Window]:
    """A window for each run with at least `context` tokens of whole sentences either side
    (as far as the document goes); runs whose contexts would overlap share one window,
    which reads for the tokens from the first run to the last."""
    sentences = sentence_runs(doc)
    starts = [start for start, _ in sentences]
    result: list[Window] = []
    for start, end in merged(runs):
        low = sentences[bisect.bisect_right(starts, max(start - context, 0)) - 1][0]
        last = min(end + context, len(doc)) - 1
        high = sentences[bisect.bisect_right(starts, last) - 1][1]
        if result and low <= result[-1].end:
            previous = result.pop()
            low, start = previous.start, previous.run[0]
        result.append(Window(low, high, (start, end)))
    return result
