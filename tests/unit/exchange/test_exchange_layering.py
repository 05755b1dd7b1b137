"""The exchange layer reads and writes through the repository port: no SQL, no entrypoints."""

from __future__ import annotations

import ast
from pathlib import Path

import mosaic

EXCHANGE = Path(mosaic.__file__).parent / "exchange"
FORBIDDEN = ("sqlalchemy", "mosaic.store.sql", "mosaic.api", "mosaic.cli", "mosaic.web")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_exchange_layering_imports_no_sql_and_no_entrypoint() -> None:
    found = [
        f"{path.name} imports {name}"
        for path in sorted(EXCHANGE.glob("*.py"))
        for name in sorted(_imports(path))
        if name.startswith(FORBIDDEN)
    ]
    assert len(list(EXCHANGE.glob("*.py"))) > 10
    assert found == []
