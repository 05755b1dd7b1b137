"""Marking records: what an ingest stamps on new reports, and changing a stored record's marking.

Lowering a marking (a less restrictive TLP label, or a wider distribution) is a
*release*: it needs a reason, and the audit log keeps who released what, from
which marking to which, and why. A report's statements follow their report; an
event's or relation's follow it where its owner made them, since a fact is seen
as the statements behind it allow (`mosaic.resolve.seen`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mosaic.errors import InputError, NotFoundError
from mosaic.model import (
    Distribution,
    Marking,
    Report,
    Statement,
    SubjectKind,
    Tlp,
    Visibility,
)
from mosaic.services.audit import Actor, record
from mosaic.store.ports import MARKED_KINDS, KnowledgeBase

# Narrowest first; a group sits between the owner alone and the whole community.
_REACH = {
    Distribution.ORGANISATION: 0,
    Distribution.GROUP: 1,
    Distribution.COMMUNITY: 2,
    Distribution.CONNECTED: 3,
    Distribution.ALL: 4,
}


@dataclass(frozen=True)
class MarkingChoice:
    """The marking an ingest gives new reports: `None` keeps what the file says (or the default)."""

    owner: str
    tlp: Tlp | None = None
    distribution: Distribution | None = None
    sharing_group: str | None = None

    def apply(self, marking: Marking) -> Marking:
        if self.distribution is None:
            distribution, group = marking.distribution, marking.sharing_group
        else:
            distribution, group = self.distribution, self.sharing_group
        return Marking(self.owner, self.tlp or marking.tlp, distribution, group)


def marking_choice(
    store: KnowledgeBase,
    owner: str,
    tlp: Tlp | None = None,
    distribution: str | None = None,
) -> MarkingChoice:
    """Read `--distribution`: one of the distributions, or the name of a sharing group."""
    if store.get_organisation(owner) is None and owner != Marking().owner:
        raise NotFoundError(f"organisation {owner}: no such organisation (mosaic org add)")
    if distribution is None:
        return MarkingChoice(owner, tlp)
    if distribution in {d.value for d in Distribution if d is not Distribution.GROUP}:
        return MarkingChoice(owner, tlp, Distribution(distribution))
    if store.get_sharing_group(distribution) is None:
        expected = ", ".join(d.value for d in Distribution if d is not Distribution.GROUP)
        raise InputError(
            "--distribution", f"{distribution!r} is neither {expected} nor a sharing group"
        )
    return MarkingChoice(owner, tlp, Distribution.GROUP, distribution)


def is_release(before: Marking, after: Marking) -> bool:
    """True when `after` lets anyone read the record who could not under `before`: a lower
    label, a wider distribution, another group, or any reader `Visibility.admits` anew
    (AMBER shared with a group reaches its members, shared with the community no one)."""
    wider = _REACH[after.distribution] > _REACH[before.distribution]
    other_group = after.sharing_group not in (None, before.sharing_group)
    return after.tlp.rank < before.tlp.rank or wider or other_group or _admits_anew(before, after)


def _admits_anew(before: Marking, after: Marking) -> bool:
    groups = {g for g in (before.sharing_group, after.sharing_group) if g is not None}
    readers = [Visibility(f"not {after.owner}", frozenset(g)) for g in ([], *([g] for g in groups))]
    readers.append(Visibility(f"not {after.owner}", frozenset(groups)))
    return any(r.admits(after) and not r.admits(before) for r in readers)


def change_marking(
    store: KnowledgeBase,
    kind: str,
    record_id: str,
    marking: Marking,
    actor: Actor,
    reason: str | None = None,
) -> str:
    """Give a record (and a report's statements) a new marking; the audit action taken."""
    before = marking_of(store, kind, record_id)
    if marking.sharing_group and store.get_sharing_group(marking.sharing_group) is None:
        raise NotFoundError(f"sharing group {marking.sharing_group}: no such group")
    action = "marking.release" if is_release(before, marking) else "marking.change"
    if action == "marking.release" and not (reason and reason.strip()):
        raise InputError(record_id, "a release that lowers a marking needs a reason")
    with store.transaction():
        store.set_marking(kind, record_id, marking)
        for statement in _carried(store, kind, record_id, before.owner):
            store.set_marking("statement", statement.id, marking)
    details = {"kind": kind, "before": marking_json(before), "after": marking_json(marking)}
    record(store, actor, action, record_id, details | {"reason": reason})
    return action


def _carried(store: KnowledgeBase, kind: str, record_id: str, owner: str) -> list[Statement]:
    """The statements that follow a record's marking: a report's own, and those of its
    owner behind an event or relation (which is seen as its statements allow)."""
    if kind == "report":
        return store.statements_in_report(record_id)
    if kind in (SubjectKind.EVENT.value, SubjectKind.RELATION.value):
        about = store.statements_about(SubjectKind(kind), record_id)
        return [s for s in about if s.marking.owner == owner]
    return []


def remark(
    store: KnowledgeBase,
    kind: str,
    record_id: str,
    actor: Actor,
    reason: str | None,
    tlp: Tlp | None = None,
    distribution: str | None = None,
) -> str:
    """`change_marking` to the record's marking with a new label and/or distribution."""
    current = marking_of(store, kind, record_id)
    choice = marking_choice(store, current.owner, tlp, distribution)
    return change_marking(store, kind, record_id, choice.apply(current), actor, reason)


def marking_json(marking: Marking) -> dict[str, Any]:
    return {
        "owner": marking.owner,
        "tlp": marking.tlp.value,
        "distribution": marking.distribution.value,
        "sharing_group": marking.sharing_group,
    }


def marking_of(store: KnowledgeBase, kind: str, record_id: str) -> Marking:
    if kind not in MARKED_KINDS:
        raise InputError(kind, f"not a kind of marked record ({', '.join(MARKED_KINDS)})")
    getters = {
        "report": store.get_report,
        "statement": store.get_statement,
        "entity": store.get_entity,
        "event": store.get_event,
        "relation": store.get_relation,
    }
    found: Report | Any = getters[kind](record_id)
    if found is None:
        raise NotFoundError(f"{kind} {record_id}: no such {kind}")
    marking: Marking = found.marking
    return marking
