# The README's commands: make run, make test, make bench, make translations.
# Catalogues carry no creation date and no Babel version, so that extracting twice, or with
# another Babel, changes nothing (no merge noise).
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app lms
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
CATALOGUES := lms courses networks action_plans oer
LANGUAGES := de it tr
PYTEST_ARGS ?=
# the suite runs in parallel processes (pytest-xdist), one per core
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
# scorm-again: the SCORM 1.2 runtime the SCORM package is played in by the tests (never served
# by the app); tests/browser/scorm_lms.py finds it under .cache/npm
SCORM_AGAIN_VERSION := 3.4.3
NPM_CACHE := .cache/npm

.PHONY: install run test test-deps lint-imports test-sqlite test-postgres system-deps bench-deps translations compile-translations bench clean

# pip says only what went wrong (-qq: errors, no warnings, no progress bars)
PIP_QUIET := --quiet --quiet --disable-pip-version-check --progress-bar off

$(STAMP): setup.cfg pyproject.toml
	@echo "Installing into $(VENV) (the first time takes a few minutes):"
	@echo "  a virtual environment" && python3 -m venv $(VENV)
	@echo "  pip" && $(VENV)/bin/pip install $(PIP_QUIET) --upgrade pip
	@echo "  Inclusion LMS and its dependencies" && $(VENV)/bin/pip install $(PIP_QUIET) -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) compile-translations

# a catalogue is compiled when one of its .mo files is missing or older than its .po
compile-translations: $(STAMP)
	@for c in $(CATALOGUES); do \
	  for po in $$c/translations/*/LC_MESSAGES/messages.po; do \
	    if [ -f "$$po" ] && [ ! "$${po%.po}.mo" -nt "$$po" ]; then \
	      $(VENV)/bin/pybabel -q compile -d $$c/translations || exit 1; break; \
	    fi; \
	  done; \
	done

# The background worker (package builds, mail, the daily clean-up) runs beside the web server
# and stops with it. Links in packages and mail are built on SITE_URL: by default the address
# served here.
run: install
	@export SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
	$(FLASK) db upgrade && $(FLASK) seed-demo || exit 1; \
	$(FLASK) worker --workers 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host $(HOST) --port $(PORT)

system-deps:
	@# Debian packages the tests need: chromium (browser tests), the DejaVu Sans files every PDF
	@# (certificates, OER packages) is set in (core: upright, extra: oblique), epubcheck and a
	@# Java runtime (the OER e-books are checked with it).
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	for f in DejaVuSans.ttf DejaVuSans-Bold.ttf DejaVuSansMono.ttf DejaVuSansMono-Bold.ttf; do \
	  [ -f /usr/share/fonts/truetype/dejavu/$$f ] || { missing="$$missing fonts-dejavu-core"; break; }; done; \
	for f in DejaVuSans-Oblique.ttf DejaVuSans-BoldOblique.ttf DejaVuSansMono-Oblique.ttf \
	  DejaVuSansMono-BoldOblique.ttf; do \
	  [ -f /usr/share/fonts/truetype/dejavu/$$f ] || { missing="$$missing fonts-dejavu-extra"; break; }; done; \
	[ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1 || missing="$$missing epubcheck default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian packages for the tests:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null || \
	    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null); \
	  else echo "missing Debian packages ($$missing) and this is not root: tests that need them will skip"; fi; \
	fi

test-deps:
	@installed=$$(sed -n 's/^  "version": "\(.*\)",$$/\1/p' \
	  $(NPM_CACHE)/node_modules/scorm-again/package.json 2>/dev/null); \
	if [ "$$installed" != "$(SCORM_AGAIN_VERSION)" ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "Installing scorm-again $(SCORM_AGAIN_VERSION) for the SCORM tests into $(NPM_CACHE)"; \
	    npm install --no-save --no-audit --no-fund --prefix $(NPM_CACHE) \
	      scorm-again@$(SCORM_AGAIN_VERSION) >/dev/null || exit 1; \
	  else echo "npm is missing: the SCORM runtime tests will skip (and fail under CI=true)"; fi; \
	fi

test: install system-deps test-deps
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint-imports && \
	$(MAKE) --no-print-directory test-sqlite && $(MAKE) --no-print-directory test-postgres; \
	status=$$?; echo "make test took $$(( $$(date +%s) - start )) s"; exit $$status

# the architecture's contracts (setup.cfg, [importlinter]): which package may import which
lint-imports:
	@echo "== import contracts"
	@out=$$($(VENV)/bin/lint-imports --no-cache 2>&1) && echo "$$out" | grep "^Contracts:" || \
	  { echo "$$out"; exit 1; }

# Each test runs where it tells something: what the database plays no part in (package bytes,
# merges, charts, catalogues: marked database_independent) runs once, in the SQLite pass; the
# browser journeys (tests/browser) and the tests that need PostgreSQL run in the PostgreSQL pass,
# production's database. Everything else runs on both. `make test-sqlite SQLITE_MARKS=` runs them all there.
SQLITE_MARKS ?= not postgres_only and not (browser and not database_independent)
POSTGRES_MARKS ?= not database_independent

test-sqlite:
	@echo "== test suite on SQLite"
	$(PY) -m pytest -n $(TEST_WORKERS) -m "$(SQLITE_MARKS)" $(PYTEST_ARGS)

test-postgres:
	@if $(PY) -m tests.postgres_server; then \
	  echo "== test suite on PostgreSQL"; \
	  LMS_TEST_DATABASE=postgresql $(PY) -m pytest -n $(TEST_WORKERS) -m "$(POSTGRES_MARKS)" $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL does not answer and CI=true: failing"; exit 1; \
	else echo "PostgreSQL does not answer: the PostgreSQL run is skipped"; fi

translations: $(STAMP)
	@for c in $(CATALOGUES); do \
	  mkdir -p $$c/translations; \
	  $(VENV)/bin/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext --no-location \
	    --sort-output --project=inclusion-lms -o $$c/translations/messages.pot $$c; \
	  sed -i '/^"POT-Creation-Date:/d; /^"Generated-By:/d' $$c/translations/messages.pot; \
	  for l in $(LANGUAGES); do \
	    if [ -f $$c/translations/$$l/LC_MESSAGES/messages.po ]; then \
	      $(VENV)/bin/pybabel -q update --no-fuzzy-matching -i $$c/translations/messages.pot -d $$c/translations -l $$l; \
	    else $(VENV)/bin/pybabel -q init -i $$c/translations/messages.pot -d $$c/translations -l $$l; fi; \
	    sed -i '/^"POT-Creation-Date:/d; /^"Generated-By:/d' $$c/translations/$$l/LC_MESSAGES/messages.po; \
	  done; \
	done
	$(MAKE) --no-print-directory compile-translations

bench-deps:
	@if ! command -v wrk >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's wrk for the benchmarks"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null || \
	    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null); \
	  else echo "wrk is missing and this is not root: apt-get install wrk"; exit 1; fi; \
	fi

bench: install bench-deps
	$(PY) -m tests.bench.run

clean:
	rm -rf $(VENV) instance .pytest_cache
