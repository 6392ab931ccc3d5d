# Two commands do everything on a fresh machine with Python >= 3.11, Node and make:
#   make run    set up, load demo data and serve http://127.0.0.1:8000
#   make test   set up, then lint (ruff, import layers), system checks, migration check and the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test setup venv assets migrate demo lint check-deploy serve worker clean bench bench-more lighthouse seed-scale load

run: setup demo serve

# No migrate here: the suite builds its own test database, so the development one is left alone.
test: venv assets
	mkdir -p var
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-logo
	$(MANAGE) check --fail-level WARNING
	DATABASE_URL=sqlite://:memory: $(MANAGE) makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

setup: venv assets migrate

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock requirements-dev.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed
	node frontend/build.mjs

migrate: venv
	mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) seed_demo

serve:
	$(MANAGE) runserver 127.0.0.1:8000

# The background worker for emails, reminders and bulk PDFs (production uses the database queue).
worker: venv
	$(MANAGE) db_worker

lint: venv
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-logo

check-deploy: venv
	DJANGO_SETTINGS_MODULE=lms.settings.production SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=training.example.org $(MANAGE) check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules static_build static_collected var

# Benchmarks print figures to compare with the previous run (see bench/) and write them as JSON
# in BENCH_OUT: `bench/compare.py old-folder new-folder` shows what changed. `make bench` times every
# page on the demo and on the scale data (seeded first if missing, minutes, in SCALE_VAR or
# DATABASE_URL's database; the demo run then uses a fresh database beside it), with the queries
# compared, then the certificate PDFs. `make bench-more`: the directory, White Ribbon and reports
# benchmarks, each growing its own data from the demo.
BENCH_OUT ?= var/bench
SCALE_VAR ?= var/scale
BENCH_DEMO_URL = $(if $(DATABASE_URL),$(DATABASE_URL)_bench_demo)
bench: venv assets
	$(PY) bench/ensure_database.py
	mkdir -p $(SCALE_VAR)
	VAR_DIR=$(SCALE_VAR) $(MANAGE) seed_scale --check || $(MAKE) --no-print-directory seed-scale
	failed=0; \
	$(if $(BENCH_DEMO_URL),DATABASE_URL=$(BENCH_DEMO_URL),env -u DATABASE_URL) \
	  $(PY) bench/every_page.py --json $(BENCH_OUT)/every-page-demo.json || failed=1; \
	VAR_DIR=$(SCALE_VAR) $(PY) bench/every_page.py --scale --queries-as $(BENCH_OUT)/every-page-demo.json \
	  --json $(BENCH_OUT)/every-page-scale.json || failed=1; \
	$(PY) bench/certificates.py --json $(BENCH_OUT)/certificates.json || failed=1; \
	exit $$failed

bench-more: venv assets
	$(PY) bench/champions.py --json $(BENCH_OUT)/champions.json
	$(PY) bench/whiteribbon.py --json $(BENCH_OUT)/whiteribbon.json
	$(PY) bench/reports.py --json $(BENCH_OUT)/reports.json

# The scale data (manage.py seed_scale, minutes) in its own SQLite database in SCALE_VAR, or in
# DATABASE_URL's PostgreSQL database (created if missing).
seed-scale: venv
	mkdir -p $(SCALE_VAR)
	$(PY) bench/ensure_database.py
	VAR_DIR=$(SCALE_VAR) $(MANAGE) migrate --no-input -v0
	VAR_DIR=$(SCALE_VAR) $(MANAGE) seed_demo > /dev/null
	VAR_DIR=$(SCALE_VAR) $(MANAGE) seed_scale $(SCALE_ARGS)

# Lighthouse on a phone and a desktop against production settings under gunicorn, with budgets
# (bench/lighthouse.py). Not part of `make test`: it takes minutes and needs Chromium.
lighthouse: venv assets
	$(PY) bench/lighthouse.py

# The load test (bench/load.py): 50 visitors at once for 60 seconds against gunicorn with the
# production settings, the demo on SQLite (or DATABASE_URL's database as it is); fails on any
# error. Installs locust (bench/requirements-load.lock) first. Not part of `make test`.
# Another size: make load LOAD_ARGS="--users 100 --seconds 120"
load: venv assets $(VENV)/.load-installed
	$(PY) bench/load.py $(LOAD_ARGS)

$(VENV)/.load-installed: bench/requirements-load.lock $(VENV)/.installed
	$(PY) -m pip install --quiet -r bench/requirements-load.lock
	touch $@
