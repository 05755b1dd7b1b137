"""A group told by what it is ("the Islamic State's branch in Afghanistan") linked to the one
branch the gazetteer records (mosaic.extract.entities.branch_names), and its parent then no
actor of its deeds; in sentences written for the test, over a small gazetteer of branches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.entities.branch_names import link_branches
from mosaic.extract.entities.gazetteer import ActorRecord, ActorRelation, Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.entities.parent_names import names_a_parent, parent_after
from mosaic.extract.places.table import PlaceTable
from mosaic.model import EntityKind, FuzzyDate, RelationType

ORG = EntityKind.ORGANIZATION


def _branch(key: str, name: str, country: str, parent: str, start: str) -> ActorRecord:
    tie = ActorRelation(RelationType.AFFILIATE_OF, parent, FuzzyDate.parse(start))
    return ActorRecord(key, name, ORG, "armed_group", (), country, relations=(tie,))


BRANCHES = Gazetteer.from_records(
    (
        ActorRecord("org:islamic-state", "Islamic State", ORG, "armed_group", ("IS",)),
        ActorRecord("org:al-qaeda", "al-Qaeda", ORG, "armed_group"),
        _branch("org:iskp", "Islamic State Khorasan Province", "AF", "org:islamic-state",
                "2015-01"),
        _branch("org:ispp", "Islamic State Pakistan Province", "PK", "org:islamic-state",
                "2019-05"),
        _branch("org:aq-south", "al-Qaeda Southern Command", "PK", "org:al-qaeda", "2014"),
    )
)  # fmt: skip

Link = Callable[..., tuple[Doc, list[EntityMention]]]


@pytest.fixture(scope="module")
def link(parse: Callable[..., Doc], gazetteer: Gazetteer, places: PlaceTable) -> Link:
    """The mentions of a text published on the date, with branches told by description linked
    over the small gazetteer above."""

    def run(text: str, published: dt.date) -> tuple[Doc, list[EntityMention]]:
        doc = parse(text, published)
        mentions = EntityLinker(gazetteer, places).link(doc)
        return doc, link_branches(doc, mentions, BRANCHES, places.country_of_word)

    return run


def _keys(mentions: list[EntityMention]) -> list[str]:
    return [m.ref.key for m in mentions if m.ref is not None and m.ref.key.startswith("org:")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "branch"),
    [("The Islamic State's branch in Afghanistan claimed the attack.", 2016, "org:iskp"),
     ("The Afghan branch of the Islamic State claimed the attack.", 2016, "org:iskp"),
     ("The Islamic State's Khorasan wing claimed the attack.", 2020, "org:iskp"),
     ("The Islamic State's branch in Pakistan claimed the attack.", 2020, "org:ispp"),
     ("Al-Qaeda's Pakistani affiliate claimed the attack.", 2016, "org:aq-south"),
     # both branches answer "Afghanistan and Pakistan" once the second exists: neither
     ("The Islamic State's branch in Afghanistan and Pakistan claimed it.", 2020, None),
     ("The Islamic State's branch in Afghanistan and Pakistan claimed it.", 2016, "org:iskp"),
     # no branch in Pakistan yet on the report's date
     ("The Islamic State's branch in Pakistan claimed the attack.", 2016, None),
     # no place: the branch is not told
     ("The Islamic State's branch claimed the attack.", 2016, None),
     # a part that broke away is no affiliate
     ("The Islamic State's breakaway faction in Afghanistan claimed it.", 2016, None),
     ("The splinter faction of the Islamic State in Afghanistan claimed it.", 2016, None),
     # a branch of a parent other than the one named
     ("Al-Qaeda's branch in Afghanistan claimed the attack.", 2016, None)],
)  # fmt: skip
def test_branch_names_link_the_one_branch(
    link: Link, text: str, published: int, branch: str | None
) -> None:
    _, mentions = link(text, dt.date(published, 6, 1))
    branches = [k for k in _keys(mentions) if k not in ("org:islamic-state", "org:al-qaeda")]
    assert branches == ([branch] if branch else [])
    assert len([k for k in _keys(mentions) if k in ("org:islamic-state", "org:al-qaeda")]) == 1


@pytest.mark.slow
def test_branch_names_cover_the_described_words(link: Link) -> None:
    _, mentions = link("Al-Qaeda's Pakistani affiliate claimed the attack.", dt.date(2016, 6, 1))
    branch = next(m for m in mentions if m.ref is not None and m.ref.key == "org:aq-south")
    assert branch.text == "Pakistani affiliate"
    assert all(m.text != "Pakistani" for m in mentions)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The Islamic State's branch in Afghanistan claimed the attack.",
     "The Afghan branch of the Islamic State claimed the attack."],
)  # fmt: skip
def test_branch_names_parent_only_describes(link: Link, text: str) -> None:
    doc, mentions = link(text, dt.date(2016, 6, 1))
    parent = next(m for m in mentions if m.ref is not None and m.ref.key == "org:islamic-state")
    assert names_a_parent(parent, mentions, doc)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [("The Afghan branch of the Islamic State claimed the attack.", "affiliate"),
     ("The Afghan wing of IS claimed the attack.", "affiliate"),
     # the parent before the branch: none after it
     ("The Islamic State's branch in Afghanistan claimed the attack.", None)],
)  # fmt: skip
def test_branch_names_parent_after_the_branch(link: Link, text: str, kind: str | None) -> None:
    doc, mentions = link(text, dt.date(2016, 6, 1))
    branch = next(m for m in mentions if m.ref is not None and m.ref.key == "org:iskp")
    found = parent_after(branch, mentions, doc)
    assert (found[0] if found else None) == kind
    assert found is None or (found[1].ref is not None and found[1].ref.key == "org:islamic-state")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "branch"),
    [("The Islamic State claimed the bombing. Its Afghan branch has attacked checkpoints.",
      "org:iskp"),
     ("Officials said the Islamic State had grown, and its Afghan branch had doubled.",
      "org:iskp"),
     # no place: the branch is not told
     ("The Islamic State claimed the bombing. Its branch has attacked checkpoints.", None),
     # no group named before "its"
     ("Police sealed the area. Its Afghan branch has attacked checkpoints.", None)],
)  # fmt: skip
def test_branch_names_owned_by_a_pronoun(link: Link, text: str, branch: str | None) -> None:
    _, mentions = link(text, dt.date(2016, 6, 1))
    branches = [k for k in _keys(mentions) if k not in ("org:islamic-state", "org:al-qaeda")]
    assert branches == ([branch] if branch else [])
