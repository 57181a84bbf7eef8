# `make site` and `make test` set everything up themselves: a virtual environment from the
# pinned files, Debian's chromium for the browser tests, and axe-core from the npm registry.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# What publishing needs (requirements.lock), and that plus the tests' tools (requirements-test.lock).
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed

.PHONY: site test generate serve check lint golden bench browser clean locks

site: $(RUNTIME)
	$(BIN)/briefing build

test: $(STAMP) browser
	$(BIN)/pytest -q

generate: $(RUNTIME)
	$(BIN)/briefing generate

serve: $(RUNTIME)
	$(BIN)/briefing serve

check: $(RUNTIME)
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

# Every package pinned by hash (--require-hashes): a changed or substituted file fails the install.
$(RUNTIME): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --require-hashes --no-deps --only-binary :all: -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME) requirements-test.lock
	$(BIN)/python -m pip install -q --require-hashes -r requirements-test.lock
	touch $(STAMP)

# Refresh the locks after a change to pyproject.toml's dependencies (keeps every other pin); review the diff.
locks: $(STAMP)
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url --no-emit-find-links \
		--extra test -c requirements.lock -o requirements-test.lock pyproject.toml

# Browsers cannot be downloaded here: the tests drive Debian's chromium.
browser: node_modules/axe-core/axe.min.js
	test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

clean:
	rm -rf site .briefing-cache .site_src.staging
