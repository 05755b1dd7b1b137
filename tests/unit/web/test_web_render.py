"""Template filters: what a report's address may become."""

from __future__ import annotations

import pytest

from mosaic.web.render import web_link


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox", ""),
        ("//evil.example/x", ""),
        ("/reports/abc", ""),
        ("http://[::1", ""),
        (None, ""),
    ],
)
def test_render_web_link_only_for_http_addresses(url: str | None, link: str) -> None:
    assert web_link(url) == link
