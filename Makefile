# Quick start: `make run` (opens the app) and `make test` (runs the whole suite headless).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench clean translations dist dist-test icons

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# README.md too: its user guide is package metadata (Help → User guide in the bundle)
$(STAMP): pyproject.toml README.md | $(BIN)/python
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

# The UI translations: lupdate refreshes the .ts from the source (new strings come in unfinished,
# vanished ones go), then lrelease compiles it into the package. Translate the .ts in between
# (Qt Linguist, or by hand); tests/ui/test_translations.py fails while anything is unfinished.
TS_FILES := resources/translations/inventory_app_zh_CN.ts
QM_DIR   := inventory_app/resources/translations

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete inventory_app/ui -ts $(TS_FILES)
	for ts in $(TS_FILES); do \
		$(BIN)/pyside6-lrelease $$ts -qm $(QM_DIR)/$$(basename $$ts .ts).qm || exit 1; \
	done

# What a user installs, built on this machine (Linux: bundle + .deb; Windows: bundle + Inno
# Setup installer; macOS: .app + .dmg), then smoke-tested as a user would run it (installer/).
dist: $(STAMP)
	$(BIN)/python installer/build.py

dist-test: $(STAMP)
	$(BIN)/python installer/dist_test.py

# The icon master resources/icon/inventory-app.svg -> package PNGs, .ico, .icns (commit them)
icons: $(STAMP)
	$(BIN)/python installer/icons.py

bench: $(STAMP)
	$(BIN)/python benchmarks/ledger.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
