#!/usr/bin/env bash
# tools/call memory_get round trips per second over MCP Streamable HTTP (stateless JSON: no
# session, one JSON answer per POST) as a 2025-11-25 and as a 2026-07-28 request (per-request
# _meta, Mcp-Method/Mcp-Name headers), and over the WebSocket, next to REST GET /api/v1/memory/{id},
# against the same entry on the embedded H2, in one run.
# Usage: [JAVA=...] bootstrap/src/bench/mcp-bench.sh [seconds per run, default 20] [connections, default 64]
# Needs wrk (apt-get install wrk) and a built jar (./mvnw -DskipTests package). A free port unless
# PORT is given (a taken one stops it); fails on any non-2xx answer or tool error (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-64}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN bench_start "$WORK/app.log" "$PORT"

curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"mcp@bench.example","password":"bench password 1"}' >/dev/null
TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"mcp@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
KEY=$(curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
ID=$(curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"bench","content":"the entry every run reads"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
CALL=$(bench_mcp_call "$ID")

cat >"$WORK/rest.lua" <<LUA
wrk.headers["X-API-Key"] = "$KEY"
LUA
bench_mcp_lua "$WORK/mcp.lua" "$KEY" "$ID" 2025-11-25
bench_mcp_lua "$WORK/mcp2026.lua" "$KEY" "$ID" 2026-07-28
summary() { grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' | tr -s ' ' | paste -sd' ' -; }

echo "warm-up"; bench_wrk "$WORK/rest.lua" -t2 -c16 -d5s "http://localhost:$PORT/api/v1/memory/$ID" >/dev/null
bench_wrk "$WORK/mcp.lua" -t2 -c16 -d5s "http://localhost:$PORT/mcp" >/dev/null
bench_wrk "$WORK/mcp2026.lua" -t2 -c16 -d5s "http://localhost:$PORT/mcp" >/dev/null
bench_wrk "$WORK/rest.lua" -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://localhost:$PORT/api/v1/memory/$ID" >"$WORK/rest.out"
echo "REST GET /api/v1/memory/{id}:  $(summary <"$WORK/rest.out")"
bench_wrk "$WORK/mcp.lua" -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://localhost:$PORT/mcp" >"$WORK/mcp.out"
echo "MCP Streamable HTTP (JSON):    $(summary <"$WORK/mcp.out")"
bench_wrk "$WORK/mcp2026.lua" -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://localhost:$PORT/mcp" >"$WORK/mcp2026.out"
echo "MCP 2026-07-28 (stateless):    $(summary <"$WORK/mcp2026.out")"
"${JAVA:-java}" src/bench/WsBench.java "ws://localhost:$PORT/ws" "$KEY" "$CONNECTIONS" "$SECONDS_PER_RUN" "$CALL"
