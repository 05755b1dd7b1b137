# ruff: noqa: E402  (the BLAS thread count must be set before numpy is imported)
"""Train the actor span tagger (`mosaic_actor_spans_v1`): armed groups' names, known or not.

Run from the repository root (or `make train`):
    .venv/bin/python scripts/train_actor_spans.py [--seed 0] [--epochs 12]
        [--output src/mosaic/data/models/actor_spans] [--eval ../shared/eval]
        [--ucdp ../shared/data/ucdp/ucdp-actor-221.csv]

A spaCy NER with one label, GROUP, over a small hash-embedding CNN (no vectors, ~3 MB).
Examples are the lines of the allowed gold texts (`dev/`, `dev-wiki/` and the ODD half of
`dev-news/`; the even half is never read), prepared and tokenised as the pipeline prepares a
report. A line's GROUP spans are every place its text names (a) a group actor of that
file's gold (perpetrators and relation parties that are no person) or (b) an armed group of
the shipped gazetteer, under any of its names. Distant supervision for names never seen:
every labelled line is copied twice with each group name swapped for another armed group's
name, drawn from the UCDP actor list's rebel groups (read in place) and the gazetteer, so
the tagger learns the shape and place of a name rather than the names. Lines with no group
but a cue word ("militants", "claimed") are kept as negatives at `--negatives`. One gold
document in ten (by a hash of its id) is the dev set that picks the best epoch.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import csv
import hashlib
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.extract.entities.gazetteer import Gazetteer, is_case_sensitive
from mosaic.extract.models.actor_spans import CUE_WORDS, LABEL
from mosaic.extract.pipeline import MODEL, build_recaser
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.surface import Recaser, prepare_text
from mosaic.model import EntityKind

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = ("dev", "dev-wiki", "dev-news")
PERSON_RELATIONS = frozenset({"leader_of", "member_of"})
CONFIG = (Path(__file__).resolve().parent / "train_roles.py").read_text(encoding="utf-8")
CONFIG = CONFIG.split('CONFIG = """', 1)[1].split('"""', 1)[0]
CONFIG = CONFIG.replace("width = 96", "width = 64").replace(
    "embed_size = 2000", "embed_size = 1500"
)


def allowed_gold(eval_root: Path) -> list[GoldDocument]:
    """dev and dev-wiki, and dev-news's odd-numbered passages only."""
    documents = []
    for name in GOLD_SETS:
        for document in load_gold_dir(eval_root / name):
            number = re.search(r"(\d+)", document.path.stem)
            if name == "dev-news" and (number is None or int(number[1]) % 2 == 0):
                continue
            documents.append(document)
    return documents


def gold_group_names(gold: dict[str, object], gazetteer: Gazetteer) -> set[str]:
    """Every name of the file's group actors: perpetrators and relation parties that are
    neither a person (leader, member) nor a gazetteer person or state body."""
    names: list[list[str]] = []
    for event in gold.get("events", []):  # type: ignore[union-attr]
        names += event.get("perpetrators") or []
    for relation in gold.get("relations", []):  # type: ignore[union-attr]
        if relation["type"] not in PERSON_RELATIONS:
            names.append(relation["subject"])
        names.append(relation["object"])
    found: set[str] = set()
    for aliases in names:
        records = [r for alias in aliases for r in gazetteer.lookup(alias)]
        if any(r.kind is EntityKind.PERSON or r.category != "armed_group" for r in records):
            continue
        if records or any(w[:1].isupper() for w in aliases[0].split()):
            found.update(alias for alias in aliases if len(alias) > 2)
    return found


def gazetteer_group_names(gazetteer: Gazetteer) -> set[str]:
    return {
        name
        for record in gazetteer.records
        if record.kind is EntityKind.ORGANIZATION and record.category == "armed_group"
        for name in record.names
        if len(name) > 3 or is_case_sensitive(name)
    }


def ucdp_group_names(path: Path) -> list[str]:
    """Rebel groups' full English names from the UCDP actor list: two to eight words."""
    names = []
    with path.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            name = row["NameOrigFullEng"].strip()
            if (
                row["Org"] == "1"
                and 2 <= len(name.split()) <= 8
                and re.fullmatch(r"[\w' -]+", name)
            ):
                names.append(name)
    return sorted(set(names))


def name_pattern(names: set[str]) -> re.Pattern[str]:
    """Any of the names as whole words; the case-sensitive ones as written."""

    def one(name: str) -> str:
        words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name.strip()))
        return words if is_case_sensitive(name) else f"(?i:{words})"

    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(one(n) for n in alternatives) + r")(?![\w-])")


def labelled_lines(doc: Doc, pattern: re.Pattern[str]) -> Iterator[Doc]:
    """Each non-empty line of `doc` with its group names as GROUP entities."""
    start = 0
    for token in [*doc, None]:
        if token is not None and not (token.is_space and "\n" in token.text):
            continue
        end = token.i if token is not None else len(doc)
        if end > start:
            line = doc[start:end].as_doc()
            spans = [line.char_span(*m.span(), label=LABEL) for m in pattern.finditer(line.text)]
            line.ents = filter_spans([s for s in spans if s is not None])
            yield line
        start = end + 1


def swapped(line: Doc, pool: list[str], draw: random.Random, vocab: object) -> Doc:
    """The line with each GROUP name replaced by a name drawn from `pool`."""
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int]] = []
    cursor = 0
    for ent in line.ents:
        words += [t.text for t in line[cursor : ent.start]]
        spaces += [bool(t.whitespace_) for t in line[cursor : ent.start]]
        new = draw.choice(pool).split()
        ents.append((len(words), len(words) + len(new)))
        words += new
        spaces += [True] * (len(new) - 1) + [bool(line[ent.end - 1].whitespace_)]
        cursor = ent.end
    words += [t.text for t in line[cursor:]]
    spaces += [bool(t.whitespace_) for t in line[cursor:]]
    doc = Doc(vocab, words=words, spaces=spaces)  # type: ignore[arg-type]
    doc.ents = [Span(doc, a, b, label=LABEL) for a, b in ents]
    return doc


def has_cue(line: Doc) -> bool:
    return any(t.lower_ in CUE_WORDS for t in line)


def write_corpora(args: argparse.Namespace, work: Path) -> None:
    nlp = spacy.load(MODEL, exclude=["parser", "ner", "lemmatizer", "tagger", "attribute_ruler"])
    gazetteer = Gazetteer.default()
    recaser: Recaser = build_recaser(spacy.load(MODEL), gazetteer, PlaceTable.default())
    known = gazetteer_group_names(gazetteer)
    pool = ucdp_group_names(args.ucdp) + sorted(known)
    vocab, draw = spacy.blank("en").vocab, random.Random(args.seed)
    bins = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False)}
    counts = {"train": 0, "dev": 0}
    for document in allowed_gold(args.eval):
        path, text, gold = document.path, document.text, document.data
        split = "dev" if hashlib.sha1(path.stem.encode()).digest()[0] < 26 else "train"
        pattern = name_pattern(known | gold_group_names(gold, gazetteer))
        tokens = nlp.make_doc(prepare_text(text, recaser))
        doc = Doc(
            vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens]
        )
        for line in labelled_lines(doc, pattern):
            if line.ents:
                bins[split].add(line)
                counts[split] += len(line.ents)
                if split == "train":
                    for _ in range(args.swaps):
                        bins[split].add(swapped(line, pool, draw, vocab))
            elif has_cue(line) and draw.random() < args.negatives:
                bins[split].add(line)
    for split, bin_ in bins.items():
        bin_.to_disk(work / f"{split}.spacy")
        print(f"{split}: {len(bin_)} lines, {counts[split]} gold-located names", file=sys.stderr)


def train(args: argparse.Namespace) -> None:
    from spacy.cli.train import train as spacy_train

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_corpora(args, work)
        (work / "config.cfg").write_text(CONFIG, encoding="utf-8")
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": args.seed,
            "training.max_epochs": args.epochs,
            "training.eval_frequency": 200,
        }
        spacy_train(work / "config.cfg", work / "out", use_gpu=-1, overrides=overrides)
        if args.output.exists():
            shutil.rmtree(args.output)
        shutil.copytree(work / "out" / "model-best", args.output)
    config = spacy.util.load_config(args.output / "config.cfg")
    config["paths"].update({"train": None, "dev": None})
    config.to_disk(args.output / "config.cfg")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--ucdp", type=Path, default=ROOT.parent / "shared/data/ucdp/ucdp-actor-221.csv"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "src/mosaic/data/models/actor_spans")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--swaps", type=int, default=2, help="copies with names swapped")
    parser.add_argument("--negatives", type=float, default=0.5, help="share of cue lines kept")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train(args)
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
