# Runner Legs — make run · make test · make bench · make screenshots · make bundle
#   make run   installs what the app needs (nothing for testing) and starts it
#   make test  adds the test tools (pytest, ruff, mypy, import-linter) and runs every check
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-fast lint bench screenshots clean

$(BIN)/python:
	@echo "make: creating the virtual environment in $(VENV)/ (once)"
	$(PYTHON) -m venv $(VENV)
	@echo "make: updating pip in $(VENV)/"
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone: Qt, peewee, reportlab and friends (about 300 MB, a minute or two the first time).
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "make: installing Runner Legs and what it needs to run into $(VENV)/"
	$(BIN)/python -m pip install --disable-pip-version-check -e .
	@touch $(STAMP)

# The test tools on top (pytest, hypothesis, pypdf, ruff, mypy, import-linter).
$(TEST_STAMP): $(STAMP) pyproject.toml
	@echo "make: installing the test tools into $(VENV)/"
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[test]'
	@touch $(TEST_STAMP)

run: $(STAMP)
	@echo "make: starting Runner Legs"
	$(BIN)/runner-legs

lint: $(TEST_STAMP)
	@echo "make: ruff, mypy and the import contracts"
	$(BIN)/ruff check core desktop tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	@echo "make: the test suite"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The quick tests only (no bundle, no kill test): what CI runs again with the clock moved on.
test-fast: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m 'not slow' -p no:cacheprovider

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop.screenshots docs/screenshots

-include packaging/bundle.mk

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
