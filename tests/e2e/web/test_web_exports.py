"""The download links on the events, entity and network pages, clicked in a real browser."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.e2e


def test_web_events_page_downloads_the_filtered_stix(page: Page) -> None:
    page.goto("/events?group=JuA")
    with page.expect_download() as download:
        page.click("a.export:text('STIX 2.1')")
    path = download.value.path()
    incidents = [o for o in json.loads(path.read_text())["objects"] if o["type"] == "incident"]
    assert [o["name"] for o in incidents] == ["suicide bombing in Wagah on 2014-11-02"]
    assert download.value.suggested_filename == "mosaic-export.json"


def test_web_entity_and_network_pages_offer_every_format(page: Page) -> None:
    for address in ("/entities/ttp", "/network?as_of=2014-09-01"):
        page.goto(address)
        assert page.locator("a.export").count() == 8
    with page.expect_download() as download:
        page.click("a.export:text('GEXF')")
    assert "<gexf" in download.value.path().read_text()
