#!/usr/bin/env bash
# Soak test (not part of the build): mixed REST, MCP and OAuth load against the real jar for a while,
# with the service's resident memory (RSS) and open file descriptors sampled every 30 s, plus one
# live SSE subscriber (/api/v1/events) held open the whole time. Fails on any non-2xx answer, any
# socket error or timeout, or when the subscriber's stream ends early.
#
# Usage: [JAVA=...] bootstrap/src/bench/soak.sh [minutes, default 30] [port, default 4600] [connections, default 16]
# Needs wrk and curl, and a built jar: ./mvnw -q -o -DskipTests -pl bootstrap -am package
# Refuses to start when the port is taken. Prints one line per 30 s window and a summary; the
# samples are also written to soak-<date>.tsv in the current directory.
set -euo pipefail
MINUTES=${1:-30}
PORT=${2:-4600}
CONNECTIONS=${3:-16}
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
JAR=target/onasis-gateway.jar
[ -f "$JAR" ] || { echo "no $JAR: ./mvnw -q -o -DskipTests -pl bootstrap -am package" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
if bench_port_taken "$PORT"; then
  echo "port $PORT is taken: pass a free one as the second argument" >&2; exit 2
fi
WORK=$(mktemp -d)
TSV="$OLDPWD/soak-$(date -u +%Y%m%dT%H%M%SZ).tsv"
APP="" SSE=""
cleanup() {
  [ -n "$SSE" ] && kill "$SSE" 2>/dev/null || true
  [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

# rate limits off: they are not under test here and would refuse the load from one address
PORT=$PORT ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_LOG_LEVEL=WARN ONASIS_ACCESS_LOG_LEVEL=WARN ONASIS_RATE_LIMITS_ENABLED=false \
  "${JAVA:-java}" -Xmx512m -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$PORT/health" >/dev/null || { echo "the service did not start:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
BASE="http://localhost:$PORT"

curl -sf -XPOST "$BASE/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"soak@bench.example","password":"soak password 1"}' >/dev/null
TOKEN=$(curl -sf -XPOST "$BASE/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"soak@bench.example","password":"soak password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
KEY=$(curl -sf -XPOST "$BASE/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"name":"soak"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
ID=$(curl -sf -XPOST "$BASE/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"soak","content":"the entry every read finds","tags":["soak"]}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
CLIENT=$(curl -sf -XPOST "$BASE/register" -H 'content-type: application/json' \
  -d '{"client_name":"soak","grant_types":["client_credentials"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic","scope":"memories:read"}')
BASIC=$(printf '%s:%s' "$(echo "$CLIENT" | sed -E 's/.*"client_id":"([^"]+)".*/\1/')" \
  "$(echo "$CLIENT" | sed -E 's/.*"client_secret":"([^"]+)".*/\1/')" | base64 -w0)
CC=$(curl -sf -XPOST "$BASE/oauth/token" -H "Authorization: Basic $BASIC" -d grant_type=client_credentials \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# one subscriber for the whole run: it sees every memory event the load causes
curl -sN -H "X-API-Key: $KEY" -H 'Accept: text/event-stream' "$BASE/api/v1/events" >"$WORK/events" 2>/dev/null &
SSE=$!

# the mix: each connection walks this list in turn; a created entry is deleted by the next request
cat >"$WORK/mix.lua" <<LUA
local key, basic, id, cc = "$KEY", "$BASIC", "$ID", "$CC"
local json = {["Content-Type"] = "application/json", ["X-API-Key"] = key}
local mcp = {["Content-Type"] = "application/json", ["X-API-Key"] = key,
             ["Accept"] = "application/json, text/event-stream", ["MCP-Protocol-Version"] = "2025-11-25"}
local form = {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = "Basic " .. basic}
local plain = {["X-API-Key"] = key}
local function call(tool, args)
  return '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"' .. tool .. '","arguments":' .. args .. '}}'
end
local mix = {
  {"POST", "/api/v1/memory", json, '{"title":"soak entry","content":"written and deleted again","tags":["soak"],"metadata":{"n":1}}'},
  {"GET", "/api/v1/memory/" .. id, plain, nil},
  {"GET", "/api/v1/memory?limit=20", plain, nil},
  {"POST", "/api/v1/memory/search", json, '{"query":"soak entry","limit":5}'},
  {"POST", "/mcp", mcp, call("memory_get", '{"id":"' .. id .. '"}')},
  {"POST", "/mcp", mcp, call("memory_search", '{"query":"soak","limit":5}')},
  {"POST", "/mcp", mcp, '{"jsonrpc":"2.0","id":2,"method":"tools/list"}'},
  {"POST", "/oauth/token", form, "grant_type=client_credentials"},
  {"POST", "/oauth/introspect", form, "token=" .. cc},
  {"GET", "/.well-known/oauth-authorization-server", {}, nil},
  {"GET", "/jwks", {}, nil},
  {"GET", "/api/v1/memory/stats", plain, nil},
}
local step, pending = 0, nil
request = function()
  if pending then
    local target = pending
    pending = nil
    return wrk.format("DELETE", "/api/v1/memory/" .. target, plain, nil)
  end
  step = step % #mix + 1
  local r = mix[step]
  return wrk.format(r[1], r[2], r[3], r[4])
end
response = function(status, headers, body)
  if status == 201 then
    pending = string.match(body, '"id":"([^"]+)"')
  end
end
LUA

sample() { # rss_kib fds
  printf '%s\t%s' "$(ps -o rss= -p "$APP" | tr -d ' ')" "$(ls "/proc/$APP/fd" | wc -l)"
}
printf 'window\trequests\tnon_2xx\tsocket_errors\treq_per_s\tp99\trss_kib\tfds\n' | tee "$TSV"
printf '0\t0\t0\t0\t0\t-\t%s\n' "$(sample)" | tee -a "$TSV"
WINDOWS=$(( MINUTES * 2 ))
TOTAL=0 BAD=0 ERRORS=0
for window in $(seq "$WINDOWS"); do
  OUT=$(wrk -t2 -c"$CONNECTIONS" -d30s --timeout 10s --latency -s "$WORK/mix.lua" "$BASE")
  REQS=$(echo "$OUT" | sed -nE 's/^ *([0-9]+) requests in.*/\1/p')
  NON2XX=$(echo "$OUT" | sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p'); NON2XX=${NON2XX:-0}
  SOCK=$(echo "$OUT" | sed -nE 's/.*Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+).*/\1 \2 \3 \4/p' \
    | awk '{print $1+$2+$3+$4}'); SOCK=${SOCK:-0}
  RPS=$(echo "$OUT" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p')
  P99=$(echo "$OUT" | sed -nE 's/^ *99% *([0-9.]+[a-z]+).*/\1/p')
  TOTAL=$(( TOTAL + REQS )); BAD=$(( BAD + NON2XX )); ERRORS=$(( ERRORS + SOCK ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$window" "$REQS" "$NON2XX" "$SOCK" "$RPS" "$P99" "$(sample)" | tee -a "$TSV"
done
ALIVE=yes; kill -0 "$SSE" 2>/dev/null || ALIVE=no
EVENTS=$(grep -c '^event:\|^data:' "$WORK/events" || true)
echo "total requests $TOTAL, non-2xx $BAD, socket errors/timeouts $ERRORS; SSE subscriber alive: $ALIVE ($EVENTS event lines)"
echo "samples: $TSV"
if grep -q ' ERROR ' "$WORK/app.log"; then echo "errors in the service log:"; grep ' ERROR ' "$WORK/app.log" | head -5; fi
[ "$BAD" -eq 0 ] && [ "$ERRORS" -eq 0 ] && [ "$ALIVE" = yes ]
