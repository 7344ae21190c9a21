#!/usr/bin/env bash
# Issue 16: where the time of introspection and of client_credentials goes. Starts the jar (embedded
# H2 defaults, the README's JVM options, rate limits and access-log lines off), then for each path:
# a warm-up, and a JFR recording (settings=profile, started and stopped with jcmd) around a wrk run;
# prints the hottest top frames and this project's frames, as profile-rest.sh does.
# Usage: [JAVA=...] [JAVA_OPTS=...] bootstrap/src/bench/profile-oauth.sh [seconds, default 15] [connections, default 32]
# JFR_DIR=dir keeps the recordings there (for `jfr print --stack-depth 64`).
# Needs wrk and a built jar. Refuses a taken port; fails on any non-2xx answer (bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-32}
read -r -a JVM_ARGS <<<"${JAVA_OPTS:-$BENCH_README_JAVA_OPTS}"
PORT=$(bench_port "${PORT:-}")
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT
JDK_BIN="$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")"

ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
  ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN bench_start "$WORK/app.log" "$PORT" "${JVM_ARGS[@]}"
json() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
CLIENT=$(curl -sf -XPOST "localhost:$PORT/register" -H 'content-type: application/json' \
  -d '{"client_name":"bench","grant_types":["client_credentials"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic","scope":"memories:read"}')
BASIC=$(printf '%s:%s' "$(echo "$CLIENT" | json client_id)" "$(echo "$CLIENT" | json client_secret)" | base64 -w0)
TOKEN=$(curl -sf -XPOST "localhost:$PORT/oauth/token" -H "Authorization: Basic $BASIC" -d grant_type=client_credentials | json access_token)
bench_token_lua "$WORK/token.lua" "$BASIC"
cat >"$WORK/introspect.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $BASIC"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "token=$TOKEN"
expect = '"active":true'
LUA

profile() { # name, path (head ends the pipes early: no pipefail here)
  set +o pipefail
  bench_wrk "$WORK/$1.lua" -t1 -c"$CONNECTIONS" -d5s "http://localhost:$PORT$2" >/dev/null
  "$JDK_BIN/jcmd" "$BENCH_PID" JFR.start name="$1" settings=profile filename="$WORK/$1.jfr" >/dev/null
  echo "== $1 (POST $2, $CONNECTIONS connections, ${SECONDS_PER_RUN}s, recording; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  bench_wrk "$WORK/$1.lua" -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://localhost:$PORT$2" \
    | grep -E "Requests/sec|^ +(50|99)%"
  "$JDK_BIN/jcmd" "$BENCH_PID" JFR.stop name="$1" >/dev/null
  if [ -n "${JFR_DIR:-}" ]; then mkdir -p "$JFR_DIR" && cp "$WORK/$1.jfr" "$JFR_DIR/"; fi
  "$JDK_BIN/jfr" print --events jdk.ExecutionSample "$WORK/$1.jfr" >"$WORK/$1.txt"
  echo "execution samples: $(grep -c "jdk.ExecutionSample" "$WORK/$1.txt" || true)"
  echo "top frames (where the CPU is):"
  awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' "$WORK/$1.txt" \
    | sort | uniq -c | sort -rn | head -"${TOP:-20}"
  echo "this project's frames, counted once per sample they appear in:"
  awk '/jdk.ExecutionSample/ {delete seen} /com\.lanonasis\.gateway/ {f=$0; sub(/^ +/, "", f); sub(/line:.*/, "", f);
       if (!(f in seen)) {seen[f]=1; print f}}' "$WORK/$1.txt" | sort | uniq -c | sort -rn | head -"${TOP:-25}"
  if [ -n "${FRAMES:-}" ]; then # any frames matching FRAMES (a regex), counted once per sample
    echo "frames matching $FRAMES:"
    awk -v re="$FRAMES" '/jdk.ExecutionSample/ {delete seen} $0 ~ re {f=$0; sub(/^ +/, "", f); sub(/line:.*/, "", f);
         if (!(f in seen)) {seen[f]=1; print f}}' "$WORK/$1.txt" | sort | uniq -c | sort -rn | head -30
  fi
}
profile introspect /oauth/introspect
set -o pipefail
profile token /oauth/token
