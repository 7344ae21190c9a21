#!/usr/bin/env bash
# Load test of the token endpoint (client_credentials) and introspection on the embedded store.
# Usage: [JAVA=/path/to/java] bootstrap/src/bench/oauth-bench.sh [duration, default 20s] [connections, default 64]
# Needs wrk (apt-get install wrk) and a built jar (./mvnw -q -DskipTests package). Starts its own
# service on port 4100 with a throw-away H2 database, rate limits and the access log off (they
# would refuse or log every call); prints wrk's summary for each endpoint.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
CONNECTIONS=${2:-64}
PORT=4100
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

PORT=$PORT ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" ONASIS_ISSUER="http://localhost:$PORT" \
  ONASIS_LOG_LEVEL=WARN ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN \
  "${JAVA:-java}" -jar target/onasis-gateway.jar >"$WORK/log" 2>&1 &
PID=$!
for _ in $(seq 60); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done

CLIENT=$(curl -sf -XPOST "localhost:$PORT/register" -H 'content-type: application/json' \
  -d '{"client_name":"bench","grant_types":["client_credentials"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic","scope":"memories:read"}')
ID=$(echo "$CLIENT" | sed -E 's/.*"client_id":"([^"]+)".*/\1/')
SECRET=$(echo "$CLIENT" | sed -E 's/.*"client_secret":"([^"]+)".*/\1/')
BASIC=$(printf '%s:%s' "$ID" "$SECRET" | base64 -w0)
TOKEN=$(curl -sf -XPOST "localhost:$PORT/oauth/token" -H "Authorization: Basic $BASIC" \
  -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $BASIC"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA

# warm up the JIT, then measure
wrk -t2 -c16 -d5s -s "$WORK/post.lua" "http://localhost:$PORT/oauth/token" --latency -- >/dev/null 2>&1 || true
echo "== client_credentials: POST /oauth/token ($CONNECTIONS connections, $DURATION)"
cat >"$WORK/token.lua" <<LUA
dofile("$WORK/post.lua")
wrk.body = "grant_type=client_credentials"
LUA
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/token.lua" --latency "http://localhost:$PORT/oauth/token"

echo "== introspection: POST /oauth/introspect ($CONNECTIONS connections, $DURATION)"
cat >"$WORK/introspect.lua" <<LUA
dofile("$WORK/post.lua")
wrk.body = "token=$TOKEN"
LUA
wrk -t2 -c16 -d5s -s "$WORK/introspect.lua" "http://localhost:$PORT/oauth/introspect" >/dev/null 2>&1 || true
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/introspect.lua" --latency "http://localhost:$PORT/oauth/introspect"
