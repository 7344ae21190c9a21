#!/usr/bin/env bash
# Issue 14: what the gateway adds in front of an upstream MCP server. tools/call "echo" on
# @modelcontextprotocol/server-everything (Streamable HTTP mode, one session) directly and through
# /servers/everything/mcp (API key, same upstream session): latency p50/p99 with one connection
# (the added latency) and throughput with many; then the time to start a stdio session
# (initialize through the gateway → a new child → its answer; then DELETE), median of N.
# Usage: [JAVA=...] bootstrap/src/bench/upstream-bench.sh [seconds per run, default 15] [connections, default 16] [stdio starts, default 10]
# Needs wrk, a built jar (./mvnw -DskipTests package) and the npm packages of NodeBrowser in
# target/browser-node (run UpstreamServersIT once). Fails on any non-2xx answer (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-16}
STARTS=${3:-10}
NODE=target/browser-node/node_modules/node/bin/node
EVERYTHING=target/browser-node/node_modules/@modelcontextprotocol/server-everything/dist/index.js
[ -x "$NODE" ] && [ -f "$EVERYTHING" ] || { echo "no Node 22 / server-everything in target/browser-node" >&2; exit 2; }
PORT=$(bench_port "${PORT:-}")
UPSTREAM_PORT=$(bench_port)
WORK=$(mktemp -d)
trap 'bench_stop; [ -n "${UPSTREAM_PID:-}" ] && kill "$UPSTREAM_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

PORT=$UPSTREAM_PORT "$NODE" "$EVERYTHING" streamableHttp >"$WORK/everything.log" 2>&1 &
UPSTREAM_PID=$!
for _ in $(seq 50); do bench_port_taken "$UPSTREAM_PORT" && break; sleep 0.2; done

ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN \
  ONASIS_UPSTREAMS_EVERYTHING_URL="http://127.0.0.1:$UPSTREAM_PORT/mcp" ONASIS_UPSTREAMS_EVERYTHING_API_KEYS=true \
  ONASIS_UPSTREAMS_STDIO_COMMAND="$PWD/$NODE" ONASIS_UPSTREAMS_STDIO_ARGS="$PWD/$EVERYTHING,stdio" \
  ONASIS_UPSTREAMS_STDIO_API_KEYS=true ONASIS_UPSTREAM_STDIO_MAX_PER_USER=100 \
  bench_start "$WORK/app.log" "$PORT"

curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"upstream@bench.example","password":"bench password 1"}' >/dev/null
TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"upstream@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
KEY=$(curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}'
CALL='{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":"bench"}}}'
session() { # <url> [header]: initialize, notifications/initialized; echoes the session id
  local id
  id=$(curl -sf -D - -o /dev/null -XPOST "$1" -H 'content-type: application/json' \
    -H 'accept: application/json, text/event-stream' ${2:+-H "$2"} -d "$INIT" | tr -d '\r' \
    | sed -nE 's/^[Mm]cp-[Ss]ession-[Ii]d: (.*)$/\1/p')
  curl -sf -XPOST "$1" -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
    -H "mcp-session-id: $id" ${2:+-H "$2"} -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null
  echo "$id"
}
DIRECT_SESSION=$(session "http://127.0.0.1:$UPSTREAM_PORT/mcp")
GATEWAY_SESSION=$(session "http://localhost:$PORT/servers/everything/mcp" "X-API-Key: $KEY")
lua() { # <file> <session> [key]
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.body = '$CALL'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = "$2"
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
${3:+wrk.headers[\"X-API-Key\"] = \"$3\"}
expect = 'Echo: bench'
LUA
}
lua "$WORK/direct.lua" "$DIRECT_SESSION"
lua "$WORK/gateway.lua" "$GATEWAY_SESSION" "$KEY"
summary() { grep -E 'Requests/sec|50%|99%' | tr -s ' ' | paste -sd' ' -; }

echo "warm-up"
bench_wrk "$WORK/direct.lua" -t1 -c4 -d5s "http://127.0.0.1:$UPSTREAM_PORT/mcp" >/dev/null
bench_wrk "$WORK/gateway.lua" -t1 -c4 -d10s "http://localhost:$PORT/servers/everything/mcp" >/dev/null
for c in 1 "$CONNECTIONS"; do
  bench_wrk "$WORK/direct.lua" -t1 -c"$c" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$UPSTREAM_PORT/mcp" >"$WORK/d.out"
  echo "direct,  $c connection(s):  $(summary <"$WORK/d.out")"
  bench_wrk "$WORK/gateway.lua" -t1 -c"$c" -d"${SECONDS_PER_RUN}s" --latency "http://localhost:$PORT/servers/everything/mcp" >"$WORK/g.out"
  echo "gateway, $c connection(s):  $(summary <"$WORK/g.out")"
done

TIMES=()
for _ in $(seq "$STARTS"); do
  START=$(date +%s%N)
  ID=$(session "http://localhost:$PORT/servers/stdio/mcp" "X-API-Key: $KEY")
  END=$(date +%s%N)
  [ -n "$ID" ] || { echo "BENCH FAILED: no stdio session" >&2; exit 1; }
  TIMES+=($(( (END - START) / 1000000 )))
  curl -sf -XDELETE "localhost:$PORT/servers/stdio/mcp" -H "X-API-Key: $KEY" -H "mcp-session-id: $ID" >/dev/null
done
SORTED=($(printf '%s\n' "${TIMES[@]}" | sort -n))
echo "stdio session start (initialize + initialized, new child), ms: median ${SORTED[$((STARTS / 2))]}, min ${SORTED[0]}, max ${SORTED[$((STARTS - 1))]}"
