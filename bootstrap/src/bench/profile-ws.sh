#!/usr/bin/env bash
# Where the time of MCP tools/call memory_get over the WebSocket goes (profile-rest.sh's twin). Starts
# the jar with a JFR recording (settings=profile), runs WsBench (one thread, CONNECTIONS sockets, one
# request in flight on each) for the measured window only, then prints the hottest frames of the samples
# taken during it, by thread group (event loop, workers), and how many samples fall in each part of the
# message path: the credential re-check, JSON parse and write, the tool itself, the send, Micronaut's
# WebSocket dispatch.
# Usage: [JAVA=...] bootstrap/src/bench/profile-ws.sh [seconds, default 20] [connections, default 32]
# Needs a built jar (./mvnw -DskipTests package). Fails on any answer that is not a successful tool
# result (WsBench) and refuses a taken port (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN ONASIS_MCP_MAX_SESSIONS_PER_USER=1000 \
  bench_start "$WORK/app.log" "$PORT" "-XX:StartFlightRecording=filename=$WORK/ws.jfr,settings=profile,dumponexit=true"

curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"profile@bench.example","password":"bench password 1"}' >/dev/null
TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"profile@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
KEY=$(curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
ID=$(curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"bench","content":"the entry every run reads"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
CALL="{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_get\",\"arguments\":{\"id\":\"$ID\"}}}"

echo "warm-up"
"${JAVA:-java}" src/bench/WsBench.java "ws://localhost:$PORT/ws" "$KEY" "$CONNECTIONS" 5 "$CALL" >/dev/null
FROM=$(date -u +%H:%M:%S)
echo "measured:"
"${JAVA:-java}" src/bench/WsBench.java "ws://localhost:$PORT/ws" "$KEY" "$CONNECTIONS" "$SECONDS_PER_RUN" "$CALL"
TO=$(date -u +%H:%M:%S)
bench_stop
JFR_TOOL="$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")/jfr"
"$JFR_TOOL" print --stack-depth 96 --events jdk.ExecutionSample "$WORK/ws.jfr" >"$WORK/samples.txt"
# one line per sample taken in the measured window: thread | frame | frame ... (JFR prints local times)
TZ=UTC awk -v from="$FROM" -v to="$TO" '
  function flush() { if (s != "" && t >= from && t <= to) print s; s = "" }
  /jdk.ExecutionSample/ {flush()}
  /startTime/ {t = substr($3, 1, 8)}
  /sampledThread/ {s = $3}
  /line:/ {f = $0; sub(/^ +/, "", f); sub(/line:.*/, "", f); s = s " | " f}
  END {flush()}' "$WORK/samples.txt" >"$WORK/stacks.txt"
echo "execution samples in the measured window: $(wc -l <"$WORK/stacks.txt")"
echo "by thread:"
sed -E 's/^"([a-z-]+[a-z]).*/\1/; s/ \|.*//' "$WORK/stacks.txt" | sort | uniq -c | sort -rn | head -5
echo "samples by part of the message path (a sample may count in more than one):"
part() { printf '  %5d  %s\n' "$(grep -c -E "$2" "$WORK/stacks.txt" || true)" "$1"; }
part "Micronaut WebSocket dispatch (event loop, frame to @OnMessage)" 'AbstractNettyWebSocketHandler.handleWebSocketFrame'
part "credential re-check (McpCallers.reverify)" 'McpCallers.reverify'
part "JSON parse (McpJson.read)" 'McpJson.read'
part "the tool (McpServer.reply)" 'McpServer.reply'
part "  of which the memory read (MemoryService)" 'MemoryService'
part "JSON write (McpJson.write)" 'McpJson.write'
part "send (WebSocketSession.send*)" 'NettyWebSocketSession.send'
part "socket writes and flushes (Netty flush)" 'AbstractChannelHandlerContext.(invokeFlush|flush)'
echo "top frames (where the CPU is):"
awk -F' [|] ' '{print $2}' "$WORK/stacks.txt" | sort | uniq -c | sort -rn | head -20
