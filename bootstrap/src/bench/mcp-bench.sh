#!/usr/bin/env bash
# tools/call memory_get round trips per second over MCP Streamable HTTP (stateless JSON: no
# session, one JSON answer per POST) and over the WebSocket, next to REST GET /api/v1/memory/{id},
# against the same entry on the embedded H2.
# Usage: [JAVA=...] bootstrap/src/bench/mcp-bench.sh [seconds per run, default 20] [connections, default 64]
# Needs wrk (apt-get install wrk) and a built jar (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-64}
PORT=4300
WORK=$(mktemp -d)
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

PORT=$PORT ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  "${JAVA:-java}" -jar target/onasis-gateway.jar >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done

curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"mcp@bench.example","password":"bench password 1"}' >/dev/null
TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"mcp@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
KEY=$(curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
ID=$(curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"bench","content":"the entry every run reads"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
CALL="{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_get\",\"arguments\":{\"id\":\"$ID\"}}}"

cat >"$WORK/rest.lua" <<LUA
wrk.headers["X-API-Key"] = "$KEY"
LUA
cat >"$WORK/mcp.lua" <<LUA
wrk.method = "POST"
wrk.body = '$CALL'
wrk.headers["X-API-Key"] = "$KEY"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"isError":false', 1, true) then wrk.thread:stop() end
end
LUA
summary() { grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' | tr -s ' ' | paste -sd' ' -; }

echo "warm-up"; wrk -t2 -c16 -d5s -s "$WORK/rest.lua" "http://localhost:$PORT/api/v1/memory/$ID" >/dev/null
wrk -t2 -c16 -d5s -s "$WORK/mcp.lua" "http://localhost:$PORT/mcp" >/dev/null
echo "REST GET /api/v1/memory/{id}:  $(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/rest.lua" "http://localhost:$PORT/api/v1/memory/$ID" | summary)"
echo "MCP Streamable HTTP (JSON):    $(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/mcp.lua" "http://localhost:$PORT/mcp" | summary)"
"${JAVA:-java}" src/bench/WsBench.java "ws://localhost:$PORT/ws" "$KEY" "$CONNECTIONS" "$SECONDS_PER_RUN" "$CALL"
