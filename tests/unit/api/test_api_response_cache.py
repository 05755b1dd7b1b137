"""The response cache: reads answered once per ttl, writes empty it, readers kept apart."""

from __future__ import annotations

import time

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from mosaic.api.response_cache import ResponseCacheMiddleware


def counting_client(ttl: float) -> tuple[TestClient, list[str]]:
    app = FastAPI()
    computed: list[str] = []

    @app.get("/things/{name}")
    def thing(name: str) -> JSONResponse:
        computed.append(name)
        status = 404 if name == "missing" else 200
        return JSONResponse({"name": name, "version": len(computed)}, status_code=status)

    @app.post("/things")
    def write() -> dict[str, bool]:
        return {"written": True}

    app.add_middleware(ResponseCacheMiddleware, ttl=ttl)
    return TestClient(app), computed


def test_response_cache_answers_a_repeated_read_once() -> None:
    client, computed = counting_client(60)
    first = client.get("/things/a").json()
    assert client.get("/things/a").json() == first
    assert client.get("/things/a?page=2").json() != first
    assert computed == ["a", "a"]


def test_response_cache_is_emptied_by_a_write() -> None:
    client, computed = counting_client(60)
    client.get("/things/a")
    client.post("/things")
    client.get("/things/a")
    assert computed == ["a", "a"]


def test_response_cache_keeps_only_successes() -> None:
    client, computed = counting_client(60)
    assert client.get("/things/missing").status_code == 404
    assert client.get("/things/missing").status_code == 404
    assert computed == ["missing", "missing"]


def test_response_cache_keeps_readers_apart() -> None:
    client, computed = counting_client(60)
    client.get("/things/a", headers={"authorization": "Bearer one"})
    client.get("/things/a", headers={"authorization": "Bearer two"})
    client.get("/things/a", headers={"cookie": "session=three"})
    assert computed == ["a", "a", "a"]


def test_response_cache_forgets_after_its_ttl() -> None:
    client, computed = counting_client(0.05)
    client.get("/things/a")
    time.sleep(0.1)
    client.get("/things/a")
    assert computed == ["a", "a"]


def test_response_cache_off_when_ttl_is_zero() -> None:
    client, computed = counting_client(0)
    client.get("/things/a")
    client.get("/things/a")
    assert computed == ["a", "a"]
