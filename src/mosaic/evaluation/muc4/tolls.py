"""Death and injury tolls of the MUC-4 answer keys, and when an extracted toll agrees.

A key template lists its human targets twice: `HUM TGT: NUMBER` ("6: \"JESUITS\"") and
`HUM TGT: EFFECT OF INCIDENT` ("DEATH: \"JESUITS\""), joined by the quoted description.
The key's death (injury) figure is the sum of NUMBER over the targets whose effect is
DEATH (INJURY), read so:
- a description's NUMBER and EFFECT fills are paired in the order the key gives them
  ("20: \"PERSONS\"", "~100: \"PERSONS\"" with DEATH then INJURY of "PERSONS"); where a
  description has a different number of each, its figure is unknown (the template is
  not counted unless the effect is uncertain, below, and the target may be left out);
- a number is "N" (exactly N), "~N" (about N, read as N), "N -" or "N-" (at least N);
  "PLURAL", "-" and "- N" (at most N, a bound and no figure) are unknown; "? N" is N (the
  key is unsure of the fill, not of the number); "A / B" are alternatives, and the key's
  figure is then every sum the alternatives allow;
- a target whose effect is uncertain ("? DEATH", "INJURY / DEATH") may be counted or
  not: both sums are the key's;
- where every target of the template has the effect and `HUM TGT: TOTAL NUMBER` gives a
  number, that total is the figure: the keys list a named victim beside the group that
  holds him ("6: \"JESUITS\"", "1: \"IGNACIO ELLACURIA\"", total 8 with two women), and the
  total counts each person once;
- a template counts only where some reading gives a known figure; one with an unknown
  target of the effect ("PLURAL: \"PEASANTS\"") is not counted.
Attackers are never human targets in the keys, so the key's figure leaves out attackers
who died. The pipeline follows dev-news's BRIEF.md instead ("29 killed, including the
five attackers" -> 29; attackers counted separately are left out): where a wire counts
dead attackers in one toll, the key's figure and the pipeline's differ and the template
counts as missed. BRIEF.md wins for the pipeline; this benchmark only measures it.

An extracted figure [low, high] (high None for "at least") agrees with a key figure when
the lows are equal and the highs are equal or either is open: "at least 14" [14, None]
agrees with the key's 14, an exact 23 with the key's "23 -".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mosaic.evaluation.muc4.corpus import KeyTemplate
from mosaic.model import Count, EventFinding

EFFECTS = {"killed": "DEATH", "wounded": "INJURY"}
"""The event slot a toll is read from -> the key's effect label it counts."""

MAX_READINGS = 64
"""Alternative sums kept per template; the keys' alternatives stay far below this."""

_NUMBER = re.compile(r"^(~)?(\d+)\s*(-)?$")


@dataclass(frozen=True)
class Figure:
    """A toll: `low`..`high`, `high` None for "at least low"."""

    low: int
    high: int | None

    def __add__(self, other: Figure) -> Figure:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Figure(self.low + other.low, high)


NONE = Figure(0, 0)


def key_number(fill: str) -> list[Figure]:
    """The known alternatives of a NUMBER fill's number part ("6", "23 -", "1 / PLURAL")."""
    figures = []
    for alternative in fill.replace("?", "").split("/"):
        match = _NUMBER.match(alternative.strip())
        if match:
            value = int(match.group(2))
            figures.append(Figure(value, None if match.group(3) else value))
    return figures


def _split(fill: str) -> tuple[str, str]:
    """ "6: \"JESUITS\"" -> ("6", "\"JESUITS\""); a fill without a description -> (fill, "")."""
    head, _, description = fill.partition(": ")
    return head.strip(), description.strip()


def _effect_states(head: str, label: str) -> set[bool]:
    """Whether a target has effect `label` by its EFFECT fill: {True}, {False} or both."""
    alternatives = {a.strip(" ()") for a in head.replace("?", "").split("/")}
    has = {a == label for a in alternatives}
    return has | {False} if head.lstrip(" (").startswith("?") else has


def key_figures(template: KeyTemplate, slot: str) -> list[Figure]:
    """Every figure the key allows for `slot` ("killed", "wounded"); [] when none is known."""
    label = EFFECTS[slot]
    numbers = _by_description(template.slot("HUM TGT: NUMBER"))
    effects = _by_description(template.slot("HUM TGT: EFFECT OF INCIDENT"))
    options: list[list[Figure]] = []
    for description, heads in effects.items():
        states = [_effect_states(head, label) for head in heads]
        if not any(True in s for s in states):
            continue
        counts = numbers.get(description, [])
        if len(counts) != len(heads):
            # Unpaired: a certain target of unknown number, or one that may be left out.
            options.append([NONE] if all(False in s for s in states) else [])
            continue
        for count, state in zip(counts, states, strict=True):
            known = key_number(count) if True in state else []
            options.append(([NONE] if False in state else []) + known)
    total = _total(template)
    if options and total and _every_target_has(label, numbers, effects):
        return total
    return _sums(options) if options else []


def _by_description(fills: Sequence[str]) -> dict[str, list[str]]:
    """The heads of a slot's fills ("6", "DEATH") under their description, in key order."""
    grouped: dict[str, list[str]] = {}
    for fill in fills:
        head, description = _split(fill)
        grouped.setdefault(description, []).append(head)
    return grouped


def _every_target_has(
    label: str, numbers: dict[str, list[str]], effects: dict[str, list[str]]
) -> bool:
    """Whether each numbered target has effect `label`, for certain."""
    heads = [head for group in effects.values() for head in group]
    certain = all(_effect_states(head, label) == {True} for head in heads)
    return certain and len(heads) == sum(map(len, numbers.values()))


def _total(template: KeyTemplate) -> list[Figure]:
    """The figures of `HUM TGT: TOTAL NUMBER`, leaving out the keys' ";;;" comments."""
    fills = [f for f in template.slot("HUM TGT: TOTAL NUMBER") if not f.startswith(";")]
    return [figure for fill in fills for figure in key_number(fill)]


def _sums(options: Sequence[Sequence[Figure]]) -> list[Figure]:
    """Every sum of one alternative per target, without repeats, known figures only."""
    if any(not o for o in options):
        return []
    sums: list[Figure] = []
    for combination in itertools.islice(itertools.product(*options), MAX_READINGS):
        figure = sum(combination[1:], combination[0])
        if figure not in sums and figure != NONE:
            sums.append(figure)
    return sums


def figure_agrees(found: Count, figure: Figure) -> bool:
    """The same low, and the same high unless either is open."""
    if found.low != figure.low:
        return False
    return found.high is None or figure.high is None or found.high == figure.high


def toll_matches(event: EventFinding, template: KeyTemplate, slot: str) -> bool:
    """Whether the event's killed (wounded) figure agrees with one the key allows."""
    found: Count | None = getattr(event, slot)
    return found is not None and any(figure_agrees(found, f) for f in key_figures(template, slot))
