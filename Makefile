# Aisle — the two commands are `make dev` and `make test`; everything else supports them.
# The Makefile installs what it needs on a fresh machine: a Python 3.11 virtualenv (CPU torch
# first), the frontend and widget builds, and Debian's Chromium for the browser tests.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# uv installs exactly what uv.lock records (versions and hashes); it lives in its own small
# virtualenv so that `uv sync` never removes itself from the project's.
UV_TOOLS := .tools
UV := $(UV_TOOLS)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON := $(PYTHON)
# The same variable the browser tests and benchmarks read (apps/core/processes.py).
CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: help install lock upgrade frontend system-packages dev test test-python test-js lint migrate shell stop bench clean openapi

help:
	@echo "make dev      set everything up and run Aisle (web + worker + scheduler) with a demo store"
	@echo "make test     set everything up and run every test (lint, Python, frontend, widget, browser)"
	@echo "make lint     ruff, mypy, the import boundaries (lint-imports) and the TypeScript checks"
	@echo "make lock     re-resolve uv.lock after editing pyproject.toml (make upgrade: newest allowed)"
	@echo "make migrate  apply migrations to the public schema, the template and every store"
	@echo "make shell    Django shell against the (embedded) services"
	@echo "make openapi  regenerate frontend/openapi.json (the admin site's API types) after an API change"
	@echo "make bench SUITE=tenants   run a benchmark suite, figures in bench-<suite>.json"
	@echo "make stop     stop the embedded PostgreSQL and Redis"

# --- setup --------------------------------------------------------------------------------
$(UV): tools/uv-requirements.txt
	@test -x $(UV_TOOLS)/bin/python || $(PYTHON) -m venv $(UV_TOOLS)
	$(UV_TOOLS)/bin/pip install --quiet --require-hashes -r tools/uv-requirements.txt
	@touch $@

# The lock holds every Python dependency with its hash; torch is the CPU wheel on this kind of
# machine (pyproject's [tool.uv.sources]). --frozen: install the lock as it is, never re-resolve.
$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(UV) sync --frozen --extra embedded
	@touch $@

install: $(VENV)/.installed

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

widget/node_modules/.package-lock.json: widget/package-lock.json
	cd widget && npm ci --no-audit --no-fund

FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/openapi.json -type f 2>/dev/null)
WIDGET_SOURCES := $(shell find widget/src widget/scripts widget/vite.config.ts -type f 2>/dev/null)

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build --silent

widget/dist/manifest.json: widget/node_modules/.package-lock.json $(WIDGET_SOURCES)
	cd widget && npm run build --silent

frontend: frontend/dist/index.html widget/dist/manifest.json

# Debian packages: Chromium for the browser tests, Tesseract for OCR of scanned documents.
APT_PACKAGES := chromium tesseract-ocr tesseract-ocr-eng
system-packages:
	@if [ ! -x "$(CHROMIUM_PATH)" ] || ! command -v tesseract >/dev/null; then \
		echo "Installing Debian packages: $(APT_PACKAGES)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

# --- the two commands ---------------------------------------------------------------------
dev: install frontend system-packages
	$(PY) manage.py dev

test: install frontend system-packages lint test-js test-python

test-js: frontend/node_modules/.package-lock.json widget/node_modules/.package-lock.json
	cd frontend && npm test --silent
	cd widget && npm test --silent

# pytest runs last so its summary line closes the output.
test-python: install
	$(PY) -m pytest

lint: install frontend/node_modules/.package-lock.json widget/node_modules/.package-lock.json
	$(UV) lock --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy apps config bench
	$(VENV)/bin/lint-imports --no-logo
	cd frontend && npm run lint --silent
	cd widget && npm run typecheck --silent

# --- everyday helpers ---------------------------------------------------------------------
# The lock changes only on purpose: `lock` after a pyproject.toml edit keeps every other pin,
# `upgrade` moves everything to the newest release its range allows.
lock: $(UV)
	$(UV) lock

upgrade: $(UV)
	$(UV) lock --upgrade

migrate: install
	$(PY) manage.py migrate_schemas

shell: install
	$(PY) manage.py shell

# The committed schema the admin site's TypeScript types are generated from (a test checks it).
openapi: install
	$(PY) manage.py spectacular --format openapi-json --file frontend/openapi.json

SUITE ?= tenants
bench: install
	$(PY) manage.py bench $(SUITE) --json bench-$(SUITE).json

stop: install
	$(PY) -c "from config import embedded_services as e; print('stopped:', ', '.join(e.stop()) or 'nothing was running')"

clean:
	rm -rf frontend/dist widget/dist staticfiles
