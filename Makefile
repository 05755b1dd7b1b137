# Mosaic: `make demo` installs everything and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: install demo test lint bench clean

$(BIN)/mosaic: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/mosaic

install: $(BIN)/mosaic

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/mosaic --db sqlite:///$(DEMO_DB) ingest examples/reports/
	$(BIN)/mosaic --db sqlite:///$(DEMO_DB) stats

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
