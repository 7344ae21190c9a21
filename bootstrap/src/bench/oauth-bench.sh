#!/usr/bin/env bash
# Load test of the token endpoint (client_credentials) and introspection on the embedded store, alone
# (bootstrap/src/bench/run-all.sh measures them beside every other path and node oidc-provider).
# Usage: [JAVA=/path/to/java] [PORT=free port] bootstrap/src/bench/oauth-bench.sh [duration, default 20s] [connections, default 64]
# Needs wrk (apt-get install wrk) and a built jar (./mvnw -q -DskipTests package). Starts its own
# service on a free port (a PORT that is taken stops it) with a throw-away H2 database, rate limits
# and the access log off (they would refuse or log every call); prints wrk's summary for each
# endpoint and fails on any non-2xx answer (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
DURATION=${1:-20s}
CONNECTIONS=${2:-64}
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" ONASIS_ISSUER="http://localhost:$PORT" \
  ONASIS_LOG_LEVEL=WARN ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN \
  bench_start "$WORK/log" "$PORT"

CLIENT=$(curl -sf -XPOST "localhost:$PORT/register" -H 'content-type: application/json' \
  -d '{"client_name":"bench","grant_types":["client_credentials"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic","scope":"memories:read"}')
ID=$(echo "$CLIENT" | sed -E 's/.*"client_id":"([^"]+)".*/\1/')
SECRET=$(echo "$CLIENT" | sed -E 's/.*"client_secret":"([^"]+)".*/\1/')
BASIC=$(printf '%s:%s' "$ID" "$SECRET" | base64 -w0)
TOKEN=$(curl -sf -XPOST "localhost:$PORT/oauth/token" -H "Authorization: Basic $BASIC" \
  -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

bench_token_lua "$WORK/token.lua" "$BASIC"
cat >"$WORK/introspect.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $BASIC"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "token=$TOKEN"
expect = '"active":true'
LUA

# warm up the JIT, then measure
bench_wrk "$WORK/token.lua" -t2 -c16 -d5s "http://localhost:$PORT/oauth/token" >/dev/null
echo "== client_credentials: POST /oauth/token ($CONNECTIONS connections, $DURATION)"
bench_wrk "$WORK/token.lua" -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://localhost:$PORT/oauth/token"

echo "== introspection: POST /oauth/introspect ($CONNECTIONS connections, $DURATION)"
bench_wrk "$WORK/introspect.lua" -t2 -c16 -d5s "http://localhost:$PORT/oauth/introspect" >/dev/null
bench_wrk "$WORK/introspect.lua" -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://localhost:$PORT/oauth/introspect"
