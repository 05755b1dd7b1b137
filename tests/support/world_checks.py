"""Ask every endpoint and page of the app, as every user of a world, and check what comes back.

Two kinds of check on each answer: no canary of the reader (`support.worlds`)
appears anywhere in it, whatever the endpoint, page or export format; and
where the answer lists records or figures, they are exactly those the rule
lets the reader see, with the values their visible statements give.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from mosaic.api.app import create_app
from mosaic.exchange.formats import EXPORT_FORMATS
from mosaic.model import Event
from mosaic.store.sql import SqlRepository
from mosaic.web.app import install_web
from support.extractors import EmptyExtractor
from support.worlds import GROUP_COUNT, USERS, Sight, World, expected, store_world

LOCAL = "http://localhost"
LIMIT = 500
ALWAYS = "2100-01-01"
MIDDLE = "1915-06-01"  # statements' dates run from 1900 on, one year each
GROUPS = [f"grp-{i}" for i in range(GROUP_COUNT)]
LIST_PAGES = (
    *("/", "/events", "/reports", "/map", "/network", "/review", "/search?q=canary"),
    *("/events?since=1915", "/network?as_of=1915-06-01", "/timeline?country=AF"),
)


@dataclass
class Tally:
    worlds: int = 0
    requests: int = 0

    def __str__(self) -> str:
        return f"{self.worlds} worlds, {self.requests} requests"


def check_world(store: SqlRepository, world: World, tokens: dict[str, str], tally: Tally) -> None:
    """Store the world, then ask everything as each user; raise AssertionError on a leak."""
    store_world(store, world)
    client = TestClient(install_web(create_app(lambda: store, EmptyExtractor)), base_url=LOCAL)
    for user, organisation in USERS.items():
        asker = Asker(client, tokens[user], user, expected(world, organisation), tally)
        asker.check_lists()
        asker.check_figures()
        asker.check_records(world)
        asker.check_pages(world)
        asker.check_exports()
    tally.worlds += 1


class Asker:
    def __init__(self, client: TestClient, token: str, user: str, sight: Sight, tally: Tally):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}
        self.user = user
        self.sight = sight
        self.tally = tally

    def get(self, path: str, **params: Any) -> Response:
        response = self.client.get(path, params=params, headers=self.headers)
        self.tally.requests += 1
        where = f"{self.user} GET {path} {params or ''}"
        assert response.status_code in (200, 404, 422), f"{where}: {response.status_code}"
        echoed = set(path.split("/")) | {str(v) for v in params.values()}  # asked, not leaked
        leaked = sorted(c for c in self.sight.canaries - echoed if c in response.text)
        assert not leaked, f"{where} shows what the rules hide: {leaked}"
        return response

    def json(self, path: str, **params: Any) -> Any:
        response = self.get(path, **params)
        assert response.status_code == 200, f"{self.user} GET {path}: {response.status_code}"
        return response.json()

    def check_lists(self) -> None:
        sight = self.sight
        events = self.json("/api/events", limit=LIMIT)["items"]
        assert {e["id"] for e in events} == set(sight.events), self.user
        for item in events:
            assert_event_shown(item, sight.events[item["id"]])
        assert self._ids("/api/reports") == sight.reports
        assert self._ids("/api/entities") == sight.entities
        assert self._ids("/api/relations") == set(sight.relations)
        for as_of in (ALWAYS, MIDDLE):
            network = self.json("/api/network", as_of=as_of)
            day = dt.date.fromisoformat(as_of)
            standing = {i for i, r in sight.relations.items() if r.holds_on(day)}
            assert {e["id"] for e in network["edges"]} == standing, f"{self.user} {as_of}"
        self.check_filtered_events()

    def check_filtered_events(self) -> None:
        """Filters apply to the events as the reader sees them, not as they are stored."""
        since = dt.date.fromisoformat(MIDDLE)
        later = self.json("/api/events", limit=LIMIT, since=MIDDLE)["items"]
        expected = {
            i for i, e in self.sight.events.items() if e.date and e.date.first_day() >= since
        }
        assert {e["id"] for e in later} == expected, self.user
        for group in GROUPS:
            answer = self.get("/api/events", limit=LIMIT, group=group)
            if group not in self.sight.entities:
                assert answer.status_code == 404, f"{self.user} sees {group}"
                continue
            took_part = {i for i, e in self.sight.events.items() if group in e.perpetrators}
            assert {e["id"] for e in answer.json()["items"]} == took_part, f"{self.user} {group}"

    def _ids(self, path: str) -> set[str]:
        return {item["id"] for item in self.json(path, limit=LIMIT)["items"]}

    def check_figures(self) -> None:
        sight = self.sight
        counts = self.json("/api/stats")
        shown = (counts["reports"], counts["entities"], counts["statements"], counts["events"])
        assert shown == (
            len(sight.reports),
            len(sight.entities),
            len(sight.statements),
            len(sight.events),
        ), self.user
        assert counts["relations"] == sight.relations_seen, self.user
        years = self.json("/api/stats/events", by="year")["rows"]
        assert sum(b["count"] for b in years) == len(sight.events), self.user
        groups = self.json("/api/stats/events", by="group")["rows"]
        assert {b["group"]: b["count"] for b in groups} == self._by_group(), self.user
        points = self.json("/api/map/events")["features"]
        placed = {i: e for i, e in sight.events.items() if e.place_id in sight.entities}
        assert {p["properties"]["id"] for p in points} == set(placed), self.user
        for point in points:
            event = placed[point["properties"]["id"]]
            assert point["properties"]["killed"] == (str(event.killed) if event.killed else None)

    def _by_group(self) -> dict[str, int]:
        counted: Counter[str] = Counter()
        for event in self.sight.events.values():
            groups = dict.fromkeys(p for p in event.perpetrators if p.startswith("grp-"))
            counted.update(g for g in groups if g in self.sight.entities)
        return dict(counted)

    def check_records(self, world: World) -> None:
        for report in world.reports:
            self._found(f"/api/reports/{report.id}", report.id in self.sight.reports)
        for statement in world.statements:
            self._found(f"/api/statements/{statement.id}", statement.id in self.sight.statements)
        for event in world.events:
            found = self.get(f"/api/events/{event.id}")
            assert (found.status_code == 200) is (event.id in self.sight.events), self.user
            if found.status_code == 200:
                assert_event_shown(found.json(), self.sight.events[event.id])
            self.get(f"/api/evidence/{event.id}")
        for relation in world.relations:
            self.get(f"/api/relations/{relation.id}")
            self.get(f"/api/evidence/{relation.id}")
        for entity in world.entities:
            self._found(f"/api/entities/{entity.id}", entity.id in self.sight.entities)
            self.get(f"/api/entities/{entity.id}/timeline")
        self.get("/api/search", q="canary", limit=50)
        self.get("/api/review/queue", limit=LIMIT)
        self.get("/api/review/decisions", limit=LIMIT)

    def _found(self, path: str, visible: bool) -> None:
        status = self.get(path).status_code
        assert (status == 200) is visible, f"{self.user} GET {path}: {status}"

    def check_pages(self, world: World) -> None:
        for page in LIST_PAGES:
            self.get(page)
        for report in world.reports:
            self.get(f"/reports/{report.id}")
        for event in world.events:
            self.get(f"/events/{event.id}")
        for relation in world.relations:
            self.get(f"/relations/{relation.id}")
        for entity in world.entities:
            self.get(f"/entities/{entity.id}")
            self.get("/timeline", entity=entity.id)

    def check_exports(self) -> None:
        for name in EXPORT_FORMATS:
            self.get("/api/export", format=name)


def assert_event_shown(item: dict[str, Any], event: Event) -> None:
    """The event's answer holds exactly the figures of the event as the reader sees it."""
    shown = (
        item["killed"],
        item["date"],
        [p["id"] for p in item["perpetrators"]],
        item["place"]["id"] if item["place"] else None,
    )
    assert shown == (
        event.killed.to_format() if event.killed else None,
        event.date.iso() if event.date else None,
        list(event.perpetrators),
        event.place_id,
    ), item["id"]
