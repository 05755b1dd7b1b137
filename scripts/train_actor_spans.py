# ruff: noqa: E402  (the BLAS thread count must be set before numpy is imported)
"""Train the actor span tagger (`mosaic_actor_spans_v1`): armed groups' names, known or not.

Run from the repository root (or `make train-actor-spans`):
    .venv/bin/python scripts/train_actor_spans.py [--seed 0] [--epochs 6]
        [--output src/mosaic/data/models/actor_spans] [--eval ../shared/eval]
        [--ucdp ...] [--muc4 ../shared/data/muc4] [--un-list ...] [--news-odd]
        [--word-vectors] [--embed-size 1500]

A spaCy NER with one label, GROUP, over a small hash-embedding CNN (~2 MB); with
`--word-vectors` it also reads the shared word vectors (`extract/models/word_vectors.py`),
attached before it is initialised and left out when it is saved.
Examples are sentences, tokenised as the pipeline tokenises a report, from the gold texts of
`dev/` and `dev-wiki/` (and with `--news-odd` the ODD half of `dev-news/`; the even half is
never read), the MUC-4 train messages (a `--muc4-share` of them) and the UN Security
Council list's narratives, read in place (`actor_span_sources.py`). A sentence's GROUP spans
are every place it names an armed group of the lists: the gazetteer's, UCDP's rebel groups,
the UN list's Al-Qaida and Taliban entities, the MUC-4 train keys' perpetrator organisations,
and a gold file's own group actors (perpetrators and relation parties that are no person).
Every labelled train sentence is copied with each name swapped for another group's name
(`--swaps` for gold sentences, `--distant-swaps` for the others; an acronym for an acronym),
so the tagger learns the shape and place of a name rather than the names. Sentences with a
capitalised word but no group are kept as negatives at `--negatives`. The dev set that
picks the best epoch: MUC-4 TST1+TST2, one UN narrative in ten and one gold file in ten (by
a hash of its name); the MUC-4 test split is never read.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import hashlib
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.extract.entities.gazetteer import Gazetteer, is_case_sensitive
from mosaic.extract.models.actor_spans import LABEL
from mosaic.extract.models.word_vectors import (
    ATTACH_CALLBACK,
    attach_word_vectors,
    save_without_word_vectors,
)
from mosaic.extract.pipeline import MODEL, build_recaser
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.surface import Recaser, prepare_text, stems
from mosaic.model import EntityKind

sys.path.insert(0, str(Path(__file__).resolve().parent))
import actor_span_sources as sources
from actor_span_sources import SourceText

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = ("dev", "dev-wiki", "dev-news")
PERSON_RELATIONS = frozenset({"leader_of", "member_of"})
CONFIG = (Path(__file__).resolve().parent / "train_roles.py").read_text(encoding="utf-8")
CONFIG = CONFIG.split('CONFIG = """', 1)[1].split('"""', 1)[0]
CONFIG = CONFIG.replace("width = 96", "width = 64")


def training_config(embed_size: int, word_vectors: bool) -> str:
    """The NER's config: hash embeddings of `embed_size` rows a feature, and with
    `word_vectors` the shared table's vectors beside them (attached before initialising)."""
    config = CONFIG.replace("embed_size = 2000", f"embed_size = {embed_size}")
    if word_vectors:
        config = config.replace("pretrained_vectors = null", "pretrained_vectors = true")
        config = config.replace(
            "before_init = null", f'before_init = {{"@callbacks": "{ATTACH_CALLBACK}"}}'
        )
    return config


def allowed_gold(eval_root: Path, news_odd: bool) -> list[GoldDocument]:
    """dev and dev-wiki, and with `news_odd` dev-news's odd-numbered passages; never the even."""
    documents = []
    for name in GOLD_SETS:
        if name == "dev-news" and not news_odd:
            continue
        for document in load_gold_dir(eval_root / name):
            number = re.search(r"(\d+)", document.path.stem)
            if name == "dev-news" and (number is None or int(number[1]) % 2 == 0):
                continue
            documents.append(document)
    return documents


def gold_group_names(gold: dict[str, Any], gazetteer: Gazetteer) -> set[str]:
    """Every name of the file's group actors: perpetrators and relation parties that are
    neither a person (leader, member) nor a gazetteer person or state body."""
    names: list[list[str]] = []
    for event in gold.get("events", []):
        names += event.get("perpetrators") or []
    for relation in gold.get("relations", []):
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


def name_pattern(names: set[str]) -> re.Pattern[str]:
    """Any of the names as whole words; the case-sensitive ones as written."""

    def one(name: str) -> str:
        words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name.strip()))
        return words if is_case_sensitive(name) else f"(?i:{words})"

    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(one(n) for n in alternatives) + r")(?![\w-])")


class Labeller:
    """Cuts texts into sentences, tokenised as the pipeline tokenises a report, with every
    place they name an armed group of the lists as a GROUP entity."""

    def __init__(self, tokenizer: Language, names: set[str]) -> None:
        self.tokenizer = tokenizer
        self.names = names
        self.pattern = name_pattern(names)
        self.splitter = spacy.blank("en")
        self.splitter.add_pipe("sentencizer")

    def sentences(self, text: str, extra: frozenset[str] | set[str] = frozenset()) -> Iterator[Doc]:
        """Each sentence of `text` with its group names (those of `extra` too) as entities.
        A name must open with a capital or a particle ("al-"): "the front" is no name."""
        tokens = self.tokenizer.make_doc(text)
        doc = Doc(
            self.splitter.vocab,
            words=[t.text for t in tokens],
            spaces=[bool(t.whitespace_) for t in tokens],
        )
        pattern = name_pattern(self.names | extra) if extra else self.pattern
        spans = []
        for match in pattern.finditer(text):
            if match.group(0)[:1].isupper() or re.match(r"[a-z]{1,3}-[A-Z]", match.group(0)):
                spans.append(doc.char_span(*match.span(), label=LABEL))
        doc.ents = filter_spans([s for s in spans if s is not None])
        for sent in self.splitter(doc).sents:
            if sent.text.strip():
                yield sent.as_doc()


def gold_texts(
    args: argparse.Namespace, recaser: Recaser
) -> Iterator[tuple[SourceText, dict[str, Any]]]:
    """The allowed gold passages, prepared as the pipeline prepares a report; one in ten
    (by a hash of its name) is the dev split."""
    for document in allowed_gold(args.eval, args.news_odd):
        split = "dev" if hashlib.sha1(document.path.stem.encode()).digest()[0] < 26 else "train"
        text = prepare_text(document.text, recaser)
        yield SourceText(document.path.stem, text, split), document.data


def recased_muc4(
    source: SourceText,
    recaser: Recaser,
    names: re.Pattern[str],
    forms: dict[str, str],
    is_common: Callable[[str], bool],
) -> SourceText:
    """A MUC-4 message as the pipeline prepares it (the Recaser), with every group name of
    the lists written as news writes it ("Farabundo Marti National Liberation Front", "FMLN"):
    the Recaser cannot tell a name's words from English ones. A name of one English word
    ("IS", "Union") is left to the Recaser: in capitals it is mostly the word."""
    prepared = list(prepare_text(source.text, recaser))
    for match in names.finditer(source.text):
        form = forms.get(match.group(0).lower())
        if form is None or len(form) != len(match.group(0)):
            continue
        if " " in form or "-" in form or not is_common(form.lower()):
            prepared[match.start() : match.end()] = form
    return SourceText(source.doc_id, "".join(prepared), source.split)


def muc4_sources(
    args: argparse.Namespace,
    recaser: Recaser,
    names: set[str],
    forms: dict[str, str],
    is_common: Callable[[str], bool],
) -> Iterator[SourceText]:
    """The MUC-4 train messages (train) and TST1+TST2 (dev); the test split is never read."""
    upper = re.compile(name_pattern({n.upper() for n in names}).pattern, re.IGNORECASE)
    keys = args.muc4 / "keys_json"
    parts = [("dev", "train"), ("tst1", "dev"), ("tst2", "dev")]
    for part, split in parts:
        for source in sources.muc4_texts(keys / f"{part}.jsonl", split):
            yield recased_muc4(source, recaser, upper, forms, is_common)


def is_candidate(sentence: Doc) -> bool:
    """A sentence with a capitalised word after its first: one the tagger could go wrong on."""
    return any((t.is_title or t.is_upper) and t.is_alpha for t in sentence[1:])


class Corpus:
    """The labelled sentences of each split, with swapped copies of the train split's."""

    def __init__(self, args: argparse.Namespace, pools: dict[str, list[str]]) -> None:
        self.args, self.pools = args, pools
        self.draw = random.Random(args.seed)
        self.bins = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False)}
        self.counts: Counter[str] = Counter()

    def add(self, source: str, split: str, sentence: Doc, swaps: int) -> None:
        if sentence.ents:
            self.bins[split].add(sentence)
            self.counts[f"{split} {source} names"] += len(sentence.ents)
            self.counts[f"{split} {source} labelled"] += 1
            if split == "train":
                for _ in range(swaps):
                    self.bins[split].add(swapped(sentence, self.pools, self.draw))
        elif is_candidate(sentence) and self.draw.random() < self.args.negatives:
            self.bins[split].add(sentence)
            self.counts[f"{split} {source} negatives"] += 1


def write_corpora(args: argparse.Namespace, work: Path) -> None:
    parser = spacy.load(MODEL)
    tokenizer = spacy.load(
        MODEL, exclude=["parser", "ner", "lemmatizer", "tagger", "attribute_ruler"]
    )
    gazetteer = Gazetteer.default()
    recaser: Recaser = build_recaser(parser, gazetteer, PlaceTable.default())

    def is_common(word: str) -> bool:
        return any(stem in recaser.common_words for stem in stems(word))

    known = gazetteer_group_names(gazetteer)
    ucdp = sources.ucdp_names(args.ucdp)
    un = sources.un_group_names(args.un_list)
    mixed = {n for n in [*known, *ucdp["all"], *un] if not n.isupper() or len(n) <= 6}
    forms = {n.lower(): n for n in sorted(mixed, key=lambda n: n.isupper())}
    muc = [
        n
        for n in sources.muc4_perpetrator_names(args.muc4 / "keys_json" / "dev.jsonl")
        if n.lower() in forms or not sources.is_generic(n, is_common)
    ]
    acronyms = {n for n in muc if " " not in n and len(n) <= 6}
    cased_muc = {sources.cased(n, forms, acronyms) for n in muc}
    forms.update({n.lower(): n for n in cased_muc if n.lower() not in forms})
    names = {
        n
        for n in known | set(ucdp["all"]) | set(un) | cased_muc
        if " " in n or "-" in n or is_case_sensitive(n) or not is_common(n.lower())
    }
    labeller = Labeller(tokenizer, names)
    pools = {
        "name": [
            re.sub(r"^The ", "", n)
            for n in ucdp["full"] + sorted(known) + [n for n in un if not n.isupper()]
        ],
        "acronym": sorted(
            {
                n
                for n in names
                if re.fullmatch(r"[A-Z][A-Za-z]{1,5}", n) and sum(c.isupper() for c in n) >= 2
            }
        ),
    }
    corpus = Corpus(args, pools)
    for source, gold in gold_texts(args, recaser):
        for sentence in labeller.sentences(source.text, gold_group_names(gold, gazetteer)):
            corpus.add("gold", source.split, sentence, args.swaps)
    if args.muc4_share > 0:
        for source in muc4_sources(args, recaser, names, forms, is_common):
            if source.split == "dev" or corpus.draw.random() < args.muc4_share:
                for sentence in labeller.sentences(source.text):
                    corpus.add("muc4", source.split, sentence, args.distant_swaps)
    if args.un_list_texts:
        for source in sources.un_texts(args.un_list):
            for sentence in labeller.sentences(source.text):
                corpus.add("un", source.split, sentence, args.distant_swaps)
    for split, bin_ in corpus.bins.items():
        bin_.to_disk(work / f"{split}.spacy")
        print(f"{split}: {len(bin_)} sentences", file=sys.stderr)
    for key, count in sorted(corpus.counts.items()):
        print(f"  {key}: {count}", file=sys.stderr)


def swapped(line: Doc, pools: dict[str, list[str]], draw: random.Random) -> Doc:
    """The sentence with each GROUP name replaced by one drawn from the pools: an acronym
    for an acronym, a name of words for a name of words."""
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int]] = []
    cursor = 0
    for ent in line.ents:
        words += [t.text for t in line[cursor : ent.start]]
        spaces += [bool(t.whitespace_) for t in line[cursor : ent.start]]
        is_acronym = len(ent) == 1 and sum(c.isupper() for c in ent.text) >= 2
        new = draw.choice(pools["acronym" if is_acronym else "name"]).split()
        ents.append((len(words), len(words) + len(new)))
        words += new
        spaces += [True] * (len(new) - 1) + [bool(line[ent.end - 1].whitespace_)]
        cursor = ent.end
    words += [t.text for t in line[cursor:]]
    spaces += [bool(t.whitespace_) for t in line[cursor:]]
    doc = Doc(line.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, a, b, label=LABEL) for a, b in ents]
    return doc


def train(args: argparse.Namespace) -> None:
    from spacy.cli.train import train as spacy_train

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_corpora(args, work)
        config_text = training_config(args.embed_size, args.word_vectors)
        (work / "config.cfg").write_text(config_text, encoding="utf-8")
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
        if args.word_vectors:
            best = spacy.load(work / "out" / "model-best")
            attach_word_vectors(best.vocab)
            save_without_word_vectors(best, args.output)
        else:
            shutil.copytree(work / "out" / "model-best", args.output)
    config = spacy.util.load_config(args.output / "config.cfg")
    config["paths"].update({"train": None, "dev": None})
    config["initialize"]["before_init"] = None  # the loader attaches the table itself
    config.to_disk(args.output / "config.cfg")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--ucdp", type=Path, default=ROOT.parent / "shared/data/ucdp/ucdp-actor-221.csv"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "src/mosaic/data/models/actor_spans")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--muc4", type=Path, default=ROOT.parent / "shared/data/muc4")
    parser.add_argument(
        "--un-list",
        type=Path,
        default=ROOT.parent
        / "shared/data/gazetteer/un_sc_consolidated_list/un_sc_consolidated_2020-03-20.xml",
    )
    parser.add_argument("--swaps", type=int, default=2, help="gold copies with names swapped")
    parser.add_argument("--distant-swaps", type=int, default=1, help="the same, distant texts")
    parser.add_argument(
        "--negatives", type=float, default=0.2, help="share of sentences with no group kept"
    )
    parser.add_argument(
        "--word-vectors",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="read the shared word vectors beside the hash embeddings",
    )
    parser.add_argument("--embed-size", type=int, default=1500, help="hash embedding rows")
    parser.add_argument("--muc4-share", type=float, default=0.4, help="share of MUC-4 train texts")
    parser.add_argument("--no-un-list-texts", dest="un_list_texts", action="store_false")
    parser.add_argument(
        "--news-odd", action="store_true", help="also the odd half of dev-news (never the even)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train(args)
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
