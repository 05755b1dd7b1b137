"""The response cache: reads answered once per ttl, writes empty it, readers kept apart."""

from __future__ import annotations

import time

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from mosaic.api.response_cache import Generation, ResponseCacheMiddleware, no_generation


def counting_client(
    ttl: float, generation: Generation = no_generation
) -> tuple[TestClient, list[str]]:
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

    app.add_middleware(ResponseCacheMiddleware, ttl=ttl, generation=generation)
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


def test_response_cache_answer_kept_while_the_write_generation_holds() -> None:
    """Another process wrote (the generation moved): the answer kept before is not served."""
    generations = [b"one"]
    client, computed = counting_client(60, lambda: generations[-1])
    client.get("/things/a")
    client.get("/things/a")
    generations.append(b"two")
    client.get("/things/a")
    client.get("/things/a")
    assert computed == ["a", "a"]


def test_response_cache_answer_computed_across_a_write_is_not_served() -> None:
    """The generation moves while the answer is computed: it may predate the write."""
    generations = [b"one"]
    app = FastAPI()
    computed: list[int] = []

    @app.get("/slow")
    def slow() -> dict[str, int]:
        computed.append(1)
        generations.append(f"write {len(computed)}".encode())
        return {"version": len(computed)}

    app.add_middleware(ResponseCacheMiddleware, ttl=60, generation=lambda: generations[-1])
    client = TestClient(app)
    assert client.get("/slow").json() == {"version": 1}
    assert client.get("/slow").json() == {"version": 2}
