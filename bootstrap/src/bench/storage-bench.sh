#!/usr/bin/env bash
# Memory create and get throughput, and list/search latency with one user holding ~100 000 entries
# among other users' entries, on the embedded H2 or on a local Postgres.
# Usage: [JAVA=...] bootstrap/src/bench/storage-bench.sh h2|postgres [seconds of create load, default 60]
# Needs wrk; for postgres the Debian server binaries (/usr/lib/postgresql/15/bin) and a 'postgres' OS user.
set -euo pipefail
cd "$(dirname "$0")/../.."
KIND=${1:-h2}
SEED_SECONDS=${2:-60}
PORT=4200
WORK=$(mktemp -d)
chmod 777 "$WORK"
PG=/usr/lib/postgresql/15/bin
cleanup() {
  kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
  if [ "$KIND" = postgres ]; then su postgres -c "$PG/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$KIND" = postgres ]; then
  su postgres -c "$PG/initdb -D $WORK/pg -A trust -U postgres" >/dev/null
  su postgres -c "$PG/pg_ctl -D $WORK/pg -o '-p 5499 -k $WORK' -l $WORK/pg.log start" >/dev/null
  sleep 2
  export ONASIS_STORAGE=neon ONASIS_DATABASE_URL="postgresql://postgres@127.0.0.1:5499/postgres?sslmode=disable"
else
  export ONASIS_STORAGE=h2 ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db"
fi
PORT=$PORT ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_POOL_SIZE=16 \
  "${JAVA:-java}" -jar target/onasis-gateway.jar >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done

key_for() {
  curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"email\":\"$1@bench.example\",\"password\":\"bench password 1\"}" >/dev/null
  TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1@bench.example\",\"password\":\"bench password 1\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/'
}
MAIN=$(key_for main)
OTHER=$(key_for other)

cat >"$WORK/create.lua" <<'LUA'
local words = {"deploy", "kubernetes", "postgres", "redis", "oauth", "memory", "vector", "search", "release", "incident"}
counter = 0
request = function()
  counter = counter + 1
  local w1 = words[(counter % #words) + 1]
  local w2 = words[((counter * 7) % #words) + 1]
  local body = string.format('{"title":"%s notes %d","content":"about %s and %s, entry %d","tags":["%s"],"type":"knowledge"}',
    w1, counter, w1, w2, counter, w2)
  return wrk.format("POST", "/api/v1/memory", nil, body)
end
LUA
header() { printf 'wrk.headers["X-API-Key"] = "%s"\nwrk.headers["Content-Type"] = "application/json"\n' "$1"; }
{ header "$OTHER"; cat "$WORK/create.lua"; } >"$WORK/create-other.lua"
{ header "$MAIN"; cat "$WORK/create.lua"; } >"$WORK/create-main.lua"

echo "== seed: other users' entries (10 s)"
wrk -t2 -c32 -d10s -s "$WORK/create-other.lua" "http://localhost:$PORT" | grep -E "Requests/sec"
echo "== create: POST /api/v1/memory, 64 connections, ${SEED_SECONDS}s (the main user's entries)"
wrk -t2 -c64 -d"${SEED_SECONDS}s" -s "$WORK/create-main.lua" --latency "http://localhost:$PORT" | grep -E "Requests/sec|50%|99%|Non-2xx"
TOTAL=$(curl -sf "localhost:$PORT/api/v1/memory/stats" -H "X-API-Key: $MAIN" | sed -E 's/.*"total_memories":([0-9]+).*/\1/')
echo "main user holds $TOTAL entries"
ID=$(curl -sf "localhost:$PORT/api/v1/memory?limit=1" -H "X-API-Key: $MAIN" | sed -E 's/.*"memories":\[\{"id":"([^"]+)".*/\1/')

{ header "$MAIN"; } >"$WORK/get.lua"
echo "== get: GET /api/v1/memory/{id}, 64 connections, 20 s"
wrk -t2 -c64 -d20s -s "$WORK/get.lua" --latency "http://localhost:$PORT/api/v1/memory/$ID" | grep -E "Requests/sec|50%|99%"
echo "== list: GET /api/v1/memory?limit=20&page=50&sort=updated_at, 16 connections, 20 s"
wrk -t2 -c16 -d20s -s "$WORK/get.lua" --latency "http://localhost:$PORT/api/v1/memory?limit=20&page=50&sort=updated_at" | grep -E "Requests/sec|50%|99%"
{ header "$MAIN"; printf 'wrk.method = "POST"\nwrk.body = "{\\"query\\":\\"kubernetes incident\\",\\"limit\\":20}"\n'; } >"$WORK/search.lua"
echo "== search: POST /api/v1/memory/search, 16 connections, 20 s"
wrk -t2 -c16 -d20s -s "$WORK/search.lua" --latency "http://localhost:$PORT/api/v1/memory/search" | grep -E "Requests/sec|50%|99%"
