#!/usr/bin/env bash
# Live event fan-out: SUBSCRIBERS SSE connections to /api/v1/events spread over USERS users, memories
# written at RATE/s for SECONDS, latency from write to each subscriber's receipt (p50/p99), on H2.
# Usage: [JAVA=...] bootstrap/src/bench/sse-bench.sh [subscribers 10000] [users 100] [rate 20] [seconds 30]
# Needs a built jar (./mvnw -DskipTests package) and `ulimit -n` above the subscriber count.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUBSCRIBERS=${1:-10000}; USERS=${2:-100}; RATE=${3:-20}; SECONDS_OF_LOAD=${4:-30}
PORT=4400
WORK=$(mktemp -d)
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$PORT ONASIS_LOG_LEVEL=WARN ONASIS_ACCESS_LOG_LEVEL=WARN ONASIS_ARGON2_MEMORY_KIB=1024 \
  ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  "${JAVA:-java}" -Xmx2g -jar target/onasis-gateway.jar >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
"${JAVA:-java}" -Xmx2g src/bench/SseBench.java "http://localhost:$PORT" "$USERS" "$SUBSCRIBERS" "$RATE" "$SECONDS_OF_LOAD"
grep -E 'ERROR' "$WORK/app.log" | head -5 || true
