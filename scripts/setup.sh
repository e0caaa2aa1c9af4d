#!/usr/bin/env bash
# Idempotent set-up of a fresh machine: Python environment, and with --test the system packages the
# test suite drives for real (headless Chromium, Virtuoso) and the browser test driver.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
else
  .venv/bin/python -m pip install --quiet -e .
fi

# Browser assets of the web page come from the npm registry at set-up time (never committed).
if [ -f api/web/package.json ] && command -v npm >/dev/null 2>&1; then
  (cd api/web && if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund; else npm install --silent --no-audit --no-fund; fi)
  (cd api/web && npm run --silent build)
fi

if [ "$want_test" = 1 ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
  # CJK fonts so that screenshots of the page show Chinese text, not boxes
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    else
      echo "setup: please install ${need[*]} (Debian packages) for the full test suite" >&2
    fi
  fi
fi
