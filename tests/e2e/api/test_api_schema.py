"""schemathesis over the whole OpenAPI schema: no 5xx, only documented statuses, JSON errors.

A bounded run (MOSAIC_SCHEMA_EXAMPLES examples per operation, 15 by default,
about a minute on two cores) is part of the suite. The longer run by hand:

    MOSAIC_SCHEMA_EXAMPLES=500 .venv/bin/pytest tests/e2e/api/test_api_schema.py -p no:cacheprovider

or against a running server (`mosaic serve`, then):

    schemathesis run http://127.0.0.1:8000/openapi.json --max-examples 500 \
      --checks not_a_server_error,status_code_conformance,content_type_conformance
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    status_code_conformance,
)
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.schemas import APIOperation

from mosaic.api.app import create_app
from mosaic.api.sample import build_sample
from mosaic.store.sql import open_repository
from support.extractors import EmptyExtractor

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
EXAMPLES = int(os.environ.get("MOSAIC_SCHEMA_EXAMPLES", "15"))
ASGI_HOST = "testserver"  # the Host header schemathesis sends to an app in process
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    repo = open_repository(str(Path(tmp_path_factory.mktemp("schema")) / "kb.db"))
    build_sample(repo)
    app = create_app(lambda: repo, EmptyExtractor, allowed_hosts=(ASGI_HOST,))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def problems_of(operation: APIOperation, mode: GenerationMode) -> list[str]:
    """What went wrong on `operation` over EXAMPLES generated requests (schemathesis's
    pytest plugin does not run under pytest 9, so hypothesis drives it here)."""
    found: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Case) -> None:
        response = case.call()
        try:
            case.validate_response(response, checks=CHECKS)
            if response.status_code >= 400:
                assert set(response.json()) == {"error"}, response.text
        except (AssertionError, FailureGroup, Failure) as failure:
            found.append(f"{operation.label} ({mode.value}): {failure}"[:600])

    try:
        run()
    except Unsatisfiable:  # no invalid request exists (an operation without parameters)
        assert mode is GenerationMode.NEGATIVE
    return found


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_api_schema_answers_every_request_as_documented(
    api_schema: schemathesis.BaseSchema, mode: GenerationMode
) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    problems = [p for operation in operations for p in problems_of(operation, mode)]
    assert not problems, "\n".join(problems[:20])
