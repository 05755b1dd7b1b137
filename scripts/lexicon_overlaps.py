"""Lists the words that several word classes of data/lexicon/ hold, and the classes that lie
wholly inside another: where to look when a class may mean the same as another.

    PYTHONPATH=src python scripts/lexicon_overlaps.py [MIN_CLASSES]

syntax.yaml is left out: its label groups overlap by design (each is the set one rule tests).
"""

from __future__ import annotations

import sys
from collections import defaultdict

from mosaic.extract import lexicon


def class_words() -> dict[str, frozenset[str]]:
    """Every word class outside syntax.yaml as a set of words (phrases joined by spaces)."""
    found = {}
    for name in sorted(lexicon.class_names()):
        if not name.startswith("syntax."):
            found[name] = frozenset(
                entry if isinstance(entry, str) else " ".join(entry)
                for entry in lexicon.entries(name)
            )
    return found


def main(min_classes: int) -> None:
    classes = class_words()
    holders: dict[str, list[str]] = defaultdict(list)
    for name, words in classes.items():
        for word in words:
            holders[word].append(name)
    for word, names in sorted(holders.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(names) >= min_classes:
            print(f"{word}: {', '.join(names)}")
    print()
    for small, words in classes.items():
        for large, others in classes.items():
            if len(words) > 1 and words < others:
                print(f"{small} lies inside {large}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
