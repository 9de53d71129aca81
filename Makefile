# Everything a fresh machine with Python 3.11+ and make needs.
#   make serve   set up, then preview the site at http://127.0.0.1:8000/
#   make test    set up (Python packages, Debian's Chromium), then run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check coverage update system-deps clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || \
	  $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# Debian packages the tests use: Chromium for browser tests, gettext for msgfmt --check.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v msgfmt >/dev/null; then \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext fonts-dejavu-core >/dev/null; \
	fi
	@test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium missing after apt-get install" >&2; exit 1; }

test: $(STAMP) system-deps
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/explainer check

coverage: $(STAMP)
	$(BIN)/explainer coverage

update: $(STAMP)
	$(BIN)/explainer update

clean:
	rm -rf $(VENV) site .pytest_cache
