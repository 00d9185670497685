# strikewatch: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= strikewatch-demo.db

# The extraction and events modules compiled with mypyc (faster; pure Python when there
# is no C compiler). Rebuilt when a module changes; see strikewatch/native.py.
NATIVE := strikewatch/_compiled/manifest.json
NATIVE_SOURCES := $(filter-out %/__init__.py,$(wildcard strikewatch/extract/*.py strikewatch/events/*.py))

.PHONY: install native demo test test-fast bench system-deps clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "strikewatch needs Python 3.11+")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[postgres,dask,test,native]'
	touch $@

install: $(BIN)/.installed

$(NATIVE): $(BIN)/.installed $(NATIVE_SOURCES) strikewatch/native.py scripts/build_native.py
	$(BIN)/python scripts/build_native.py

native: $(NATIVE)

demo: install native
	$(BIN)/strikewatch extract strikewatch/samples --format table
	$(BIN)/strikewatch ingest strikewatch/samples --db sqlite:///$(DEMO_DB)
	$(BIN)/strikewatch list --db sqlite:///$(DEMO_DB)
	@echo "Dashboard: run  $(BIN)/strikewatch serve --db sqlite:///$(DEMO_DB)  and open http://127.0.0.1:8000/ (API docs: /docs)"

# PostgreSQL and Chromium come from Debian's packages for the integration tests;
# tests that need them skip with a reason when they cannot be installed.
system-deps:
	@bash scripts/system-deps.sh

test: install native system-deps
	$(BIN)/python -m pytest

test-fast: install native
	$(BIN)/python -m pytest -m "not pg and not browser"

bench: install native
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(DEMO_DB) strikewatch/_compiled
