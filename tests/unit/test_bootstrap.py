"""Settings read from the environment, with a one-line error for a bad value; extensions
loaded before the store opens."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from mosaic.bootstrap import (
    DEFAULT_CACHE_SECONDS,
    DEFAULT_THREADS,
    MAX_DEFAULT_WORKERS,
    Settings,
    keep_loaded_objects,
    load_extensions,
    open_knowledge_base,
)
from mosaic.errors import InputError
from mosaic.model import EventType


def test_bootstrap_settings_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MOSAIC_ALLOWED_HOSTS", "MOSAIC_CACHE_SECONDS", "MOSAIC_THREADS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("MOSAIC_WORKERS", raising=False)
    settings = Settings.from_environment("sqlite:///x.db")
    assert settings.allowed_hosts == ()
    assert settings.cache_seconds == DEFAULT_CACHE_SECONDS
    assert settings.threads == DEFAULT_THREADS
    assert settings.workers == min(len(os.sched_getaffinity(0)), MAX_DEFAULT_WORKERS)


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_bootstrap_one_worker_for_an_in_memory_database(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.delenv("MOSAIC_WORKERS", raising=False)
    assert Settings.from_environment(url).workers == 1


def test_bootstrap_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOSAIC_ALLOWED_HOSTS", " mosaic.example.org, ,10.0.0.5 ")
    monkeypatch.setenv("MOSAIC_CACHE_SECONDS", "0")
    monkeypatch.setenv("MOSAIC_THREADS", "4")
    monkeypatch.setenv("MOSAIC_WORKERS", "3")
    settings = Settings.from_environment("sqlite:///x.db")
    assert settings.allowed_hosts == ("mosaic.example.org", "10.0.0.5")
    assert settings.cache_seconds == 0
    assert settings.threads == 4
    assert settings.workers == 3


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("MOSAIC_THREADS", "many", "not a number"),
        ("MOSAIC_THREADS", "0", "below 1"),
        ("MOSAIC_CACHE_SECONDS", "-5", "below 0"),
        ("MOSAIC_WORKERS", "0", "below 1"),
    ],
)
def test_bootstrap_settings_bad_number_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, words: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=f"{name}: .*{words}"):
        Settings.from_environment("sqlite:///x.db")


EXTENSION_MODULE = """
from mosaic.model import register_event_type

TRUCE = register_event_type("bootstrap_test_truce")
"""


def test_bootstrap_loads_installed_extensions_before_the_store_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extension installed as a package (a dist-info with an entry point, found on
    sys.path) has its event type known once the knowledge base is opened."""
    (tmp_path / "truce_extension.py").write_text(EXTENSION_MODULE)
    info = tmp_path / "truce_extension-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: truce-extension\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[mosaic_event_rules]\ntruce = truce_extension:TRUCE\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    load_extensions.cache_clear()
    with pytest.raises(ValueError):
        EventType("bootstrap_test_truce")
    open_knowledge_base(Settings(f"sqlite:///{tmp_path / 'kb.db'}"))
    assert "mosaic_event_rules:truce" in load_extensions()
    assert EventType("bootstrap_test_truce").value == "bootstrap_test_truce"
    load_extensions.cache_clear()


class _Node:
    """An object the collector tracks, which may point at itself."""

    loop: _Node | None = None


def test_bootstrap_keep_loaded_objects_freezes_the_living_and_collects_garbage() -> None:
    kept, garbage = _Node(), _Node()
    garbage.loop = garbage  # a cycle: only the collector frees it
    probe = weakref.ref(garbage)
    del garbage
    try:
        keep_loaded_objects()
        assert probe() is None
        assert gc.get_freeze_count() > 0
        assert not any(thing is kept for thing in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(thing is kept for thing in gc.get_objects())
