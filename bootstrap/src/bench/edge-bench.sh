#!/usr/bin/env bash
# Per-request cost of the edge filters: GET /api/v1/memory/{id} under wrk with the rate limiter and
# the access log each switched off and on (the limit raised so nothing is refused), on H2.
# Usage: [JAVA=...] bootstrap/src/bench/edge-bench.sh [seconds per run, default 15] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-64}
PORT=4500
WORK=$(mktemp -d)
APP=""
cleanup() { [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; rm -rf "$WORK"; }
trap cleanup EXIT

run() { # name, rate limits on?, access log level
  PORT=$PORT ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
    ONASIS_RATE_LIMITS_ENABLED="$2" ONASIS_ACCESS_LOG_LEVEL="$3" ONASIS_ARGON2_MEMORY_KIB=1024 \
    ONASIS_API_RATE_LIMIT=1000000000 "${JAVA:-java}" -jar target/onasis-gateway.jar \
    >"$WORK/app-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
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
  wrk -t2 -c16 -d5s -s "$WORK/key.lua" "$URL" >/dev/null
  printf '%-34s %s\n' "$1:" "$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/key.lua" "$URL" \
    | grep -E 'Requests/sec|50%|99%|Non-2xx' | tr -s ' ' | paste -sd' ' -)"
  grep -c '"status":"429"\|"onasis.access"' "$WORK/app-$1.log" >/dev/null || true
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
}
run "no rate limit, no access log" false WARN
run "rate limit (in-process), no log" true WARN
run "access log (JSON, to a file)" false INFO
run "both" true INFO
