#!/usr/bin/env bash
# Issue 16, step one: where the time of an authenticated memory read goes. Starts the jar with a JFR
# recording (settings=profile), reads one memory with an API key under wrk, then prints the hottest
# frames of the recording: the top frames of the execution samples (where the CPU is) and the most
# frequent frames of this project's own code anywhere in the stacks (which of our calls costs).
# Usage: [JAVA=...] [ONASIS_REQUEST_LOG=true|false] bootstrap/src/bench/profile-rest.sh [seconds, default 20] [connections, default 32]
# Needs wrk and a built jar (./mvnw -DskipTests package). Fails on any non-2xx answer (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN \
  bench_start "$WORK/app.log" "$PORT" "-XX:StartFlightRecording=filename=$WORK/rest.jfr,settings=profile,dumponexit=true"

curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"profile@bench.example","password":"bench password 1"}' >/dev/null
TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"profile@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
KEY=$(curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
ID=$(curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"bench","content":"the entry every run reads"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
cat >"$WORK/rest.lua" <<LUA
wrk.headers["X-API-Key"] = "$KEY"
LUA

echo "warm-up"
bench_wrk "$WORK/rest.lua" -t1 -c"$CONNECTIONS" -d5s "http://localhost:$PORT/api/v1/memory/$ID" >/dev/null
echo "measured (request log ${ONASIS_REQUEST_LOG:-true}):"
bench_wrk "$WORK/rest.lua" -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency \
  "http://localhost:$PORT/api/v1/memory/$ID" | grep -E "Requests/sec|^ +(50|99)%"
bench_stop
JFR_TOOL="$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")/jfr"
"$JFR_TOOL" print --events jdk.ExecutionSample "$WORK/rest.jfr" >"$WORK/samples.txt"
SAMPLES=$(grep -c "jdk.ExecutionSample" "$WORK/samples.txt" || true)
echo "execution samples: $SAMPLES"
echo "top frames (where the CPU is):"
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' "$WORK/samples.txt" \
  | sort | uniq -c | sort -rn | head -20
echo "this project's frames, counted once per sample they appear in:"
awk '/jdk.ExecutionSample/ {delete seen} /com\.lanonasis\.gateway/ {f=$0; sub(/^ +/, "", f); sub(/line:.*/, "", f);
     if (!(f in seen)) {seen[f]=1; print f}}' "$WORK/samples.txt" | sort | uniq -c | sort -rn | head -25
