#!/usr/bin/env bash
# Starts an Oxigraph SPARQL server on 127.0.0.1 with its data in DIR (created if missing).
# Usage: oxigraph.sh DIR [PORT]   Prints KEY=VALUE lines (PID, PORT, QUERY_URL, UPDATE_URL, STORE_URL)
# once the server answers queries; stop it with `kill $PID`. The union of all named graphs is the
# default graph, as in the embedded store and in Virtuoso.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/_common.sh"

dir=${1:?usage: oxigraph.sh DIR [PORT]}
port=${2:-$(free_port)}
bin=${OXIGRAPH:-}
if [ -z "$bin" ]; then
  if [ -x "$here/../../.venv/bin/oxigraph" ]; then bin="$here/../../.venv/bin/oxigraph"; else bin=$(command -v oxigraph || true); fi
fi
if [ -z "$bin" ]; then
  echo "oxigraph server not found: pip install oxigraph" >&2
  exit 3
fi
mkdir -p "$dir"
setsid "$bin" serve --location "$dir/data" --bind "127.0.0.1:$port" --union-default-graph \
  >"$dir/server.log" 2>&1 </dev/null &
pid=$!
url="http://127.0.0.1:$port"
if ! wait_for 30 sparql_ready "$url/query"; then
  kill "$pid" 2>/dev/null || true
  echo "oxigraph server did not start; log:" >&2
  tail -20 "$dir/server.log" >&2
  exit 1
fi
echo "PID=$pid"
echo "PORT=$port"
echo "QUERY_URL=$url/query"
echo "UPDATE_URL=$url/update"
echo "STORE_URL=$url/store"
