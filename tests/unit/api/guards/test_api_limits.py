"""Request limits: bodies counted as they arrive, and upload names made safe."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from mosaic.api.guards.limits import LimitsMiddleware, upload_name
from mosaic.errors import InputError


def echo_app(max_body: int) -> tuple[FastAPI, list[int]]:
    app = FastAPI()
    served: list[int] = []

    @app.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        body = await request.body()
        served.append(len(body))
        return {"read": len(body)}

    app.add_middleware(LimitsMiddleware, max_body=max_body, max_query=100)
    return app, served


def test_limits_declared_body_over_the_limit_is_413_before_the_route() -> None:
    app, served = echo_app(1000)
    response = TestClient(app).post("/echo", content=b"x" * 1001)
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
    assert served == []


def test_limits_chunked_body_is_counted_as_it_arrives() -> None:
    app, served = echo_app(1000)
    chunks = iter([b"x" * 400] * 5)  # no Content-Length: sent in chunks
    response = TestClient(app).post("/echo", content=chunks)
    assert response.status_code == 413
    assert served == []


def test_limits_body_within_the_limit_is_read_whole() -> None:
    app, served = echo_app(1000)
    response = TestClient(app).post("/echo", content=iter([b"x" * 400] * 2))
    assert response.json() == {"read": 800}
    assert served == [800]


def test_limits_long_query_string_is_414() -> None:
    app, served = echo_app(1000)
    response = TestClient(app).post("/echo?" + "q=" + "x" * 200)
    assert response.status_code == 414
    assert served == []


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\notes.md", "notes.md"),
        ("a" * 300 + ".html", "a" * 195 + ".html"),
        ("é" * 300, "é" * 100),
    ],
)
def test_limits_upload_name_keeps_the_last_part_and_its_suffix(given: str, safe: str) -> None:
    assert upload_name(given) == safe


@pytest.mark.parametrize("given", ["", ".", "..", "a/..", "bad\ud800.txt", "nul\x00.txt"])
def test_limits_upload_name_refuses_what_names_no_file(given: str) -> None:
    with pytest.raises(InputError, match="not a file name"):
        upload_name(given)
