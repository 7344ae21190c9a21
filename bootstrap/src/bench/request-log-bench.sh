#!/usr/bin/env bash
# Per-request cost of the request log (issue 17): GET /api/v1/memory/{id} with an API key under wrk,
# with ONASIS_REQUEST_LOG=false and =true (records queued and written to H2 in batches), the access-log
# lines off in both (ONASIS_ACCESS_LOG_LEVEL=WARN) and the rate limiter off, so only the log differs.
# Runs off/on/off/on to see the noise. Prints what the log dropped (queue full) after each "on" run.
# Usage: [JAVA=...] bootstrap/src/bench/request-log-bench.sh [seconds per run, default 15] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-64}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

run() { # name, request log on?
  ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
    ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN ONASIS_REQUEST_LOG="$2" \
    ONASIS_ARGON2_MEMORY_KIB=1024 bench_start "$WORK/app-$1.log" "$PORT"
  if [ ! -f "$WORK/key" ]; then
    curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
      -d '{"email":"log@bench.example","password":"bench password 1"}' >/dev/null
    TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
      -d '{"email":"log@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
      -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/' >"$WORK/key"
    curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $(cat "$WORK/key")" -H 'content-type: application/json' \
      -d '{"title":"log","content":"bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/' >"$WORK/id"
  fi
  printf 'wrk.headers["X-API-Key"] = "%s"\n' "$(cat "$WORK/key")" >"$WORK/key.lua"
  URL="http://localhost:$PORT/api/v1/memory/$(cat "$WORK/id")"
  bench_wrk "$WORK/key.lua" -t2 -c16 -d5s "$URL" >/dev/null
  bench_wrk "$WORK/key.lua" -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$URL" >"$WORK/run.out"
  printf '%-22s %s' "$1:" "$(grep -E 'Requests/sec|50%|99%' "$WORK/run.out" | tr -s ' ' | paste -sd' ' -)"
  if [ "$2" = true ]; then
    sleep 1
    curl -s "localhost:$PORT/metrics" >"$WORK/metrics"
    printf '  dropped=%s written=%s' "$(awk '/^onasis_request_log_dropped_total/ {print $2}' "$WORK/metrics")" \
      "$(awk '/^onasis_request_log_written_total/ {print $2}' "$WORK/metrics")"
  fi
  echo
  bench_stop
}
run "request log off" false
run "request log on" true
run "request log off (2)" false
run "request log on (2)" true
