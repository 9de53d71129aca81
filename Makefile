# Everything a fresh machine with Python 3.11+ and make needs.
#   make serve   set up, then preview the site at http://127.0.0.1:8000/
#   make test    set up (Python packages, Debian's Chromium), then lint (ruff, mypy) and run every test
#   make lint    ruff and mypy with the pinned tools of requirements-dev.lock (the first step of make test)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.dev-installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve bench build properdocs test check coverage update system-deps clean node-deps fonts lighthouse \
        screenshots lint

# requirements-properdocs.lock: ProperDocs, the maintained fork of MkDocs 1.x (make properdocs; a test
# checks that it builds the same pages as MkDocs). Its other dependencies are in requirements.lock.
$(STAMP): pyproject.toml requirements.lock requirements-properdocs.lock
	@echo "Setting up $(VENV) from requirements.lock (first run only, a few minutes)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock -r requirements-properdocs.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# make serve rebuilds the whole site on every save (exact navigation and search index).
# make serve DIRTY=1 re-renders only the article pages whose seed or catalog changed: much faster
# on a large site, but the preview's search index then covers only the re-rendered pages.
# make serve PORT=8001 previews at http://127.0.0.1:8001/ (a busy port is reported before the build).
PORT ?= 8000
serve: $(STAMP)
	@$(BIN)/python scripts/check_port.py $(PORT)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT) $(if $(DIRTY),--dirty)

# Benchmark (not part of the tests): synthetic corpora of 10, 100 and 1,000 articles; prints a table.
bench: $(STAMP) system-deps
	$(BIN)/python bench/run.py $(BENCH_ARGS)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The same site built by ProperDocs (reads mkdocs.yml, runs the hooks and Material), into site/.
properdocs: $(STAMP)
	DISABLE_MKDOCS_2_WARNING=true $(BIN)/properdocs build --strict -f mkdocs.yml

# Debian packages the tests use: Chromium for browser tests, gettext for msgfmt --check.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v msgfmt >/dev/null; then \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext fonts-dejavu-core >/dev/null; \
	fi
	@test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium missing after apt-get install" >&2; exit 1; }

test: lint system-deps
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/explainer check

coverage: $(STAMP)
	$(BIN)/explainer coverage

update: $(STAMP)
	$(BIN)/explainer update

# Node tools (package.json / package-lock.json): the @fontsource fonts and Lighthouse.
node-deps: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Refresh the self-hosted fonts in docs/assets/fonts from the npm @fontsource packages.
fonts: node-deps
	cp node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2 \
	   node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2 docs/assets/fonts/
	cp node_modules/@fontsource/noto-naskh-arabic/LICENSE docs/assets/fonts/LICENSE-noto-naskh-arabic.txt
	cp node_modules/@fontsource/noto-sans/LICENSE docs/assets/fonts/LICENSE-noto-sans.txt

# Lighthouse scores of the Arabic and English article pages (reports in build/lighthouse/).
lighthouse: $(STAMP) system-deps node-deps
	scripts/lighthouse.sh

# Screenshots for the README: desktop and phone, Arabic and English, light and dark.
screenshots: $(STAMP) system-deps
	rm -rf build/screenshot-site
	$(BIN)/mkdocs build --strict -q -d build/screenshot-site
	$(BIN)/python scripts/screenshots.py build/screenshot-site screenshots

# Lint gate (ruff, mypy; config in pyproject.toml): the first step of `make test`, so a finding fails CI.
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

lint: $(DEV_STAMP)
	@status=0; $(BIN)/ruff check . || status=1; $(BIN)/mypy || status=1; exit $$status

clean:
	rm -rf $(VENV) site .pytest_cache node_modules .mypy_cache .ruff_cache
