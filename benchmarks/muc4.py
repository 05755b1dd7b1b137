"""Mosaic on the MUC-4 terrorism corpus: GRIT's CEAF-REE over five roles, plus incident slots.

Run by hand: `.venv/bin/python benchmarks/muc4.py [--split dev|test] [--skip N] [--limit N]
[--json]`.
`--roles-model DIR` runs the pipeline with that role tagger (`scripts/train_roles.py
--output DIR`) in place of the shipped one, to compare candidates on dev.
The test split (TST3+TST4, 200 messages) is the one to report; tune on dev (TST1+TST2) or
train only. Each message is extracted from its original text in keys_json (with the
dateline; TST1-3 in capitals, TST4 in mixed case, lines hard-wrapped at ~70 characters).
`--text unwrapped` joins the wrapped lines first, `--text grit` uses GRIT's lower-cased,
unwrapped copy without the dateline; these only show how much text form costs, and the
default is what a user would feed Mosaic. The dateline's date is the publication date.

Figures printed:
- CEAF-REE (ceaf_ree.py): per role and micro P/R/F1 against GRIT's gold, as GRIT scores,
  and the micro figures of each part (TST3 capitals, TST4 mixed case), beside the
  published GRIT and TempGen test results. The extraction is read as role fillers by
  roles.py; `--attackers-from-evidence` adds attacker descriptions to PerpInd and
  `--weapons-from-evidence` the word list's weapons of evidence sentences to Weapon (both
  measure the adapter's word lists, not the pipeline: off by default).
- incident detection: per document, P/R/F1 of "has at least one incident event that
  relevance.py keeps" against "has at least one key template".
- date, country, place, effect, type (templates.py, incidents.py): the share of key templates
  (dev and test keys_json) matched by at least one incident event of the same document:
  date inside the key's span ("- D" = the week up to D), same country, a place named below
  the country, same set of {death, injury}; a template counts only where the key states
  the slot (no date "-", a city or finer, a DEATH or INJURY fill; for the type, an
  ACCOMPLISHED or ATTEMPTED incident of a type FORMAT.md's attack types map to, the map
  written in templates.py), and a confusion table of the key's type against the kind of
  the document's event best aligned with the template ("none": no incident event).
- killed, wounded (tolls.py): the share of key templates with a countable death (injury)
  figure matched by an incident event of the same document whose killed (wounded) figure
  agrees with it; the key's figure leaves out dead attackers, the pipeline follows
  dev-news's BRIEF.md (tolls.py says how each is read).
`--predictions FILE` scores a GRIT-format prediction file instead of running Mosaic: with
../shared/data/muc4/reference_predictions/grit_preds_s_t.out it reproduces GRIT's 54.50.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mosaic.evaluation.muc4 import (
    ROLES,
    CeafReeResult,
    IncidentScores,
    Muc4Document,
    RoleCounts,
    RoleFillers,
    incident_events,
    load_split,
    role_fillers,
)
from mosaic.evaluation.muc4.corpus import grit_number
from mosaic.evaluation.muc4.relevance import relevant_events
from mosaic.evaluation.muc4.templates import event_kind, key_types
from mosaic.model import Report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "muc4"

PUBLISHED: tuple[tuple[str, float | None, float | None, float, str], ...] = (
    ("GRIT", 64.19, 47.36, 54.50, "Du, Rush & Cardie, EACL 2021 (reproduced by --predictions)"),
    ("TempGen", None, None, 57.76, "Huang, Tang & Peng, EMNLP 2021 (test, CEAF-REE)"),
)
"""Published MUC-4 test scores with the same metric (../shared/data/SOURCES-REPORT.md)."""

_LINE_BREAK = re.compile(r"(?<!\n)\n(?![\n \t])")


@dataclass
class Run:
    """Scores of one run: CEAF-REE overall and per part (TST3, TST4...), incidents, fills."""

    ceaf: CeafReeResult = field(default_factory=CeafReeResult)
    parts: dict[str, CeafReeResult] = field(default_factory=dict)
    incidents: IncidentScores | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, document: Muc4Document, predicted: RoleFillers) -> None:
        self.ceaf.add_document(predicted, document.gold)
        part = document.doc_id.split("-")[0]
        self.parts.setdefault(part, CeafReeResult()).add_document(predicted, document.gold)


def run_mosaic(
    documents: list[Muc4Document],
    text: str,
    attackers: bool = False,
    weapons: bool = False,
    roles_model: Path | None = None,
) -> Run:
    """Extract every document with Mosaic's pipeline and score roles and incidents, with
    the role tagger of `roles_model` in place of the shipped one where given."""
    from mosaic.extract.models.cpu_ops import load_tagger
    from mosaic.extract.pipeline import load_extractor

    extractor = load_extractor()
    if roles_model is not None and extractor.roles is not None:
        extractor.roles.tagger = load_tagger(roles_model)
    reports = [_report(d, text) for d in documents]
    incidents = IncidentScores()
    run = Run(incidents=incidents)
    for document, report, extraction in zip(
        documents, reports, extractor.extract_many(reports), strict=True
    ):
        predicted = role_fillers(
            extraction,
            report.text,
            weapons_from_evidence=weapons,
            attackers_from_evidence=attackers,
            published=report.published,
        )
        run.add(document, predicted)
        events = relevant_events(incident_events(extraction), report.published)
        incidents.add_document(events, document.templates)
        run.rows.append(
            {
                "doc_id": document.doc_id,
                "events": len(events),
                "predicted": predicted,
                "kinds": [[event_kind(e), e.evidence.sentence] for e in events],
                "key_types": [key_types(t) for t in document.templates],
            }
        )
    return run


def unwrap(text: str) -> str:
    """The text with its hard line breaks inside paragraphs turned into spaces (same length)."""
    return _LINE_BREAK.sub(" ", text)


def _report(document: Muc4Document, text: str) -> Report:
    body = {"grit": document.grit_text, "unwrapped": unwrap(document.text)}.get(text, document.text)
    return Report(text=body, published=document.dateline, source_path=f"muc4:{document.doc_id}")


def score_predictions(documents: list[Muc4Document], path: Path) -> Run:
    """CEAF-REE of a GRIT-format prediction file (numeric ids, "pred_extracts")."""
    predictions = json.loads(path.read_text(encoding="utf-8"))
    run = Run()
    for document in documents:
        run.add(document, predictions[grit_number(document.doc_id)]["pred_extracts"])
    return run


def _figures(counts: RoleCounts) -> dict[str, float | int]:
    return {
        "p": round(100 * counts.precision, 2),
        "r": round(100 * counts.recall, 2),
        "f1": round(100 * counts.f1, 2),
        "matched": counts.matched,
        "predicted": counts.predicted,
        "gold": counts.gold,
    }


def summary(run: Run) -> dict[str, Any]:
    """Every figure of a run as plain JSON data."""
    ceaf, incidents = run.ceaf, run.incidents
    result: dict[str, Any] = {
        "documents": ceaf.documents,
        "ceaf_ree": {role: _figures(ceaf.roles[role]) for role in ROLES},
        "parts": {part: _figures(r.total) for part, r in sorted(run.parts.items())},
        "published": [
            {"system": name, "p": p, "r": r, "f1": f1, "source": source}
            for name, p, r, f1, source in PUBLISHED
        ],
    }
    result["ceaf_ree"]["micro"] = _figures(ceaf.total)
    if incidents is not None:
        result["detection"] = _figures(incidents.detection)
        result["slots"] = {
            slot: {"accuracy": round(100 * a.value, 2), "matched": a.matched, "counted": a.counted}
            for slot, a in incidents.slots.items()
        }
        result["type_confusion"] = _confusion(incidents)
    return result


def _confusion(incidents: IncidentScores) -> dict[str, dict[str, int]]:
    """Key type -> kind of the aligned event -> templates, rows and columns sorted."""
    table: dict[str, dict[str, int]] = {}
    for (key, kind), count in sorted(incidents.confusion.items()):
        table.setdefault(key, {})[kind] = count
    return table


def render_confusion(table: dict[str, dict[str, int]]) -> list[str]:
    """The confusion table as lines: one row per key type, one column per event kind."""
    kinds = sorted({kind for row in table.values() for kind in row})
    width = max((len(k) for k in table), default=4) + 2
    lines = ["type confusion (key type x kind of the aligned event):"]
    lines.append(" " * width + "".join(f"{k[:12]:>13}" for k in kinds))
    for key, row in table.items():
        lines.append(f"{key:<{width}}" + "".join(f"{row.get(k, 0):>13}" for k in kinds))
    return lines


def render(figures: dict[str, Any], title: str) -> str:
    """The run as a plain-text table, published results beside it."""
    lines = [title, f"{'role':<10}{'P':>8}{'R':>8}{'F1':>8}   matched/pred/gold"]
    for role, f in figures["ceaf_ree"].items():
        counts = f"{f['matched']}/{f['predicted']}/{f['gold']}"
        lines.append(f"{role:<10}{f['p']:>8.2f}{f['r']:>8.2f}{f['f1']:>8.2f}   {counts}")
    for part, f in figures["parts"].items():
        lines.append(
            f"  {part:<8}{f['p']:>8.2f}{f['r']:>8.2f}{f['f1']:>8.2f}   (micro, {part} only)"
        )
    lines.append("published (test split, same metric):")
    for row in figures["published"]:
        p = "-" if row["p"] is None else f"{row['p']:.2f}"
        r = "-" if row["r"] is None else f"{row['r']:.2f}"
        lines.append(f"  {row['system']:<8}{p:>8}{r:>8}{row['f1']:>8.2f}   {row['source']}")
    if "detection" in figures:
        d = figures["detection"]
        lines.append(
            f"incident detection (documents): P {d['p']:.2f}  R {d['r']:.2f}  F1 {d['f1']:.2f}"
        )
        lines.append("key templates matched by an extracted incident of the same document:")
        for slot, a in figures["slots"].items():
            lines.append(f"  {slot:<8}{a['accuracy']:>8.2f}%   {a['matched']}/{a['counted']}")
        lines.extend(render_confusion(figures["type_confusion"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["train", "dev", "test"], default="test")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the first N documents (before --limit)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON, with per-document fills")
    parser.add_argument(
        "--text",
        choices=["original", "unwrapped", "grit"],
        default="original",
        help="keys_json text as is, with line breaks joined, or GRIT's lower-cased copy",
    )
    parser.add_argument(
        "--attackers-from-evidence",
        action="store_true",
        help="add attacker descriptions of evidence sentences to PerpInd (roles.py)",
    )
    parser.add_argument(
        "--weapons-from-evidence",
        action="store_true",
        help="add the word list's weapons of evidence sentences to Weapon (roles.py)",
    )
    parser.add_argument("--predictions", type=Path, help="score a GRIT-format prediction file")
    parser.add_argument("--data", type=Path, default=DATA, help="the muc4 data folder")
    parser.add_argument(
        "--roles-model", type=Path, default=None, help="a role tagger's folder (default: shipped)"
    )
    args = parser.parse_args(argv)
    documents = load_split(args.data, args.split)[args.skip :]
    documents = documents[: args.limit]
    started = time.perf_counter()
    if args.predictions:
        run = score_predictions(documents, args.predictions)
    else:
        run = run_mosaic(
            documents,
            args.text,
            args.attackers_from_evidence,
            args.weapons_from_evidence,
            args.roles_model,
        )
    figures = summary(run)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        json.dump({**figures, "per_document": run.rows}, sys.stdout, indent=1)
        print()
    else:
        source = args.predictions.name if args.predictions else f"Mosaic, {args.text} text"
        if args.attackers_from_evidence and not args.predictions:
            source += ", attackers from evidence"
        if args.weapons_from_evidence and not args.predictions:
            source += ", weapons from evidence"
        title = f"MUC-4 {args.split}, {figures['documents']} documents, {source}"
        print(render(figures, f"{title} ({figures['seconds']} s)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
