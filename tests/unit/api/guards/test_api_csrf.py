import pytest
from starlette.datastructures import Headers

from mosaic.api.guards.csrf import needs_token, token_for


def test_csrf_token_depends_on_nonce_and_session() -> None:
    token = token_for("nonce", "session")
    assert len(token) == 64
    assert token == token_for("nonce", "session")
    assert token != token_for("nonce", "other")
    assert token != token_for("other", "session")


@pytest.mark.parametrize(
    ("method", "path", "headers", "cookies", "expected"),
    [
        ("GET", "/groups", {}, {}, False),
        ("POST", "/groups", {}, {}, True),
        ("POST", "/login", {}, {}, True),
        ("POST", "/api/reports", {}, {}, False),
        ("POST", "/api/reports", {}, {"mosaic_session": "s"}, True),
        ("DELETE", "/api/x", {}, {"mosaic_session": "s"}, True),
        ("POST", "/api/reports", {"authorization": "Bearer t"}, {"mosaic_session": "s"}, False),
        ("POST", "/groups", {"authorization": "Bearer t"}, {}, False),
    ],
)
def test_csrf_which_requests_need_a_token(
    method: str, path: str, headers: dict[str, str], cookies: dict[str, str], expected: bool
) -> None:
    assert needs_token(method, path, Headers(headers), cookies) is expected
