#!/usr/bin/env bash
# Starts Virtuoso 7 (Debian package virtuoso-opensource) on 127.0.0.1 with its database in DIR.
# Usage: virtuoso.sh DIR   Prints KEY=VALUE lines (PID, HTTP_PORT, SQL_PORT, QUERY_URL, UPDATE_URL,
# STORE_URL, USER, PASSWORD) once SPARQL answers; stop it with `kill $PID`.
#
# Writes a minimal virtuoso.ini (both listeners on loopback, free ports, no row cap below 1,000,000),
# replaces the default dba password by a random one, and hands out the authenticated endpoints
# (/sparql-auth, /sparql-graph-crud-auth: HTTP Digest as dba), which may read and write.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/_common.sh"

dir=${1:?usage: virtuoso.sh DIR}
bin=$(command -v virtuoso-t || true)
isql=$(command -v isql-vt || command -v isql || true)
if [ -z "$bin" ] || [ -z "$isql" ]; then
  echo "virtuoso not found: apt-get install virtuoso-opensource" >&2
  exit 3
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sql_port=$(free_port)
http_port=$(free_port)
while [ "$http_port" = "$sql_port" ]; do http_port=$(free_port); done
vsp=/var/lib/virtuoso-opensource-7/vsp
[ -d "$vsp" ] || vsp="$dir"
vad=/usr/share/virtuoso-opensource-7/vad

cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 8
CheckpointInterval   = 60
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2
CaseMode             = 2
DirsAllowed          = ., $dir, $vad
VADInstallDir        = $vad/

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $vsp
MaxClientConnections = 8
ServerThreads        = 8
EnabledGzipContent   = 0
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
INI

cd "$dir"
setsid "$bin" +configfile "$dir/virtuoso.ini" +foreground >"$dir/stdout.log" 2>&1 </dev/null &
pid=$!

fail() {
  kill "$pid" 2>/dev/null || true
  echo "virtuoso did not start: $1; log:" >&2
  tail -20 "$dir/virtuoso.log" >&2 2>/dev/null || tail -20 "$dir/stdout.log" >&2
  exit 1
}

url="http://127.0.0.1:$http_port"
wait_for 120 sparql_ready "$url/sparql" || fail "no answer on $url/sparql"
alive "$pid" || fail "process exited"

password=$("$py" -c 'import secrets; print(secrets.token_hex(12))')
"$isql" "127.0.0.1:$sql_port" dba dba exec="USER_SET_PASSWORD('dba', '$password');" >/dev/null \
  || fail "could not set the dba password"

echo "PID=$pid"
echo "HTTP_PORT=$http_port"
echo "SQL_PORT=$sql_port"
echo "QUERY_URL=$url/sparql-auth"
echo "UPDATE_URL=$url/sparql-auth"
echo "STORE_URL=$url/sparql-graph-crud-auth"
echo "USER=dba"
echo "PASSWORD=$password"
