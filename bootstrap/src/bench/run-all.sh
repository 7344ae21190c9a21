#!/usr/bin/env bash
# Issue 16's one benchmark command. Starts this service (the jar, on its embedded H2 defaults, with the
# README's JVM settings) and node oidc-provider 9.13.3 (in memory, a client_credentials client issuing
# ES256 JWT access tokens) on free ports, warms every path up, then measures each with wrk -t1 -c32 -d10s:
#   /health; POST /oauth/introspect; POST /oauth/token client_credentials (this service and the peer);
#   GET /api/v1/memory/{id} with an API key and with an OAuth access token (Bearer);
#   MCP tools/call memory_get as 2026-07-28 (stateless), 2025-11-25 (Streamable HTTP, JSON) and over
#   the WebSocket.
# Prints a table (req/s, p50, p99, the ratio the issue's target is about), the start-to-ready time and
# the service's RSS idle and after the load, and writes them into docs/performance.md between
# <!-- run-all:begin --> and <!-- run-all:end --> (RUN_ALL_WRITE=false: print only).
# Refuses a taken port (PORT, PEER_PORT) and fails on any non-2xx answer, wrong body or socket error
# (bench-lib.sh). Every figure comes from one run on one machine: compare the ratios, not the
# absolute numbers, and read them next to the load average printed with them.
#
# Usage: bootstrap/src/bench/run-all.sh [--temurin25] [seconds per run, default 10] [connections, default 32]
#   JAVA=/path/to/java        another JDK (--temurin25: /usr/lib/jvm/temurin-25-jdk-amd64)
#   JAVA_OPTS="..."           JVM options instead of the README's (BENCH_JAVA_OPTS below)
#   TIMEOUT=10s               wrk's per-request timeout (a timed-out request is a socket error: the run fails)
#   RUN_ALL_BUILD=true        rebuild the jar even when bootstrap/target/onasis-gateway.jar exists
# Needs wrk (apt-get install wrk) and npm (Node 22 and oidc-provider are installed on first use into
# bootstrap/target/bench-node, like the browser tests' packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
if [ "${1:-}" = "--temurin25" ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; shift; fi
JAVA=${JAVA:-java}
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
TIMEOUT=${TIMEOUT:-10s}
BENCH_JAVA_OPTS=$BENCH_README_JAVA_OPTS
read -r -a JVM_ARGS <<<"${JAVA_OPTS:-$BENCH_JAVA_OPTS}"
NODE_HOME=target/bench-node
NODE="$NODE_HOME/node_modules/node/bin/node"
PEER_VERSION=9.13.3

if [ "${RUN_ALL_BUILD:-false}" = true ] || [ ! -f target/onasis-gateway.jar ]; then
  echo "building the jar"
  (cd .. && ./mvnw -q -B -pl bootstrap -am -DskipTests package)
fi
if [ ! -x "$NODE" ] || ! grep -q "\"version\": \"$PEER_VERSION\"" "$NODE_HOME/node_modules/oidc-provider/package.json" 2>/dev/null; then
  echo "installing Node 22 and oidc-provider@$PEER_VERSION into $NODE_HOME"
  mkdir -p "$NODE_HOME"
  npm install --no-audit --no-fund --prefix "$NODE_HOME" node@22 "oidc-provider@$PEER_VERSION" >"$NODE_HOME/npm.log" 2>&1 \
    || { echo "npm install failed (see bootstrap/$NODE_HOME/npm.log)" >&2; exit 1; }
fi
cp src/bench/oidc-peer.mjs "$NODE_HOME/"

PORT=$(bench_port "${PORT:-}")
PEER_PORT=$(bench_port "${PEER_PORT:-}")
[ "$PORT" != "$PEER_PORT" ] || { echo "PORT and PEER_PORT must differ" >&2; exit 2; }
WORK=$(mktemp -d)
PEER_PID=""
trap 'bench_stop; [ -z "$PEER_PID" ] || kill "$PEER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# --- the service -------------------------------------------------------------------------------
# Embedded defaults (H2 file database, request log on, in-process embeddings) except what would
# refuse or log every call: the rate limiter and the per-request access-log lines; and the per-user MCP session
# cap (32), which the WebSocket warm-up and run together exceed (the oldest sockets would be closed).
STARTED_AT=$(date +%s%N)
ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN ONASIS_MCP_MAX_SESSIONS_PER_USER=1000 \
  bench_start "$WORK/app.log" "$PORT" "${JVM_ARGS[@]}"
READY_MS=$((($(date +%s%N) - STARTED_AT) / 1000000))
BASE="http://localhost:$PORT"

json() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
curl -sf -XPOST "$BASE/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"run-all@bench.example","password":"bench password 1"}' >/dev/null
LOGIN=$(curl -sf -XPOST "$BASE/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"run-all@bench.example","password":"bench password 1"}' | json access_token)
KEY=$(curl -sf -XPOST "$BASE/api/v1/auth/api-keys" -H "Authorization: Bearer $LOGIN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | json key)
ID=$(curl -sf -XPOST "$BASE/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"bench","content":"the entry every run reads"}' | json id)
# a confidential client_credentials client (token endpoint and introspection)
CLIENT=$(curl -sf -XPOST "$BASE/register" -H 'content-type: application/json' \
  -d '{"client_name":"bench","grant_types":["client_credentials"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic","scope":"memories:read"}')
BASIC=$(printf '%s:%s' "$(echo "$CLIENT" | json client_id)" "$(echo "$CLIENT" | json client_secret)" | base64 -w0)
CC_TOKEN=$(curl -sf -XPOST "$BASE/oauth/token" -H "Authorization: Basic $BASIC" -d grant_type=client_credentials | json access_token)
# a user's OAuth access token for the REST API: a public client, the login token exchanged for it
PUBLIC=$(curl -sf -XPOST "$BASE/register" -H 'content-type: application/json' \
  -d '{"client_name":"bench app","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","redirect_uris":["http://127.0.0.1:9/callback"],"scope":"memories:read"}' | json client_id)
BEARER=$(curl -sf -XPOST "$BASE/legacy/exchange" -H 'content-type: application/json' \
  -d "{\"token\":\"$LOGIN\",\"client_id\":\"$PUBLIC\",\"scope\":\"memories:read\",\"resource\":\"$BASE/api/v1\"}" | json access_token)
curl -sf "$BASE/api/v1/memory/$ID" -H "Authorization: Bearer $BEARER" >/dev/null \
  || { echo "the OAuth access token does not read the memory" >&2; exit 1; }
rss() { awk -v f="$1" '$1 == f":" {printf "%d", $2 / 1024}' "/proc/$BENCH_PID/status"; }
IDLE_RSS=$(rss VmRSS)

# --- the peer ----------------------------------------------------------------------------------
PEER_SECRET="bench-$RANDOM$RANDOM-$RANDOM$RANDOM-secret"
(cd "$NODE_HOME" && exec node_modules/node/bin/node oidc-peer.mjs "$PEER_PORT" bench "$PEER_SECRET") >"$WORK/peer.log" 2>&1 &
PEER_PID=$!
PEER_BASIC=$(printf 'bench:%s' "$PEER_SECRET" | base64 -w0)
for _ in $(seq 100); do
  curl -sf -XPOST "http://localhost:$PEER_PORT/token" -H "Authorization: Basic $PEER_BASIC" -d grant_type=client_credentials \
    2>/dev/null | grep -q access_token && break
  kill -0 "$PEER_PID" 2>/dev/null || { echo "oidc-provider did not start:" >&2; cat "$WORK/peer.log" >&2; exit 1; }
  sleep 0.2
done
grep -q "listening on http://localhost:$PEER_PORT" "$WORK/peer.log" || { echo "the peer is not the one started here" >&2; exit 1; }

# --- the paths ---------------------------------------------------------------------------------
CALL=$(bench_mcp_call "$ID")
cat >"$WORK/health.lua" <<LUA
expect = '"status"'
LUA
cat >"$WORK/introspect.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $BASIC"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "token=$CC_TOKEN"
expect = '"active":true'
LUA
bench_token_lua "$WORK/token.lua" "$BASIC"
bench_token_lua "$WORK/peer-token.lua" "$PEER_BASIC"
cat >"$WORK/get-key.lua" <<LUA
wrk.headers["X-API-Key"] = "$KEY"
expect = '"$ID"'
LUA
cat >"$WORK/get-bearer.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $BEARER"
expect = '"$ID"'
LUA
bench_mcp_lua "$WORK/mcp2026.lua" "$KEY" "$ID" 2026-07-28
bench_mcp_lua "$WORK/mcp2025.lua" "$KEY" "$ID" 2025-11-25

# measure <name> <lua> <url>: the measured run; keeps "req/s p50 p99" in $WORK/<name>. WARMING=true: a 5 s
# warm-up only (every path is warmed up before any is measured, so that the JIT has compiled the shared code
# of all of them: /health measured first on a cold JIT would make every ratio to it look too good)
measure() {
  if [ "${WARMING:-false}" = true ]; then
    bench_wrk "$2" -t1 -c"$CONNECTIONS" -d5s --timeout "$TIMEOUT" "$3" >/dev/null
    return
  fi
  bench_wrk "$2" -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout "$TIMEOUT" --latency "$3" >"$WORK/$1.out"
  awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print r, p50, p99}' "$WORK/$1.out" >"$WORK/$1"
  echo "  $1: $(cat "$WORK/$1")"
}
every_path() {
  measure health "$WORK/health.lua" "$BASE/health"
  measure introspect "$WORK/introspect.lua" "$BASE/oauth/introspect"
  measure token "$WORK/token.lua" "$BASE/oauth/token"
  measure peer-token "$WORK/peer-token.lua" "http://localhost:$PEER_PORT/token"
  measure get-key "$WORK/get-key.lua" "$BASE/api/v1/memory/$ID"
  measure get-bearer "$WORK/get-bearer.lua" "$BASE/api/v1/memory/$ID"
  measure mcp2026 "$WORK/mcp2026.lua" "$BASE/mcp"
  measure mcp2025 "$WORK/mcp2025.lua" "$BASE/mcp"
}
echo "warming up every path (5 s each)"
WARMING=true every_path
"$JAVA" src/bench/WsBench.java "ws://localhost:$PORT/ws" "$KEY" "$CONNECTIONS" 5 "$CALL" >/dev/null
echo "measuring ($CONNECTIONS connections, ${SECONDS_PER_RUN}s each; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
every_path
"$JAVA" src/bench/WsBench.java "ws://localhost:$PORT/ws" "$KEY" "$CONNECTIONS" "$SECONDS_PER_RUN" "$CALL" >"$WORK/ws.out"
sed -E 's/.*= ([0-9]+) req\/s, p50 ([0-9.]+) ms, p99 ([0-9.]+) ms.*/\1 \2ms \3ms/' "$WORK/ws.out" >"$WORK/ws"
echo "  ws: $(cat "$WORK/ws") ($(sed -E 's/.*\(client: (.*)\)/\1/' "$WORK/ws.out"))"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
LOADED_RSS=$(rss VmRSS)
PEAK_RSS=$(rss VmHWM)

# --- the table ---------------------------------------------------------------------------------
rate() { cut -d' ' -f1 "$WORK/$1"; }
pct() { awk -v a="$(rate "$1")" -v b="$(rate "$2")" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
times() { awk -v a="$(rate "$1")" -v b="$(rate "$2")" 'BEGIN {printf "%.2f×", a / b}'; }
thousands() { awk -v n="$1" 'BEGIN {n = sprintf("%.0f", n); s = ""
  while (length(n) > 3) { s = " " substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } print n s}'; }
row() { # label, name, ratio text
  read -r r p50 p99 <"$WORK/$2"
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$(thousands "$r")" "$p50" "$p99" "$3"
}
JDK=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.vendor/ {v=$2} /java.runtime.version/ {r=$2} END {print v, r}')
{
  echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $LOAD (1, 5, 15 min) at the end."
  echo "JDK: $JDK; JVM options: \`${JAVA_OPTS:-$BENCH_JAVA_OPTS}\`, \`MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX MALLOC_TRIM_THRESHOLD_=$MALLOC_TRIM_THRESHOLD_ MALLOC_TOP_PAD_=$MALLOC_TOP_PAD_\`. Peer: node $("$NODE" --version) oidc-provider $PEER_VERSION."
  echo "\`wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s\` per path, after a 5 s warm-up of every path (WebSocket: WsBench, like wrk one thread with $CONNECTIONS connections, one request in flight on each)."
  echo
  echo "| path | req/s | p50 | p99 | ratio |"
  echo "|---|---|---|---|---|"
  row "\`GET /health\`" health "100 % (the reference)"
  row "\`POST /oauth/introspect\`" introspect "$(pct introspect health) of /health (target ≥ 50 %)"
  row "\`POST /oauth/token\` client_credentials (JWT)" token "$(times token peer-token) oidc-provider (target ≥ 3×)"
  row "oidc-provider \`POST /token\` client_credentials (JWT)" peer-token "the peer"
  row "\`GET /api/v1/memory/{id}\`, API key" get-key "$(pct get-key health) of /health (target ≥ 50 %)"
  row "\`GET /api/v1/memory/{id}\`, OAuth bearer" get-bearer "$(pct get-bearer health) of /health (target ≥ 50 %)"
  row "MCP \`memory_get\`, 2026-07-28 stateless" mcp2026 "$(pct mcp2026 get-key) of the REST GET (target ≥ 70 %)"
  row "MCP \`memory_get\`, 2025-11-25 Streamable HTTP JSON" mcp2025 "$(pct mcp2025 get-key) of the REST GET (target ≥ 70 %)"
  row "MCP \`memory_get\`, WebSocket" ws "$(pct ws get-key) of the REST GET (target ≥ 70 %)"
  echo
  echo "Start to ready (launch until \`/api/v1/status\` answers, polled every 0.1 s): $READY_MS ms."
  echo "RSS of the service: $IDLE_RSS MB idle after start-up and set-up, $LOADED_RSS MB after the load, peak (VmHWM) $PEAK_RSS MB."
} >"$WORK/table.md"
echo
cat "$WORK/table.md"

if [ "${RUN_ALL_WRITE:-true}" = true ]; then
  DOC=../docs/performance.md
  grep -q '<!-- run-all:begin -->' "$DOC" || printf '\n<!-- run-all:begin -->\n<!-- run-all:end -->\n' >>"$DOC"
  awk -v table="$WORK/table.md" '
    /<!-- run-all:begin -->/ {print; while ((getline line < table) > 0) print line; skip=1; next}
    /<!-- run-all:end -->/ {skip=0}
    !skip {print}' "$DOC" >"$WORK/doc" && cat "$WORK/doc" >"$DOC"
  echo "written to docs/performance.md"
fi
