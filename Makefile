# The two entry points of a fresh machine: `make run` and `make test`.
STORE ?= var/store
PORT ?= 8000

.PHONY: run build serve test test-fast lint js-check setup setup-test

# The set-up's pip output goes to var/setup.log (shown only when it fails); what shows is the build's
# progress and summary, then the service's address.
run:
	@mkdir -p var
	@echo "setting up .venv (log: var/setup.log) ..."
	@bash scripts/setup.sh >var/setup.log 2>&1 || { tail -n 40 var/setup.log; exit 1; }
	@.venv/bin/policykg build --store $(STORE)
	@echo 'the policykg command is .venv/bin/policykg (or: export PATH="$$PWD/.venv/bin:$$PATH")'
	@.venv/bin/policykg serve --store $(STORE) --port $(PORT)

setup:
	bash scripts/setup.sh

setup-test:
	bash scripts/setup.sh --test

build:
	.venv/bin/policykg build --store $(STORE)

serve:
	.venv/bin/policykg serve --store $(STORE) --port $(PORT)

# The whole suite: lint, type checks, the page's scripts, then every test.
test: setup-test lint js-check
	.venv/bin/python -m pytest

# The daily lane: per-language and per-stage tests, no corpus build, server or browser (under a minute).
test-fast:
	.venv/bin/python -m pytest -q -m "not slow and not server and not browser"

lint:
	.venv/bin/ruff check . && .venv/bin/mypy policykg ingest extract link ontology graph api

js-check:
	@for f in api/static/*.js api/static/js/*.js api/static/views/*.js; do \
	  node --experimental-default-type=module --check "$$f" || exit 1; done; echo "page scripts: syntax ok"
