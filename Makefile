# Lineup: `make run` serves the demo on http://127.0.0.1:5000, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := lineup training quizzes recognition
export FLASK_APP := wsgi

.PHONY: run test install install-dev translations i18n-extract lint bench clean

$(BIN)/python:
	@$(PYTHON) -c "import sys; assert sys.version_info >= (3, 11)" || { echo "Python 3.11 or newer is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed translations

install-dev: $(VENV)/.installed-dev translations

# Compile each package's German and English catalogue (.po -> .mo).
translations: $(VENV)/.installed
	@for pkg in $(PACKAGES); do \
	  if [ -d $$pkg/translations/de ]; then $(BIN)/pybabel compile -f -d $$pkg/translations; fi; \
	done

# Refresh the catalogues from the source (run after adding user-facing strings).
i18n-extract: $(VENV)/.installed
	bash scripts/i18n_extract.sh

run: install
	@mkdir -p instance
	$(BIN)/flask db upgrade
	@if [ ! -f instance/.demo-seeded ]; then $(BIN)/flask seed-demo && touch instance/.demo-seeded; fi
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: install-dev
	@bash scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .

bench: install-dev
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) .pytest_cache
