# The two commands: `make run` and `make test`. Both set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
DEMO_DIR := build/demo-data
DEMO_PASS := demo-passphrase
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' src/consultdesk/__init__.py)

.PHONY: setup run demo test test-fast lint bench screenshots package translations lock clean

# Installs come from the hashed lock files (tools/lock.sh re-pins them from pyproject.toml):
# the runtime set for `make run`, the runtime and development sets for everything else.
setup: $(STAMP) $(QM)

$(STAMP): pyproject.toml requirements/dev.lock scripts/system-deps.sh
	bash scripts/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP) $(RUN_STAMP)

$(RUN_STAMP): pyproject.toml requirements/run.lock scripts/system-deps.sh
	bash scripts/system-deps.sh run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/run.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(RUN_STAMP)

# The .qm files are committed (a wheel from a clean clone needs them); this keeps them current.
resources/i18n/%.qm: resources/i18n/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: $(RUN_STAMP) $(QM)
	$(BIN)/consultdesk

demo: setup
	test -f $(DEMO_DIR)/consultdesk.db || CONSULTDESK_PASSPHRASE=$(DEMO_PASS) $(BIN)/consultdesk --data-dir $(DEMO_DIR) demo --residents 300
	@echo "The demo passphrase is: $(DEMO_PASS)"
	$(BIN)/consultdesk --data-dir $(DEMO_DIR)

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The quick loop while working: every test but those marked slow (real processes, big data).
test-fast: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

lint: setup
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/mypy
	$(BIN)/lint-imports

# Re-extract strings from the sources into the .ts catalogues (then translate the new ones).
translations: $(STAMP)
	$(BIN)/python tools/i18n.py update

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/bench.py

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots
	$(BIN)/python tools/guide_images.py docs/screenshots

# The wheel and a frozen one-folder build (PyInstaller, packaging/consultdesk.spec), each then
# installed away from the checkout and used: tools/check_package.py says what it runs.
package: setup
	rm -rf dist build/pyinstaller
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/pyinstaller/dist \
		--workpath build/pyinstaller/work packaging/consultdesk.spec
	tar -czf dist/ConsultDesk-$(VERSION)-linux-$(shell uname -m).tar.gz \
		-C build/pyinstaller/dist ConsultDesk
	$(BIN)/python tools/check_package.py dist

lock: $(STAMP)
	bash tools/lock.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
