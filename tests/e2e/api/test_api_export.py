from __future__ import annotations

import csv
import io
import json

import pytest
import stix2validator
from fastapi.testclient import TestClient

from mosaic.exchange.formats import EXPORT_FORMATS

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("name", list(EXPORT_FORMATS))
def test_api_export_answers_every_format_as_a_download(client: TestClient, name: str) -> None:
    response = client.get("/api/export", params={"format": name})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(EXPORT_FORMATS[name].media_type)
    assert "attachment" in response.headers["content-disposition"]
    assert len(response.content) > 200


def test_api_export_stix_is_valid_and_keeps_the_filters(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "stix", "group": "JuA"})
    assert stix2validator.validate_string(response.text).is_valid
    incidents = [o for o in json.loads(response.text)["objects"] if o["type"] == "incident"]
    assert [o["name"] for o in incidents] == ["suicide bombing in Wagah on 2014-11-02"]


def test_api_export_acled_filters_by_date(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "csv-acled", "since": "2014-12"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["location"] for row in rows] == ["Peshawar"]


def test_api_export_unknown_format_is_a_400_naming_it(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "xlsx"})
    assert response.status_code == 400
    assert "xlsx" in response.text


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("/events?country=PK", "/api/export?country=PK&amp;format=stix"),
        ("/entities/jua", "/api/export?group=jua&amp;format=misp"),
        ("/network?as_of=2014-09-01", "/api/export?as_of=2014-09-01&amp;format=graphml"),
    ],
)
def test_api_export_pages_link_to_downloads(client: TestClient, page: str, expected: str) -> None:
    html = client.get(page).text
    assert expected in html
    href = expected.replace("&amp;", "&")
    assert client.get(href).status_code == 200


def test_api_export_unknown_group_is_a_404(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "geojson", "group": "Nobody At All"})
    assert response.status_code == 404
