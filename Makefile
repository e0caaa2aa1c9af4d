# The two entry points of a fresh machine: `make run` and `make test`.
STORE ?= var/store
PORT ?= 8000

.PHONY: run build serve test lint setup setup-test

run: setup build serve

setup:
	bash scripts/setup.sh

setup-test:
	bash scripts/setup.sh --test

build:
	.venv/bin/policykg build --store $(STORE)

serve:
	.venv/bin/policykg serve --store $(STORE) --port $(PORT)

test: setup-test
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check . && .venv/bin/mypy policykg ingest extract link ontology graph api
