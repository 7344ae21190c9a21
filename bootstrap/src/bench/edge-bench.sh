#!/usr/bin/env bash
# Per-request cost of the edge filters: GET /api/v1/memory/{id} under wrk with the rate limiter and
# the access log each switched off and on (the limit raised so nothing is refused), on H2.
# Usage: [JAVA=...] bootstrap/src/bench/edge-bench.sh [seconds per run, default 15] [connections, default 64]
# A free port unless PORT is given (a taken one stops it); fails on any non-2xx answer (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-64}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

run() { # name, rate limits on?, access log level
  ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
    ONASIS_RATE_LIMITS_ENABLED="$2" ONASIS_ACCESS_LOG_LEVEL="$3" ONASIS_ARGON2_MEMORY_KIB=1024 \
    ONASIS_API_RATE_LIMIT=1000000000 bench_start "$WORK/app-$1.log" "$PORT"
  if [ ! -f "$WORK/key" ]; then
    curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
      -d '{"email":"edge@bench.example","password":"bench password 1"}' >/dev/null
    TOKEN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
      -d '{"email":"edge@bench.example","password":"bench password 1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $TOKEN" \
      -H 'content-type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/' >"$WORK/key"
    curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $(cat "$WORK/key")" -H 'content-type: application/json' \
      -d '{"title":"edge","content":"bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/' >"$WORK/id"
  fi
  printf 'wrk.headers["X-API-Key"] = "%s"\n' "$(cat "$WORK/key")" >"$WORK/key.lua"
  URL="http://localhost:$PORT/api/v1/memory/$(cat "$WORK/id")"
  bench_wrk "$WORK/key.lua" -t2 -c16 -d5s "$URL" >/dev/null
  bench_wrk "$WORK/key.lua" -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$URL" >"$WORK/run.out"
  printf '%-34s %s\n' "$1:" "$(grep -E 'Requests/sec|50%|99%' "$WORK/run.out" | tr -s ' ' | paste -sd' ' -)"
  bench_stop
}
run "no rate limit, no access log" false WARN
run "rate limit (in-process), no log" true WARN
run "access log (JSON, to a file)" false INFO
run "both" true INFO
