"""Random worlds of organisations, sharing groups and marked records, asked by every user.

Every API endpoint (lists, records, search, network, map, figures, exports) and
the main web pages answer each user of a random world stored in a real SQLite
file: no answer shows what the rules hide, and lists and figures hold exactly
what the rules show. `MOSAIC_WORLDS` sets how many worlds (a few by default);
`benchmarks/visibility_worlds.py` runs many more and prints the counts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.store.sql import SqlRepository, open_repository
from support.accounts import CHEAP_HASHER
from support.world_checks import Tally, check_world
from support.worlds import USERS, World, worlds

pytestmark = pytest.mark.e2e
WORLDS = int(os.environ.get("MOSAIC_WORLDS", "6"))
TALLY = Tally()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlRepository]:
    repo = open_repository(str(tmp_path_factory.mktemp("worlds") / "kb.db"))
    yield repo
    repo.close()
    print(f"\nvisibility worlds: {TALLY}")


@pytest.fixture(scope="module")
def tokens(store: SqlRepository) -> dict[str, str]:
    for organisation in sorted(set(USERS.values())):
        accounts.add_organisation(store, organisation, COMMAND_LINE)
    return {
        user: accounts.add_user(
            store, CHEAP_HASHER, user, organisation, Role.READER, COMMAND_LINE
        ).token
        for user, organisation in USERS.items()
    }


@settings(
    max_examples=WORLDS,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a world takes long
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds())
def test_api_visibility_no_answer_shows_what_the_rules_hide(
    store: SqlRepository, tokens: dict[str, str], world: World
) -> None:
    check_world(store, world, tokens, TALLY)
    assert TALLY.requests > 0
