"""A parsed document's words copied into a trained tagger's own vocabulary.

The role tagger and the actor span tagger each read the words of a window or sentence as a
new Doc of their vocabulary, leaving the main pipeline's annotations as they are. The words
and the spaces after them are read from the document's arrays: iterating the span would
make a Token object for each word, which cost more than the copy itself.
"""

from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


def copy_words(words: Span, vocab: Vocab) -> Doc:
    """The words, each with the space after it or none, as a new Doc of `vocab`."""
    array = words.to_array([ORTH, SPACY])  # type: ignore[attr-defined]  # not in spaCy's stub
    strings = words.doc.vocab.strings
    texts = [strings[key] for key in array[:, 0].tolist()]
    return Doc(vocab, words=texts, spaces=array[:, 1].astype(bool).tolist())
