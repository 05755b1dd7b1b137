"""Debian's Chromium for the browser tests: where it is and how it is started."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserType

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(chromium: BrowserType, *extra_args: str) -> Browser:
    """Debian's /usr/bin/chromium, never a downloaded build, with `extra_args` added."""
    return chromium.launch(executable_path=str(CHROMIUM), args=[*ARGS, *extra_args])
