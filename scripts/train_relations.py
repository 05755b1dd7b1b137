# ruff: noqa: E402  (the BLAS thread count must be set before numpy is imported)
"""Train the relation classifier (`mosaic_relations_v2`) on the gold sets, on CPU.

Run from the repository root:
    .venv/bin/python scripts/train_relations.py [--gold ../shared/eval/dev ...]
        [--holdout DIR] [--epochs 12] [--seed 0] [--output src/mosaic/data/models/relations]

Examples: every pair of group or person mentions of a sentence, found and linked by the
shipped pipeline exactly as at run time, read as `relation_classifier.pair_text` reads it. A pair
is labelled with a gold relation of its document when the two mentions match the relation's
subject and object (FORMAT.md's NAME match) and the sentence overlaps the relation's
evidence; it is "none" when it matches no gold relation at all; a pair whose names match a
relation stated elsewhere in the document is left out (the sentence may or may not state
it). The default gold is dev, dev-wiki and the odd-numbered half of dev-news: even-numbered
dev-news and training/written-news files (nNNN.json, tNNN.json: news-even and written-check)
are skipped wherever they are found, and a folder named for a check or held-out set (even,
check, heldout, sealed, reserve, spare, backup, next, later, after, queued) is refused.
The written sentences of `relation_phrasings.txt` add the common ways of saying each
relation (and pairs that hold none), each filled with names of the shipped gazetteer's armed
groups and people, and each also told as a source's words and after a sentence naming the
group it then calls "the group" or "its" (`told_otherwise`). Distant
supervision adds the gazetteer's own descriptions, each said of its record's name ("X is
an Egyptian physician who led al-Qaeda"), whose pairs are labelled by the relations the
gazetteer records between the two records (none where it records none). `--un-list FILE`
adds the UN sanctions list's narratives the same way (`un_narratives.py`): pairs labelled
by the gazetteer's relations, left out where it records none; off by default, as it did not
improve the two-fold cross-validation (DEVELOPERS.md).

`--holdout DIR` trains without that folder's documents (matched by file name, so that a
folder of links to dev-news files is left out of dev-news) and prints, per threshold, the
precision and recall of the pairs it labels there; `THRESHOLD` was then picked by scoring
the pipeline with that model on the odd half (`mosaic eval`). The model is written to
`--output`.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import minibatch
from un_narratives import un_narratives

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.evaluation.names import names_match
from mosaic.extract.dates.document import doc_dates
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.models.relation_classifier import (
    NONE_LABEL,
    MentionPair,
    label_of,
    likeliest_relation,
    mention_pairs,
    pair_doc,
    pair_text,
    relation_labels,
)
from mosaic.extract.models.word_vectors import (
    attach_word_vectors,
    reads_word_vectors,
    save_without_word_vectors,
)
from mosaic.extract.pipeline import Extractor, load_extractor
from mosaic.extract.text.sentences import SentenceContext, build_contexts
from mosaic.model import EntityKind, RelationType, Report

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = tuple(SHARED / "eval" / name for name in ("dev", "dev-wiki", "dev-news"))
CHECK_HALF_FILE = re.compile(r"^[nt](\d+)$")
"""dev-news (nNNN) and written-news (tNNN) gold files: only the odd-numbered ones are read,
the even-numbered ones being the halves a change is checked on."""
NEVER_TRAINED = (
    "even",
    "check",
    "heldout",
    "sealed",
    "reserve",
    "spare",
    "backup",
    "next",
    "later",
    "after",
    "queued",
)
"""Folders whose name holds one of these are never trained or tuned on."""
PHRASINGS = Path(__file__).with_name("relation_phrasings.txt")
TEXTCAT = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 3,
    "no_output_layer": False,
    "length": 2**15,
}
ARCHITECTURES = ("bow", "ensemble", "ensemble-vectors", "reduce-vectors")
"""What the classifier reads with: the bag-of-ngrams alone; beside a small CNN over the
words (ensemble), or over the words and the shipped word vectors (ensemble-vectors); or
the CNN over words and vectors alone, its mean and max pooled (reduce-vectors)."""
Labelled = tuple[str, str]


def classifier_model(architecture: str, width: int = 64) -> dict[str, Any]:
    """The spaCy config of the text classifier's model."""
    if architecture == "bow":
        return TEXTCAT
    tok2vec = _tok2vec(width, static_vectors=architecture.endswith("-vectors"))
    if architecture.startswith("reduce"):
        return {"@architectures": "spacy.TextCatReduce.v1", "tok2vec": tok2vec,
                "exclusive_classes": True, "use_reduce_first": False, "use_reduce_last": False,
                "use_reduce_max": True, "use_reduce_mean": True, "nO": None}  # fmt: skip
    return {"@architectures": "spacy.TextCatEnsemble.v2", "nO": None, "linear_model": TEXTCAT,
            "tok2vec": tok2vec}  # fmt: skip


def reads_vectors(architecture: str) -> bool:
    """Whether the model reads the shipped word vectors (spaCy's static vectors)."""
    return architecture.endswith("-vectors")


def _tok2vec(width: int, static_vectors: bool) -> dict[str, Any]:
    """A small CNN over each word's hashed features (and its word vector)."""
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": width,
            "rows": [2000, 1000, 500, 500],
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "include_static_vectors": static_vectors,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": width,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    }


def main() -> None:
    args = _arguments()
    started = time.time()
    extractor = load_extractor()
    held = {p.stem for p in args.holdout.glob("*.json")} if args.holdout else set()
    train = [item for d in args.gold for item in examples_of(d, extractor, held)]
    train += written_examples(PHRASINGS, extractor, args.fillings, random.Random(args.seed))
    if not args.no_descriptions:
        train += described_examples(extractor)
    if args.un_list is not None:
        train += narrative_examples(extractor, args.un_list)
    print(f"{len(train)} pairs, labels {Counter(label for _, label in train)}", file=sys.stderr)
    nlp = train_classifier(train, args.epochs, args.seed, args.architecture, args.width,
                           args.dropout)  # fmt: skip
    if args.holdout is not None:
        report_thresholds(nlp, examples_of(args.holdout, extractor))
    save(nlp, args.output)
    print(f"done in {time.time() - started:.0f} s", file=sys.stderr)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=list(DEFAULT_GOLD))
    parser.add_argument("--holdout", type=Path, default=None)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-descriptions",
        action="store_true",
        help="leave out the gazetteer's descriptions (distant supervision)",
    )
    parser.add_argument(
        "--un-list",
        type=Path,
        default=None,
        help="the UN sanctions list's XML: its narratives, labelled by the gazetteer's relations",
    )
    parser.add_argument("--architecture", choices=ARCHITECTURES, default="bow")
    parser.add_argument("--width", type=int, default=64, help="the CNN's width (not bow)")
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--fillings", type=int, default=6, help="names per written sentence")
    parser.add_argument("--output", type=Path, default=ROOT / "src/mosaic/data/models/relations")
    args = parser.parse_args()
    for folder in [*args.gold, *([args.holdout] if args.holdout else [])]:
        if any(word in folder.name for word in NEVER_TRAINED):
            parser.error(f"{folder}: a check or held-out set is never trained or tuned on")
    return args


def examples_of(gold_dir: Path, extractor: Extractor, held: Collection[str] = ()) -> list[Labelled]:
    """The labelled pair texts of every document of a gold folder, but those held out (by
    file name: a held-out folder may hold links to the gold files)."""
    found: list[Labelled] = []
    for document in load_gold_dir(gold_dir):
        if document.path.stem in held:
            continue
        if (half := CHECK_HALF_FILE.match(document.path.stem)) and int(half.group(1)) % 2 == 0:
            continue
        for context in contexts_of(document, extractor):
            found += labelled_pairs(context, document.data.get("relations", []), document.text)
    return found


def written_examples(
    path: Path, extractor: Extractor, fillings: int, rng: random.Random
) -> list[Labelled]:
    """The labelled pairs of the written sentences, each filled `fillings` times with names
    of the shipped gazetteer's armed groups and people."""
    records = extractor.linker.gazetteer.records
    groups = [r.names for r in records if r.category == "armed_group"]
    people = [r.names for r in records if r.kind is EntityKind.PERSON and " " in r.name]
    reports, relations = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, written = line.split("\t")
        kind, subject, obj = head.split()
        told = [written] * fillings + told_otherwise(written, rng)
        for sentence in told:
            names = _fill(rng, groups, people)
            reports.append(Report(text=sentence.format(**{k: v[0] for k, v in names.items()})))
            relations.append([] if kind == NONE_LABEL else [
                {"type": kind, "subject": names[subject][1], "object": names[obj][1],
                 "evidence": reports[-1].text}])  # fmt: skip
    docs = extractor.nlp.pipe(extractor.prepare(r) for r in reports)
    found: list[Labelled] = []
    for report, doc, gold in zip(reports, docs, relations, strict=True):
        mentions = extractor.linker.link(doc)
        for context in build_contexts(doc, report.text, mentions, doc_dates(doc)):
            found += labelled_pairs(context, gold, report.text)
    return found


LEADS = (
    "{G} has been active in the area for years.",
    "{G} said it carried out the bombing.",
    "Police blamed {G} for the ambush.",
    "{G} was banned in 2010.",
)
"""Sentences naming {G} before a written sentence that calls it "the group" or "its"."""
SOURCES = ("Officials said", "According to police,", "Analysts say", "A statement said")
"""What a written sentence may be told as."""


def told_otherwise(template: str, rng: random.Random) -> list[str]:
    """The written sentence told two more ways, so that the model learns the form rather
    than one wording: after a sentence naming {G}, with {G} itself as "the group" (or
    "its"), where no other group is named before it; and as what a source said."""
    told = [f"{rng.choice(SOURCES)} {_lower_first(template)}"]
    at, other = template.find("{G}"), template.find("{H}")
    if at >= 0 and not 0 <= other < at:
        owned = template.startswith("'s", at + 3)
        referred = template.replace("{G}'s" if owned else "{G}", "its" if owned else "the group", 1)
        told.append(f"{rng.choice(LEADS)} {_upper_first(referred)}")
    return told


def _lower_first(text: str) -> str:
    return text if text.startswith("{") else text[0].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


def described_examples(extractor: Extractor) -> list[Labelled]:
    """Distant supervision: each gazetteer record's description, said of its name ("X is
    an Egyptian physician who led al-Qaeda"), its pairs labelled by the relations the
    gazetteer records between the two (none where it records none)."""
    records = extractor.linker.gazetteer.records
    texts = [_described(r.name, r.description) for r in records if r.description]
    return known_pairs(extractor, texts)


def narrative_examples(extractor: Extractor, un_list: Path) -> list[Labelled]:
    """Distant supervision: the UN sanctions list's narratives (`un_narratives`), each pair
    labelled by the relation the gazetteer records between its two records, and left out
    where it records none (the list cites an entry only where the two are tied)."""
    texts = un_narratives(un_list, extractor.linker.gazetteer)
    return [(text, label) for text, label in known_pairs(extractor, texts) if label != NONE_LABEL]


def known_pairs(extractor: Extractor, texts: Iterable[str]) -> list[Labelled]:
    """Every mention pair of the texts, labelled by the relation the gazetteer records
    between the two records (none where it records none)."""
    records = extractor.linker.gazetteer.records
    known = {(r.key, rel.object_key): rel.type for r in records for rel in r.relations}
    reports = [Report(text=text) for text in texts]
    docs = extractor.nlp.pipe(extractor.prepare(r) for r in reports)
    found: list[Labelled] = []
    for report, doc in zip(reports, docs, strict=True):
        mentions = extractor.linker.link(doc)
        for context in build_contexts(doc, report.text, mentions, doc_dates(doc)):
            for pair in mention_pairs(context):
                found.append((pair_text(context, pair), _known_label(pair, known)))
    return found


def _described(name: str, description: str) -> str:
    text = description[0].lower() + description[1:]
    article = (
        "" if text.startswith(("the ", "a ", "an ")) else "an " if text[0] in "aeiou" else "a "
    )
    return f"{name} is {article}{text}"


def _known_label(pair: MentionPair, known: dict[tuple[str, str], RelationType]) -> str:
    first = pair.first.ref.key if pair.first.ref else None
    second = pair.second.ref.key if pair.second.ref else None
    if (first, second) in known:
        return label_of(known[(str(first), str(second))], True)
    if (second, first) in known:
        return label_of(known[(str(second), str(first))], False)
    return NONE_LABEL


def _fill(
    rng: random.Random, groups: list[tuple[str, ...]], people: list[tuple[str, ...]]
) -> dict[str, tuple[str, list[str]]]:
    """A name for each slot: the form written, and every name of its record."""
    g, h = rng.sample(groups, 2)
    p, q = rng.sample(people, 2)
    return {slot: (rng.choice(names[:3]), list(names)) for slot, names in
            (("G", g), ("H", h), ("P", p), ("Q", q))}  # fmt: skip


def contexts_of(document: GoldDocument, extractor: Extractor) -> list[SentenceContext]:
    published = dt.date.fromisoformat(document.published) if document.published else None
    report = Report(text=document.text, published=published, source_path=str(document.path))
    doc = extractor.nlp(extractor.prepare(report))
    mentions = extractor.linker.link(doc)
    return build_contexts(doc, report.text, mentions, doc_dates(doc))


def labelled_pairs(
    context: SentenceContext, relations: list[dict[str, Any]], text: str
) -> Iterator[Labelled]:
    start, end = context.evidence.start, context.evidence.end
    for pair in mention_pairs(context):
        label = pair_label(pair, relations, text, (start, end))
        if label is not None:
            yield pair_text(context, pair), label


def pair_label(
    pair: MentionPair, relations: list[dict[str, Any]], text: str, sentence: tuple[int, int]
) -> str | None:
    """The gold label of the pair in this sentence; None where it cannot be told."""
    unclear = False
    for relation in relations:
        kind = RelationType(relation["type"])
        for subject_first in (True, False):
            subject, obj = (pair.first, pair.second) if subject_first else (pair.second, pair.first)
            if not (_names(subject, relation["subject"]) and _names(obj, relation["object"])):
                continue
            if _states(relation.get("evidence", ""), text, sentence):
                return label_of(kind, subject_first)
            unclear = True
    return None if unclear else NONE_LABEL


def _names(mention: EntityMention, gold: object) -> bool:
    names = [mention.text, *(mention.ref.names if mention.ref else ())]
    return names_match(names, gold)


def _states(evidence: str, text: str, sentence: tuple[int, int]) -> bool:
    """Whether the evidence quote overlaps the sentence (any of its occurrences)."""
    at = text.find(evidence) if evidence else -1
    while at >= 0:
        if at < sentence[1] and at + len(evidence) > sentence[0]:
            return True
        at = text.find(evidence, at + 1)
    return False


def train_classifier(
    train: list[Labelled],
    epochs: int,
    seed: int,
    architecture: str = "bow",
    width: int = 64,
    dropout: float = 0.2,
) -> Language:
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    if reads_vectors(architecture):
        attach_word_vectors(nlp.vocab)
    model = classifier_model(architecture, width)
    textcat = nlp.add_pipe("textcat", config={"model": model})
    labels = relation_labels()
    for label in labels:
        textcat.add_label(label)  # type: ignore[attr-defined]
    data = [Example.from_dict(pair_doc(nlp.vocab, text), {"cats": _cats(label, labels)})
            for text, label in train]  # fmt: skip
    optimizer = nlp.initialize(lambda: data)
    for epoch in range(epochs):
        random.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses['textcat']:.2f}", file=sys.stderr)
    return nlp


def _cats(label: str, labels: list[str]) -> dict[str, float]:
    return {name: float(name == label) for name in labels}


def report_thresholds(nlp: Language, held: list[Labelled]) -> None:
    """Precision and recall of the related pairs on held-out gold, per threshold."""
    predicted = []
    docs = nlp.pipe(pair_doc(nlp.vocab, text) for text, _ in held)
    for (_text, gold), doc in zip(held, docs, strict=True):
        label, probability = likeliest_relation(doc.cats)
        predicted.append((gold, label, probability))
    positives = sum(gold != NONE_LABEL for gold, _, _ in predicted)
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        said = [(g, p) for g, p, prob in predicted if p != NONE_LABEL and prob >= threshold]
        right = sum(g == p for g, p in said)
        precision, recall = right / max(len(said), 1), right / max(positives, 1)
        print(f"threshold {threshold:.1f}: said {len(said)}, right {right}, gold {positives}, "
              f"P {precision:.2f} R {recall:.2f}")  # fmt: skip


def save(nlp: Language, output: Path) -> None:
    if output.exists():
        shutil.rmtree(output)
    nlp.meta["name"] = "mosaic_relations"
    nlp.meta["description"] = "Relation classifier over marked actor pairs (train_relations.py)"
    if reads_word_vectors(nlp):
        save_without_word_vectors(nlp, output)
    else:
        nlp.to_disk(output)


if __name__ == "__main__":
    main()
