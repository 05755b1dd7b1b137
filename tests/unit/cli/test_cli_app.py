import pytest

from mosaic.cli.app import hoist_db_option


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["stats", "--db", "x.db"], ["--db", "x.db", "stats"]),
        (["serve", "--db=x.db", "--port", "9"], ["--db=x.db", "serve", "--port", "9"]),
        (["--db", "x.db", "stats"], ["--db", "x.db", "stats"]),
        (["extract", "--", "--db"], ["extract", "--", "--db"]),
    ],
)
def test_cli_app_db_option_works_after_the_command(given: list[str], expected: list[str]) -> None:
    assert hoist_db_option(given) == expected
