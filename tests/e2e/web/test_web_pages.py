"""The workbench in a real browser: dashboard, search, entity, network, event, review, map."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
Shoot = Callable[[Page, str], Path]


def test_web_dashboard_shows_counts_chart_and_groups(page: Page, shoot: Shoot) -> None:
    page.goto("/")
    expect(page.locator("#counts .card").first).to_contain_text("5")
    expect(page.locator(".ranking li").first).to_contain_text("Tehrik-i-Taliban Pakistan")
    page.wait_for_function("() => Chart.getChart('attacks-chart')?.data.labels.length === 3")
    expect(page.locator("table.events tbody tr")).to_have_count(3)
    shoot(page, "dashboard")


def test_web_dashboard_tells_what_changed_since_last_visit(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#since-last-visit")).to_be_hidden()
    page.evaluate(
        "() => { const v = JSON.parse(localStorage.getItem('mosaic.lastVisit'));"
        " v.counts.events -= 2; v.reports = v.reports.slice(1);"
        " localStorage.setItem('mosaic.lastVisit', JSON.stringify(v)); }"
    )
    page.reload()
    expect(page.locator("#since-changes")).to_contain_text("+2 events")
    expect(page.locator("#latest-reports li.new")).to_have_count(1)


def test_web_search_by_alias_opens_the_entity(page: Page, shoot: Shoot) -> None:
    page.goto("/")
    page.fill("header input[name=q]", "Pakistani Taliban")
    page.press("header input[name=q]", "Enter")
    hit = page.locator("#entity-hits li").first
    expect(hit).to_contain_text("Tehrik-i-Taliban Pakistan")
    expect(hit).to_contain_text("matched alias “Pakistani Taliban”")
    shoot(page, "search")
    hit.locator("a.entity-hit").click()
    expect(page).to_have_url(re.compile(r"/entities/ttp$"))
    expect(page.locator("#entity-name")).to_contain_text("Tehrik-i-Taliban Pakistan")
    expect(page.locator("#aliases")).to_contain_text("Pakistani Taliban")
    expect(page.locator("#genealogy .bar")).to_have_count(2)
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    shoot(page, "entity")


def test_web_network_slider_redraws_and_edges_show_evidence(page: Page, shoot: Shoot) -> None:
    page.goto("/network?as_of=2014-07-01")
    network = page.locator("#network")
    expect(network).to_have_attribute("data-edges", "1")
    expect(page.locator("#edge-list")).not_to_contain_text("split from")
    position = page.eval_on_selector("#as-of", "s => Number(s.value)")
    page.locator("#as-of").fill(str(position + 2))
    expect(page.locator("#as-of-label")).to_have_text("2014-09-01")
    expect(network).to_have_attribute("data-edges", "3")
    expect(page.locator("#edge-list")).to_contain_text(
        "Jamaat-ul-Ahrar split from Tehrik-i-Taliban"
    )
    # A tap on the edge as cytoscape delivers it (a pixel click may land on a label).
    page.evaluate("() => { mosaicNetwork.getElementById('rel-split').emit('tap'); }")
    expect(page.locator("#edge-evidence")).to_contain_text("broke away from the TTP")
    shoot(page, "network")
    page.locator("#as-of").fill(str(position + 4))
    expect(page.locator("#as-of-label")).to_have_text("2014-11-01")
    expect(page.locator("#edge-list")).not_to_contain_text("alliance")
    expect(network).to_have_attribute("data-edges", "2")


def test_web_event_page_shows_conflicting_tolls_with_evidence(page: Page, shoot: Shoot) -> None:
    page.goto("/events")
    page.get_by_role("link", name="suicide bombing in Wagah").click()
    killed = page.locator(".fact[data-prop=killed]")
    expect(killed).to_contain_text("sources disagree")
    expect(killed.locator(".value-card .value")).to_have_text(["55", "60"])
    expect(killed).to_contain_text("“A suicide bomber struck near the Wagah border crossing")
    expect(killed).to_contain_text("Police said 60 people died")
    expect(page.locator("#event-fields")).to_contain_text("Jamaat-ul-Ahrar")
    shoot(page, "event")


def test_web_review_confirm_marks_the_fact_confirmed(page: Page, shoot: Shoot) -> None:
    page.goto("/review")
    date = page.locator("td.value", has_text="2014-12-16")
    row = page.locator("#review-queue tbody tr").filter(has=date)
    statement = row.get_attribute("data-statement")
    row.get_by_role("button", name="Confirm").click()
    confirmed = page.locator(f"#review-queue tr[data-statement='{statement}']")
    expect(confirmed).to_have_class(re.compile("status-confirmed"))
    expect(confirmed.locator(".badge.status")).to_have_text("confirmed")
    shoot(page, "review")
    page.reload()
    expect(page.locator(f"#review-queue tr[data-statement='{statement}']")).to_have_count(0)
    expect(page.locator("#decisions tbody tr").first).to_contain_text("confirm")
    link = page.locator("#decisions tbody tr").first.locator("code").inner_text()
    assert link == statement


def test_web_event_page_confirm_ranks_the_value_first(page: Page) -> None:
    page.goto("/events/ev-wagah")
    sixty = page.locator("blockquote.evidence", has_text="Police said 60 people died")
    sixty.get_by_role("button", name="Confirm").click()
    expect(sixty.locator(".badge.status")).to_have_text("confirmed")
    page.reload()
    cards = page.locator(".fact[data-prop=killed] .value-card")
    expect(cards.first).to_have_class(re.compile("reviewed"))
    expect(cards.first.locator(".value")).to_have_text("60")


def test_web_map_draws_placed_events_offline(page: Page, shoot: Shoot) -> None:
    page.goto("/map")
    expect(page.locator("#map")).to_have_attribute("data-points", "3")
    expect(page.locator("#legend li")).to_have_text(
        ["Tehrik-i-Taliban Pakistan (2)", "Jamaat-ul-Ahrar (1)"]
    )
    expect(page.locator("#map path.leaflet-interactive").first).to_be_attached()
    shoot(page, "map")
    page.fill("#map-filters input[name=until]", "2014-11")
    page.click("#map-filters button[type=submit]")
    expect(page.locator("#map")).to_have_attribute("data-points", "2")


def test_web_report_reader_links_mentions(page: Page, shoot: Shoot) -> None:
    page.goto("/reports")
    page.get_by_role("link", name="Bombing at Wagah border").click()
    mention = page.locator("#report-text a.mention", has_text="Jamaat-ul-Ahrar")
    expect(mention).to_have_attribute("href", "/entities/jua")
    shoot(page, "report")
    mention.click()
    expect(page.locator("#entity-name")).to_contain_text("Jamaat-ul-Ahrar")


def test_web_timeline_of_an_entity(page: Page, shoot: Shoot) -> None:
    page.goto("/timeline?entity=TTP")
    entries = page.locator("#timeline li.entry")
    expect(entries.first).to_contain_text("alliance")
    expect(page.locator("#timeline")).to_contain_text("armed assault in Peshawar")
    shoot(page, "timeline")
