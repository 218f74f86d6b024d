# Made in Aachen-Nord: `make run` serves the demo, `make test` runs every test. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint setup migrate demo static messages clean

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(BIN)/activate

setup: $(BIN)/activate

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

static: setup
	$(PY) manage.py collectstatic --noinput --verbosity 0

# The task worker (e-mails and their PDFs, sent after the commit) runs beside the development server and stops
# with it.
run: demo static
	$(PY) manage.py db_worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The suite creates its own test database (SQLite by default, PostgreSQL with DATABASE_URL=postgres://...).
test: setup
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/ruff check .
	$(BIN)/pytest $(PYTEST_ARGS)

bench: setup
	$(PY) bench/run.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check . || true

messages: setup
	$(PY) manage.py makemessages --locale de --locale en --locale nl --locale fr --ignore '.venv/*' --ignore 'staticfiles/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles .test-media .pytest_cache
