"""The Host check, the cross-site check and the headers, without a server."""

from __future__ import annotations

import pytest
from starlette.datastructures import Headers

from mosaic.api.guards.security import cross_site_problem, host_name, host_problem, served_names

NAMES = served_names(["mosaic.example.org"])


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("localhost:8000", "localhost"),
        ("Example.ORG", "example.org"),
        ("[::1]:8000", "::1"),
        ("::1", "::1"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_security_host_name_drops_port_brackets_and_case(host: str, name: str) -> None:
    assert host_name(host) == name


@pytest.mark.parametrize(
    ("host", "served"),
    [
        ("localhost:8000", True),
        ("127.0.0.1:8000", True),
        ("[::1]:8000", True),
        ("mosaic.example.org", True),
        ("evil.example", False),
        ("localhost.evil.example", False),
        ("", False),
    ],
)
def test_security_host_problem_only_for_names_not_served(host: str, served: bool) -> None:
    problem = host_problem(Headers({"host": host}), NAMES)
    assert (problem is None) is served


def test_security_any_host_when_star_is_served() -> None:
    assert host_problem(Headers({"host": "evil.example"}), served_names(["*"])) is None


@pytest.mark.parametrize(
    ("method", "headers", "refused"),
    [
        ("POST", {"host": "localhost:8000"}, False),
        ("POST", {"host": "localhost:8000", "origin": "http://localhost:8000"}, False),
        ("POST", {"host": "localhost:8000", "origin": "http://localhost:8001"}, True),
        ("POST", {"host": "localhost:8000", "origin": "http://evil.example"}, True),
        ("POST", {"host": "localhost:8000", "origin": "null"}, True),
        ("DELETE", {"host": "localhost", "sec-fetch-site": "same-origin"}, False),
        (
            "POST",
            {
                "host": "127.0.0.1:8000",
                "origin": "https://mosaic.example.org",
                "sec-fetch-site": "same-origin",
            },
            False,
        ),
        ("PUT", {"host": "localhost", "sec-fetch-site": "none"}, False),
        ("PATCH", {"host": "localhost", "sec-fetch-site": "same-site"}, True),
        ("POST", {"host": "localhost", "sec-fetch-site": "cross-site"}, True),
        ("GET", {"host": "localhost", "sec-fetch-site": "cross-site"}, False),
        ("GET", {"host": "localhost", "origin": "http://evil.example"}, False),
    ],
)
def test_security_cross_site_problem_for_writes_from_other_sites(
    method: str, headers: dict[str, str], refused: bool
) -> None:
    problem = cross_site_problem(method, Headers(headers))
    assert (problem is not None) is refused
