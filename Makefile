# tambon: the two commands are `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
CHECK_ENV := DJANGO_SETTINGS_MODULE=tambon.settings.production TAMBON_SECRET_KEY=check-deploy-dummy-secret-0123456789abcdefghijklmnopqrstuvwxyz TAMBON_ALLOWED_HOSTS=example.org

.PHONY: run serve stop test install install-test catalogue messages lint checks unit e2e bench clean

$(VENV)/.run-installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.run-installed requirements-test.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	touch $@

# The benchmarks need only the runtime and a PostgreSQL driver (cases_submit.py runs on both).
$(VENV)/.bench-installed: $(VENV)/.run-installed pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[postgres]'
	touch $@

e2e/node_modules/.installed: e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# System tools come from Debian's packages, installed only when the command is missing
# (a machine may already have Node.js from elsewhere).
install: $(VENV)/.run-installed
	command -v msgfmt >/dev/null || ./scripts/ensure-debian-packages gettext

install-test: install $(VENV)/.test-installed
	test -x /usr/bin/chromium || ./scripts/ensure-debian-packages chromium
	command -v npm >/dev/null || ./scripts/ensure-debian-packages nodejs npm
	command -v redis-server >/dev/null || ./scripts/ensure-debian-packages redis-server
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ./scripts/ensure-debian-packages postgresql
	test -x /usr/sbin/nginx || ./scripts/ensure-debian-packages nginx-light
	$(MAKE) e2e/node_modules/.installed

## make catalogue: bring the Thai catalogue (tambon/locale/th/LC_MESSAGES/django.po) up to date
## with the code: new strings arrive without Thai, removed ones leave. Then write their Thai in
## django.po (any editor or Poedit) and run `make messages`. docs/translation.md says why each flag.
## No prerequisites: tambon/core/tests/test_thai_catalogue.py runs it on a copy of the project.
CATALOGUE_FLAGS := --locale=th --no-location --no-wrap --no-obsolete \
	--ignore=.venv --ignore=node_modules --ignore=e2e --ignore=bench --ignore=var

catalogue:
	$(PY) manage.py makemessages $(CATALOGUE_FLAGS) -v 0

## make messages: compile django.po into the django.mo that Django reads
messages:
	$(PY) manage.py compilemessages --ignore=.venv --ignore=e2e -v 0

## make run: set up everything and serve the demo organizations on http://127.0.0.1:8000 (อบต.พงษ์)
## and http://banhaet.localhost:8000 (ทต.บ้านแฮด); their sign-ins are printed just before.
## The background-task worker runs alongside and stops with the server (docs/operations.md)
run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --with-admin
	$(PY) manage.py task_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

## make serve: the production profile on this machine, on http://127.0.0.1:8000: PostgreSQL
## (primary and replica), Redis, the task worker, granian and nginx, from Debian's packages and
## the lock files, every state under var/serve (kept between runs). make stop ends all of it.
serve: install $(VENV)/.bench-installed messages
	test -x /usr/sbin/nginx || ./scripts/ensure-debian-packages nginx-light
	command -v redis-server >/dev/null || ./scripts/ensure-debian-packages redis-server
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ./scripts/ensure-debian-packages postgresql
	$(PY) -m serverkit.serve start

stop:
	$(PY) -m serverkit.serve stop

## make test: install what the tests need, run the quality gates and the whole suite
## (scripts/test-suites: the unit tests on SQLite and, side by side, on a real PostgreSQL with
## a streaming replica and Redis (serverkit/with_engines.py), but those marked own_databases,
## which start both engines themselves; then the browser tests)
test: install-test messages checks
	PY=$(PY) scripts/test-suites

# pre-commit keeps its cache under var/ (ignored by git), so a CI job with an odd HOME works.
lint: $(VENV)/.test-installed
	PRE_COMMIT_HOME=$(CURDIR)/var/pre-commit $(VENV)/bin/pre-commit run --all-files

checks: lint
	$(VENV)/bin/lint-imports
	$(CHECK_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=tambon.settings.test $(PY) manage.py makemigrations --check --dry-run

unit: install-test messages
	$(PY) -m pytest tambon

e2e: install-test messages
	$(PY) -m pytest e2e

## make bench: nginx vs the production server (granian), cached and uncached; counting accuracy;
## then case submissions per second on SQLite and PostgreSQL, 0 lost and 0 duplicated; then the
## scale benchmark: 1,000 organizations on PostgreSQL (about an hour on 2 shared CPUs; a quick run:
## BENCH_ORGS_ARGS="--organizations 50"); then Thai search quality and speed, tambon against LIKE and
## unsegmented full-text search, on SQLite and PostgreSQL (a quick run: BENCH_SEARCH_ARGS="--docs 5000");
## then Lighthouse (mobile and desktop) on the home page, a news post and the complaint form
bench: install $(VENV)/.bench-installed messages
	test -x /usr/sbin/nginx || ./scripts/ensure-debian-packages nginx-light
	test -x /usr/bin/chromium || ./scripts/ensure-debian-packages chromium
	command -v npm >/dev/null || ./scripts/ensure-debian-packages nodejs npm
	$(MAKE) bench/node_modules/.installed
	command -v wrk >/dev/null || ./scripts/ensure-debian-packages wrk
	command -v redis-server >/dev/null || ./scripts/ensure-debian-packages redis-server
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ./scripts/ensure-debian-packages postgresql
	$(PY) bench/homepage.py $(BENCH_ARGS)
	$(PY) bench/cases_submit.py $(BENCH_CASES_ARGS)
	$(PY) bench/organizations.py $(BENCH_ORGS_ARGS)
	$(PY) bench/search.py $(BENCH_SEARCH_ARGS)
	$(PY) bench/lighthouse.py $(BENCH_LIGHTHOUSE_ARGS)

clean:
	rm -rf $(VENV) var db.sqlite3* e2e/node_modules bench/node_modules
