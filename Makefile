# Hamkor: `make demo` serves a demo; `make test` runs every test.
# Prerequisites: Python 3.11+, Node.js with npm, make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HAMKOR := $(BIN)/hamkor
INSTALLED := $(VENV)/.installed
VENDORED  := hamkor/static/vendor/.stamp
PYTEST_ARGS ?=

.PHONY: demo test vendor lint format install messages bench bench-large clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(INSTALLED)

$(VENDORED): package.json package-lock.json tools/vendor.py
	npm ci --no-audit --no-fund --loglevel=error
	$(PYTHON) tools/vendor.py

vendor: $(VENDORED)

# The public reference lists (world universities, Erasmus charter holders, QS) when present.
DATA_DIR ?= $(or $(HAMKOR_DATA_DIR),../shared/data)

demo: install vendor
	$(HAMKOR) migrate --noinput
	@if [ -d "$(DATA_DIR)" ]; then $(HAMKOR) load-directory --from "$(DATA_DIR)"; \
	else echo "no reference lists in $(DATA_DIR): demo partners come from a built-in list"; fi
	$(HAMKOR) demo-data
	$(HAMKOR) serve 127.0.0.1:8000

# Two workers: the machine's two cores (each worker has its own test database); the slowest
# tests are listed at the end, so that a CI log shows where its time went.
PYTEST_WORKERS ?= 2

test: install vendor
	$(BIN)/pytest -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(HAMKOR) makemigrations --check --dry-run
	$(HAMKOR) check --fail-level WARNING

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Collect new strings, derive Uzbek Cyrillic from Uzbek Latin, compile every catalogue.
messages: install
	cd hamkor && ../$(HAMKOR) collect-messages
	$(HAMKOR) make-cyrillic
	cd hamkor && ../$(HAMKOR) compilemessages -l uz -l ru -l en -l uz_Cyrl

bench: install vendor
	$(BIN)/python bench/list_pages.py

# A large university's data (hamkor bench-data through bench/generate.py, which migrates and
# loads the world directory first), then the pages timed against their raw SQL.
# Set DATABASE_URL to a PostgreSQL database of its own; without it, SQLite in var/bench/.
BENCH_SCALE ?= 1
bench-large: install vendor
	HAMKOR_VAR_DIR=$${HAMKOR_VAR_DIR:-var/bench} $(BIN)/python bench/generate.py --scale $(BENCH_SCALE)
	HAMKOR_VAR_DIR=$${HAMKOR_VAR_DIR:-var/bench} $(BIN)/python bench/pages.py

clean:
	rm -rf $(VENV) node_modules hamkor/static/vendor
