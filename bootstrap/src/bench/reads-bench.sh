#!/usr/bin/env bash
# Issue 16, authenticated reads: in ONE run of one jar, GET /health, then GET /api/v1/memory/{id} with an
# API key and with an OAuth bearer token (obtained through /legacy/exchange), each under the same wrk load,
# and the reads' share of /health. Prints `uptime` beside the figures (the machine is shared). The jar runs
# on its embedded H2 defaults (request log on, as shipped), rate limits and access-log lines off.
# Usage: [JAVA=...] [ONASIS_REQUEST_LOG=true|false] bootstrap/src/bench/reads-bench.sh [seconds, default 10] [connections, default 32]
# Needs wrk and a built jar (./mvnw -DskipTests package). Fails on any non-2xx answer (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN ONASIS_ARGON2_MEMORY_KIB=1024 \
  bench_start "$WORK/app.log" "$PORT" ${JAVA_OPTS:-}

json() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
curl -sf -XPOST "localhost:$PORT/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"reads@bench.example","password":"bench password 1"}' >/dev/null
LOGIN=$(curl -sf -XPOST "localhost:$PORT/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"reads@bench.example","password":"bench password 1"}' | json access_token)
KEY=$(curl -sf -XPOST "localhost:$PORT/api/v1/auth/api-keys" -H "Authorization: Bearer $LOGIN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | json key)
CLIENT=$(curl -sf -XPOST "localhost:$PORT/register" -H 'content-type: application/json' \
  -d '{"client_name":"reads bench","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"redirect_uris":["http://127.0.0.1:1/cb"],"token_endpoint_auth_method":"none","scope":"memories:read memories:write"}' \
  | json client_id)
BEARER=$(curl -sf -XPOST "localhost:$PORT/legacy/exchange" -H 'content-type: application/json' \
  -d "{\"token\":\"$LOGIN\",\"client_id\":\"$CLIENT\",\"scope\":\"memories:read\"}" | json access_token)
ID=$(curl -sf -XPOST "localhost:$PORT/api/v1/memory" -H "X-API-Key: $KEY" -H 'content-type: application/json' \
  -d '{"title":"bench","content":"the entry every run reads"}' | json id)
curl -sf "localhost:$PORT/api/v1/memory/$ID" -H "Authorization: Bearer $BEARER" >/dev/null \
  || { echo "the OAuth bearer token does not read the memory" >&2; exit 1; }
printf 'wrk.headers["X-API-Key"] = "%s"\nexpect = "the entry every run reads"\n' "$KEY" >"$WORK/key.lua"
printf 'wrk.headers["Authorization"] = "Bearer %s"\nexpect = "the entry every run reads"\n' "$BEARER" >"$WORK/bearer.lua"
URL="http://localhost:$PORT/api/v1/memory/$ID"

measure() { # name, lua script or "", url
  bench_wrk "$2" -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$3" >"$WORK/run.out"
  RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/run.out")
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s\n' "$1" "$RPS" \
    "$(awk '$1=="50%" {print $2}' "$WORK/run.out")" "$(awk '$1=="99%" {print $2}' "$WORK/run.out")"
}
echo "warm-up: 8 s of each"
bench_wrk "" -t1 -c"$CONNECTIONS" -d8s "http://localhost:$PORT/health" >/dev/null
bench_wrk "$WORK/key.lua" -t1 -c"$CONNECTIONS" -d8s "$URL" >/dev/null
bench_wrk "$WORK/bearer.lua" -t1 -c"$CONNECTIONS" -d8s "$URL" >/dev/null
echo "load before: $(uptime)"
echo "request log: ${ONASIS_REQUEST_LOG:-true}; wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s"
measure "GET /health" "" "http://localhost:$PORT/health"; HEALTH=$RPS
measure "GET memory (API key)" "$WORK/key.lua" "$URL"; KEYED=$RPS
measure "GET memory (OAuth bearer)" "$WORK/bearer.lua" "$URL"; BEARING=$RPS
measure "GET /health (again)" "" "http://localhost:$PORT/health"; HEALTH2=$RPS
awk -v h="$HEALTH" -v h2="$HEALTH2" -v k="$KEYED" -v b="$BEARING" 'BEGIN {
  m = (h + h2) / 2;
  printf "share of /health (mean of both runs): API key %.0f %%, OAuth bearer %.0f %%\n", 100 * k / m, 100 * b / m
  printf "/health runs differ by %.0f %% (the noise of this run)\n", 100 * (h > h2 ? h - h2 : h2 - h) / m }'
echo "load after: $(uptime)"
curl -s "localhost:$PORT/metrics" | grep -E '^onasis_(request_log_(dropped|written)|credential_cache|memory_access)' || true
