# Quick start: `make run` (opens the app) and `make test` (runs the whole suite headless).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# First run: a demo shop in the default database (user data folder), then the app opens it.
run: $(STAMP)
	@$(BIN)/python -c "import sys; from inventory_app.services.shop import default_db_path as p; sys.exit(0 if p().exists() else 1)" \
		|| (echo "First run: building a demo shop in the default database..." && $(BIN)/python -m inventory_app demo)
	$(BIN)/python main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python benchmarks/ledger.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
