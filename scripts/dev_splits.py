"""Make the folders of links that the tuning protocol of issue 11 scores (DEVELOPERS.md,
"Tuning protocol"), under one folder:

- `news-odd`, `news-even`: dev-news's odd-numbered passages (tune on them) and even-numbered
  ones (scored once at the end of a change set);
- `foldA`, `foldB`: the odd half's passages numbered 1 and 3 mod 4 (cross-validation);
- `written-tune`, `written-check`: the odd- and even-numbered passages of
  `training/written-news` (rules are written from the first; the second's summary shows
  whether they carry over);
- `written-fresh`: every passage of `training/written-fresh`, a held-out check until the
  session of 2026-12-07 (third of that day) folded it into tuning: read it freely;
- `written-folded`: every passage of `training/written-heldout`, written in that session as
  the check that keep-or-revert decisions were made on, worn by four sessions of them and
  folded into tuning by the fifth session of 2026-12-07: read it freely, as `written-tune`;
- `written-reserve`: every passage of `training/written-reserve`, written in the fourth
  session of 2026-12-07, the check keep-or-revert decisions were made on in the fifth, and
  folded into tuning by the sixth: read it freely, as `written-tune`;
- `written-spare`: every passage of `training/written-spare`, written in the fifth session of
  2026-12-07, the check keep-or-revert decisions were made on in the sixth, and folded into
  tuning by the seventh: read it freely, as `written-tune`;
- `written-backup`: every passage of `training/written-backup`, written in the sixth session of
  2026-12-07, the check keep-or-revert decisions were made on in the seventh, and folded into
  tuning by the eighth: read it freely, as `written-tune`;
- `written-next`: every passage of `training/written-next`, written in the seventh session of
  2026-12-07, the check keep-or-revert decisions were made on in the eighth, and folded into
  tuning by the ninth: read it freely, as `written-tune`;
- `written-later`: every passage of `training/written-later`, written in the eighth session of
  2026-12-07, the check keep-or-revert decisions were made on in the ninth, and folded into
  tuning by the tenth: read it freely, as `written-tune`;
- `written-after`: every passage of `training/written-after`, written in the ninth session of
  2026-12-07 and the check keep-or-revert decisions are made on since the tenth (summary
  lines only);
- `written-sealed`: every passage of `training/written-sealed`, written on 2026-12-07 and
  scored only at the start and the end of a session (summary lines only).

    .venv/bin/python scripts/dev_splits.py /tmp/splits
"""

from __future__ import annotations

import argparse
from pathlib import Path

from news_folds import numbered_folder

REPOSITORY = Path(__file__).resolve().parents[1]
SPLITS = {
    "news-odd": ("news", 2, 1),
    "news-even": ("news", 2, 0),
    "foldA": ("news", 4, 1),
    "foldB": ("news", 4, 3),
    "written-tune": ("written", 2, 1),
    "written-check": ("written", 2, 0),
    "written-fresh": ("fresh", 1, 0),
    "written-folded": ("heldout", 1, 0),
    "written-reserve": ("reserve", 1, 0),
    "written-spare": ("spare", 1, 0),
    "written-backup": ("backup", 1, 0),
    "written-next": ("next", 1, 0),
    "written-later": ("later", 1, 0),
    "written-after": ("after", 1, 0),
    "written-sealed": ("sealed", 1, 0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder to make the splits in (must not exist)")
    parser.add_argument("--news", type=Path, default=REPOSITORY.parent / "shared/eval/dev-news")
    parser.add_argument("--written", type=Path, default=REPOSITORY / "training/written-news")
    parser.add_argument("--fresh", type=Path, default=REPOSITORY / "training/written-fresh")
    parser.add_argument("--heldout", type=Path, default=REPOSITORY / "training/written-heldout")
    parser.add_argument("--reserve", type=Path, default=REPOSITORY / "training/written-reserve")
    parser.add_argument("--spare", type=Path, default=REPOSITORY / "training/written-spare")
    parser.add_argument("--backup", type=Path, default=REPOSITORY / "training/written-backup")
    parser.add_argument("--next", type=Path, default=REPOSITORY / "training/written-next")
    parser.add_argument("--later", type=Path, default=REPOSITORY / "training/written-later")
    parser.add_argument("--after", type=Path, default=REPOSITORY / "training/written-after")
    parser.add_argument("--sealed", type=Path, default=REPOSITORY / "training/written-sealed")
    args = parser.parse_args()
    sources = {
        "news": args.news,
        "written": args.written,
        "fresh": args.fresh,
        "heldout": args.heldout,
        "reserve": args.reserve,
        "spare": args.spare,
        "backup": args.backup,
        "next": args.next,
        "later": args.later,
        "after": args.after,
        "sealed": args.sealed,
    }
    for name, (source, modulus, remainder) in SPLITS.items():
        folder = numbered_folder(sources[source], args.output / name, modulus, remainder)
        print(f"{folder}: {len(list(folder.glob('*.json')))} gold files")


if __name__ == "__main__":
    main()
