# Shared by the server scripts: a Python to run helpers with, free loopback ports, bounded readiness
# waits. Sourced after `here` is set to the scripts/servers folder.

if [ -n "${PYTHON:-}" ]; then
  py=$PYTHON
elif [ -x "$here/../../.venv/bin/python" ]; then
  py="$here/../../.venv/bin/python"
else
  py=python3
fi

free_port() {
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# sparql_ready URL: the SPARQL endpoint at URL answers `ASK {}` with 200.
sparql_ready() {
  "$py" - "$1" <<'PY'
import sys, urllib.parse, urllib.request
request = urllib.request.Request(
    sys.argv[1], data=urllib.parse.urlencode({"query": "ASK {}"}).encode(),
    headers={"Accept": "application/sparql-results+json"},
)
with urllib.request.urlopen(request, timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}

# wait_for SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds; fails after SECONDS.
wait_for() {
  local limit=$1
  shift
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 0.2
  done
}

# alive PID: the process exists and is not a zombie.
alive() {
  [ -d "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
