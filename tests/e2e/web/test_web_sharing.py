"""Two organisations in Chromium: sign in, mark and release a report, manage sharing groups,
view as another organisation. The server runs over the sample with org-a and org-b."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from mosaic.api.app import create_app
from mosaic.api.sample import REPORTS, build_sample
from mosaic.model import Distribution, Marking, Tlp
from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.web.app import install_web
from support.accounts import CHEAP_HASHER

from .conftest import serving

pytestmark = pytest.mark.e2e
Shoot = Callable[[Page, str], Path]
REPORT = REPORTS[0]
USERS = {
    "alice": ("org-a", Role.ADMIN),
    "ana": ("org-a", Role.ANALYST),
    "bea": ("org-b", Role.ANALYST),
}


@dataclass(frozen=True)
class World:
    store: SqlRepository
    tokens: dict[str, str]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    store = open_repository(str(tmp_path_factory.mktemp("sharing") / "kb.db"))
    build_sample(store)
    for org in ("org-a", "org-b"):
        accounts.add_organisation(store, org, COMMAND_LINE)
    accounts.add_sharing_group(store, "partners", "org-a", COMMAND_LINE)
    accounts.add_group_member(store, "partners", "org-b", COMMAND_LINE)
    store.set_marking("report", REPORT.id, Marking("org-a", Tlp.AMBER, Distribution.ORGANISATION))
    tokens = {
        name: accounts.add_user(store, CHEAP_HASHER, name, org, role, COMMAND_LINE).token
        for name, (org, role) in USERS.items()
    }
    yield World(store, tokens)
    store.close()


@pytest.fixture(scope="module")
def server(world: World) -> Iterator[str]:
    """This module's server: the `page` fixture opens its pages."""
    with serving(install_web(create_app(lambda: world.store))) as url:
        yield url


def sign_in(page: Page, token: str) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.fill("#token", token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("form.sign-out")).to_be_visible()
    page.wait_for_load_state("networkidle")  # the dashboard's charts, before going elsewhere


def sign_out(page: Page) -> None:
    page.locator("form.sign-out").get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_web_sharing_login_mark_and_release(page: Page, world: World, shoot: Shoot) -> None:
    sign_in(page, world.tokens["ana"])
    expect(page.locator("form.sign-out")).to_contain_text("ana · org-a (analyst)")
    page.goto(f"/reports/{REPORT.id}")
    panel = page.locator("#marking")
    expect(panel.locator("#marking-tlp")).to_have_text("TLP:AMBER")
    panel.locator("select[name=tlp]").select_option("TLP:RED")
    panel.get_by_role("button", name="Change marking").click()
    expect(page.locator("#marking-tlp")).to_have_text("TLP:RED")
    panel.locator("select[name=tlp]").select_option("TLP:GREEN")
    panel.locator("select[name=distribution]").select_option("partners")
    panel.get_by_role("button", name="Change marking").click()
    expect(page.locator("main")).to_contain_text("a release that lowers a marking needs a reason")
    page.goto(f"/reports/{REPORT.id}")
    panel.locator("select[name=tlp]").select_option("TLP:GREEN")
    panel.locator("select[name=distribution]").select_option("partners")
    panel.locator("input[name=reason]").fill("shared with the partners' desk")
    shoot(page, "marking-release")
    panel.get_by_role("button", name="Change marking").click()
    expect(page.locator("#marking-tlp")).to_have_text("TLP:GREEN")
    expect(page.locator("#marking-group")).to_have_text("(partners)")
    stored = world.store.get_report(REPORT.id)
    assert stored is not None and stored.marking.sharing_group == "partners"
    sign_out(page)

    sign_in(page, world.tokens["bea"])
    page.goto(f"/reports/{REPORT.id}")
    expect(page.locator("#marking-tlp")).to_have_text("TLP:GREEN")
    expect(page.locator("#marking form")).to_have_count(0)
    sign_out(page)

    sign_in(page, world.tokens["alice"])
    page.get_by_role("link", name="Audit").click()
    expect(page.locator("#audit-verify")).to_contain_text("Intact")
    release = page.locator("#audit-entries tr.action-marking-release").first
    expect(release).to_contain_text("shared with the partners' desk")
    expect(release).to_contain_text("ana")
    shoot(page, "audit")


def test_web_sharing_groups_page(page: Page, world: World, shoot: Shoot) -> None:
    sign_in(page, world.tokens["alice"])
    page.get_by_role("link", name="Groups").click()
    form = page.locator("#group-add")
    form.locator("input[name=name]").fill("border-desk")
    form.locator("select[name=owner]").select_option("org-a")
    form.get_by_role("button", name="Create group").click()
    group = page.locator("section.group[data-group=border-desk]")
    expect(group).to_be_visible()
    group.locator("input[name=organisation]").fill("org-b")
    group.get_by_role("button", name="Add member").click()
    member = page.locator("section.group[data-group=border-desk] li.member[data-member=org-b]")
    expect(member).to_be_visible()
    shoot(page, "groups")
    member.get_by_role("button", name="Remove").click()
    expect(member).to_have_count(0)
    saved = world.store.get_sharing_group("border-desk")
    assert saved is not None and saved.members == frozenset()
    sign_out(page)
    sign_in(page, world.tokens["bea"])
    page.goto("/groups")
    expect(page.locator("section.group[data-group=partners]")).to_be_visible()
    expect(page.locator("section.group[data-group=border-desk]")).to_have_count(0)
    expect(page.locator("#group-add")).to_have_count(0)


def test_web_sharing_admin_views_as_another_organisation(
    page: Page, world: World, shoot: Shoot
) -> None:
    hidden = REPORTS[1]
    world.store.set_marking("report", hidden.id, Marking("org-a", Tlp.RED))
    sign_in(page, world.tokens["alice"])
    page.get_by_role("link", name="View as…").click()
    page.locator("#view-as-form select[name=organisation]").select_option("org-b")
    page.get_by_role("button", name="View as").click()
    banner = page.locator("#viewing-as")
    expect(banner).to_contain_text("Viewing as a reader of org-b: read-only")
    page.wait_for_load_state("networkidle")
    shoot(page, "view-as")
    response = page.goto(f"/reports/{hidden.id}")
    assert response is not None and response.status == 404
    page.goto(f"/reports/{REPORT.id}")
    expect(page.locator("#marking form")).to_have_count(0)
    page.get_by_role("button", name=re.compile("Stop viewing as org-b")).click()
    expect(page.locator("#viewing-as")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    response = page.goto(f"/reports/{hidden.id}")
    assert response is not None and response.ok
    expect(page.locator("#marking form")).to_have_count(1)


def test_web_sharing_page_scripts_write_with_the_session_and_its_token(
    page: Page, world: World
) -> None:
    """The review buttons post JSON to the API on the session cookie, with the page's token."""
    sign_in(page, world.tokens["ana"])
    page.goto("/events/ev-wagah")
    sixty = page.locator("blockquote.evidence", has_text="Police said 60 people died")
    sixty.get_by_role("button", name="Reject").click()
    expect(sixty.locator(".badge.status")).to_have_text("rejected")
    last = world.store.last_audit_entry()
    assert last is not None and (last.event.action, last.event.actor) == ("review.reject", "ana")
