"""The workbench against a hostile page in Chromium: headers, cross-site writes, rebinding."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from support.browser import launch

pytestmark = pytest.mark.e2e
EVIL = "http://evil.example"
PLANTED = "---\ntitle: Planted link\nurl: javascript:alert(document.domain)\n---\n\nPlanted.\n"


def report_total(server: str) -> int:
    total: int = httpx.get(f"{server}/api/reports?limit=1").json()["total"]
    return total


@pytest.fixture(scope="module")
def unguarded(browser: Browser) -> Iterator[Browser]:
    """Chromium without its guard on public pages reaching local addresses.

    Chromium 142 and later ask the user before a public page may reach
    127.0.0.1; other browsers, older versions and a user who clicks "allow" do
    not stop the request, so the server must refuse it itself.
    """
    launched = launch(browser.browser_type, "--disable-features=LocalNetworkAccessChecks")
    yield launched
    launched.close()


@pytest.fixture
def evil_page(unguarded: Browser) -> Iterator[Page]:
    """A page of another site, answered by the test itself."""
    context = unguarded.new_context()
    context.route(
        f"{EVIL}/**", lambda route: route.fulfill(body="<p>cats</p>", content_type="text/html")
    )
    opened = context.new_page()
    opened.goto(f"{EVIL}/cats")
    yield opened
    context.close()


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/api/docs"])
def test_web_security_headers_on_pages_and_api(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_web_security_api_docs_load_nothing_from_outside(page: Page) -> None:
    """Swagger UI is vendored: the page fixture fails on any request that leaves the app."""
    page.goto("/api/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/reports/upload")).to_have_count(1)


def test_web_security_cross_site_upload_from_another_page_is_refused(
    evil_page: Page, server: str
) -> None:
    """The attack of the report: a page posts a multipart form, which needs no preflight."""
    before = report_total(server)
    failures: list[str | None] = []
    evil_page.on("requestfailed", lambda request: failures.append(request.failure))
    script = """async (url) => {
        const form = new FormData();
        form.append("file", new Blob(["Planted by another site."]), "planted.txt");
        await fetch(url, {method: "POST", body: form, mode: "no-cors"}).catch(() => null);
    }"""
    evil_page.evaluate(script, f"{server}/api/reports/upload")
    # The server answered (its refusal, which the page may not even read) ...
    assert failures == ["net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin"]
    # ... and stored nothing.
    assert report_total(server) == before


def test_web_security_cross_site_form_post_is_refused(evil_page: Page, server: str) -> None:
    before = report_total(server)
    evil_page.set_content(
        f'<form method="post" action="{server}/api/review/merge">'
        '<input name="keep" value="ttp"><input name="absorb" value="jua"></form>'
    )
    with evil_page.expect_navigation() as navigation:
        evil_page.eval_on_selector("form", "f => f.submit()")
    response = navigation.value
    assert response is not None and response.status == 403
    assert "cross-site POST refused" in response.json()["error"]
    assert report_total(server) == before
    assert httpx.get(f"{server}/api/entities/jua").json()["name"] == "Jamaat-ul-Ahrar"


def test_web_security_javascript_url_in_front_matter_is_no_link(page: Page, server: str) -> None:
    answer = httpx.post(
        f"{server}/api/reports/upload", files={"file": ("planted.md", PLANTED)}, timeout=300
    )
    report_id = answer.json()["outcomes"][0]["report_id"]
    for path in (f"/reports/{report_id}", "/reports"):
        page.goto(path)
        assert page.locator("a[href^='javascript:' i], a[href^='data:' i]").count() == 0
    page.goto(f"/reports/{report_id}")
    assert "javascript:alert" in page.locator(".unlinked-url").inner_text()


def test_web_security_a_rebound_name_is_refused(browser: Browser, server: str) -> None:
    """DNS rebinding: a hostile name resolved to the server's address gets nothing."""
    port = urlsplit(server).port
    rules = "--host-resolver-rules=MAP rebound.example 127.0.0.1"
    rebinding = launch(browser.browser_type, rules)
    try:
        page = rebinding.new_page()
        response = page.goto(f"http://rebound.example:{port}/api/events")
        assert response is not None and response.status == 400
        assert "not served here" in response.json()["error"]
    finally:
        rebinding.close()
