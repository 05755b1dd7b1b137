"""Settings read from the environment, with a one-line error for a bad value."""

from __future__ import annotations

import pytest

from mosaic.bootstrap import DEFAULT_CACHE_SECONDS, DEFAULT_THREADS, Settings
from mosaic.errors import InputError


def test_bootstrap_settings_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MOSAIC_ALLOWED_HOSTS", "MOSAIC_CACHE_SECONDS", "MOSAIC_THREADS"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_environment("sqlite:///x.db")
    assert settings.allowed_hosts == ()
    assert settings.cache_seconds == DEFAULT_CACHE_SECONDS
    assert settings.threads == DEFAULT_THREADS


def test_bootstrap_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOSAIC_ALLOWED_HOSTS", " mosaic.example.org, ,10.0.0.5 ")
    monkeypatch.setenv("MOSAIC_CACHE_SECONDS", "0")
    monkeypatch.setenv("MOSAIC_THREADS", "4")
    settings = Settings.from_environment("sqlite:///x.db")
    assert settings.allowed_hosts == ("mosaic.example.org", "10.0.0.5")
    assert settings.cache_seconds == 0
    assert settings.threads == 4


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("MOSAIC_THREADS", "many", "not a number"),
        ("MOSAIC_THREADS", "0", "below 1"),
        ("MOSAIC_CACHE_SECONDS", "-5", "below 0"),
    ],
)
def test_bootstrap_settings_bad_number_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, words: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=f"{name}: .*{words}"):
        Settings.from_environment("sqlite:///x.db")
