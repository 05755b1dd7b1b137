"""The app's route table, flattened: every path with its methods and the query parameters it reads.

Tests that must cover every form or endpoint enumerate them here, so that a
route added later is covered without touching the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    query: tuple[str, ...]

    @property
    def parameters(self) -> list[str]:
        return re.findall(r"{(\w+)(?::\w+)?}", self.path)

    @property
    def is_page(self) -> bool:
        return not self.path.startswith("/api") and self.path != "/openapi.json"

    def url(self, values: dict[str, str]) -> str:
        """The path with each `{name}` replaced by `values[name]`."""
        return re.sub(r"{(\w+)(?::\w+)?}", lambda m: values[m.group(1)], self.path)


def route_table(app: Any) -> list[RouteInfo]:
    """Every route that answers HTTP (static mounts left out), whatever FastAPI nests them in."""
    return sorted(_walk(app.routes), key=lambda r: (r.path, sorted(r.methods)))


def _walk(routes: Iterable[Any]) -> Iterator[RouteInfo]:
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _walk(inner.routes)
        elif getattr(route, "methods", None) and hasattr(route, "path"):
            yield RouteInfo(route.path, frozenset(route.methods), _query_of(route))


def _query_of(route: Any) -> tuple[str, ...]:
    """The query parameters of a route's handler and of its dependencies, by name."""
    names: list[str] = []
    pending = [getattr(route, "dependant", None)]
    while pending:
        dependant = pending.pop()
        if dependant is None:
            continue
        names += [p.alias for p in dependant.query_params if p.alias not in names]
        pending += dependant.dependencies
    return tuple(names)


def unsafe_routes(app: Any) -> list[tuple[str, RouteInfo]]:
    """(method, route) for every route that changes something."""
    return [(m, r) for r in route_table(app) for m in sorted(r.methods & UNSAFE)]
