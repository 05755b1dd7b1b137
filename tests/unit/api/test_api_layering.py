"""The API and the web pages sit above the repository port: no CLI, no SQL, no pages in the API."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import mosaic

SOURCE = Path(mosaic.__file__).parent
SQL_MODULES = ("mosaic.store.aggregates", "mosaic.store.lookups", "mosaic.store.sql")


def imported(package: str) -> dict[str, set[str]]:
    """The modules each module of `package` imports, by file name."""
    found: dict[str, set[str]] = {}
    for path in sorted((SOURCE / package).glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[path.name] = names
    return found


def offending(package: str, prefixes: tuple[str, ...]) -> list[str]:
    return [
        f"{module} imports {name}"
        for module, names in imported(package).items()
        for name in sorted(names)
        if name.startswith(prefixes)
    ]


def test_api_imports_neither_cli_nor_web() -> None:
    assert offending("api", ("mosaic.cli", "mosaic.web")) == []


@pytest.mark.parametrize("package", ["api", "web"])
def test_api_reads_through_the_port_not_sql(package: str) -> None:
    assert offending(package, SQL_MODULES) == []


def test_api_never_looks_for_an_engine() -> None:
    sources = {p.name: p.read_text(encoding="utf-8") for p in (SOURCE / "api").glob("*.py")}
    assert [name for name, text in sources.items() if "engine" in text] == []
