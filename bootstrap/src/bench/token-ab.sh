#!/usr/bin/env bash
# Issue 16: A/B of POST /oauth/token client_credentials within ONE run: each variant (a jar and its
# settings) is started in turn on a free port with the README's JVM options, embedded H2, rate limits
# and access-log lines off; a client is registered, then a warm-up and a measured wrk run; node
# oidc-provider (run-all.sh's peer) is measured first and last. Variants are run ROUNDS times (default
# 2), interleaved, so drift of the machine's load spreads over all of them; `uptime` is printed
# beside every figure, and the server process's CPU time per answer (user + system, /proc), which
# depends much less on other processes' load than the rate. Fails on any non-2xx answer (bench-lib.sh).
# Usage: [ROUNDS=2] [BASE_JAR=path/to/an/older.jar] bootstrap/src/bench/token-ab.sh [seconds, default 10] [connections, default 32]
# Default variants: as built; group commit off (ONASIS_TOKEN_GROUP_COMMIT=false); client cache off
# (ONASIS_CREDENTIAL_CACHE_TTL=0s, which turns every credential cache off; the token path only uses
# the client's); both off; and BASE_JAR as shipped, if given. VARIANTS="label|jar|ENV=v ENV=v;..." replaces them.
# PG_PORT=port: on a Postgres at 127.0.0.1:port (user postgres, trust) instead of H2, a fresh database
# per variant (created with psql), as ONASIS_STORAGE=neon.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${ROUNDS:-2}
read -r -a JVM_ARGS <<<"${JAVA_OPTS:-$BENCH_README_JAVA_OPTS}"
NODE_HOME=target/bench-node
NODE=$NODE_HOME/node_modules/node/bin/node
[ -x "$NODE" ] || { echo "run run-all.sh once first (it installs node and oidc-provider into $NODE_HOME)" >&2; exit 1; }
cp src/bench/oidc-peer.mjs "$NODE_HOME/"
BUILT=target/onasis-gateway.jar
if [ -z "${VARIANTS:-}" ]; then
  VARIANTS="as built|$BUILT|;group commit off|$BUILT|ONASIS_TOKEN_GROUP_COMMIT=false;client cache off|$BUILT|ONASIS_CREDENTIAL_CACHE_TTL=0s"
  VARIANTS="$VARIANTS;both off|$BUILT|ONASIS_TOKEN_GROUP_COMMIT=false ONASIS_CREDENTIAL_CACHE_TTL=0s"
  [ -n "${BASE_JAR:-}" ] && VARIANTS="$VARIANTS;BASE_JAR|$BASE_JAR|"
fi
WORK=$(mktemp -d)
PEER_PID=""
trap 'bench_stop; [ -n "$PEER_PID" ] && kill "$PEER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
json() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
run_token() { # label, url, lua, pid of the server
  bench_wrk "$3" -t1 -c"$CONNECTIONS" -d"${WARMUP:-8}s" --timeout 10s "$2" >/dev/null
  local before; before=$(load)
  local ticks; ticks=$(cpu_ticks "$4")
  bench_wrk "$3" -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s "$2" >"$WORK/run.out"
  ticks=$(( $(cpu_ticks "$4") - ticks ))
  local rate; rate=$(awk '/Requests\/sec/ {print $2}' "$WORK/run.out")
  local count; count=$(awk '/requests in/ {print $1}' "$WORK/run.out")
  # the server's CPU per answer: much less sensitive to other processes' load than the rate
  local cpu; cpu=$(awk -v t="$ticks" -v n="$count" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  printf '%-22s %9s req/s %6s µs CPU/answer   load %s -> %s\n' "$1" "$rate" "$cpu" "$before" "$(load)"
  echo "$1|$rate|$cpu" >>"$WORK/results"
}

peer() {
  local port; port=$(bench_port "")
  local secret="bench-$RANDOM$RANDOM-$RANDOM$RANDOM-secret"
  (cd "$NODE_HOME" && exec node_modules/node/bin/node oidc-peer.mjs "$port" bench "$secret") >"$WORK/peer.log" 2>&1 &
  PEER_PID=$!
  local basic; basic=$(printf 'bench:%s' "$secret" | base64 -w0)
  for _ in $(seq 100); do
    curl -sf -XPOST "http://localhost:$port/token" -H "Authorization: Basic $basic" -d grant_type=client_credentials \
      2>/dev/null | grep -q access_token && break
    kill -0 "$PEER_PID" 2>/dev/null || { echo "oidc-provider did not start" >&2; exit 1; }
    sleep 0.2
  done
  grep -q "listening on http://localhost:$port" "$WORK/peer.log" || { echo "the peer is not the one started here" >&2; exit 1; }
  bench_token_lua "$WORK/peer.lua" "$basic"
  run_token "oidc-provider" "http://localhost:$port/token" "$WORK/peer.lua" "$PEER_PID"
  kill "$PEER_PID"; wait "$PEER_PID" 2>/dev/null || true; PEER_PID=""
}

variant() { # label, jar, env assignments
  local port; port=$(bench_port "")
  local -a envs=(); read -r -a envs <<<"$3"
  rm -rf "$WORK/db"
  local url="jdbc:h2:file:$WORK/db/onasis" storage=h2
  if [ -n "${PG_PORT:-}" ]; then
    local name="token_ab_$RANDOM$RANDOM"
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE $name" >/dev/null
    url="postgresql://postgres@127.0.0.1:$PG_PORT/$name?sslmode=disable" storage=neon
  fi
  local kv
  for kv in "${envs[@]}"; do export "${kv?}"; done
  BENCH_JAR=$2 ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$port" \
    ONASIS_STORAGE=$storage ONASIS_DATABASE_URL="$url" ONASIS_RATE_LIMITS_ENABLED=false ONASIS_ACCESS_LOG_LEVEL=WARN \
    bench_start "$WORK/app.log" "$port" "${JVM_ARGS[@]}"
  for kv in "${envs[@]}"; do unset "${kv%%=*}"; done
  local client; client=$(curl -sf -XPOST "localhost:$port/register" -H 'content-type: application/json' \
    -d '{"client_name":"bench","grant_types":["client_credentials"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic","scope":"memories:read"}')
  local basic; basic=$(printf '%s:%s' "$(echo "$client" | json client_id)" "$(echo "$client" | json client_secret)" | base64 -w0)
  bench_token_lua "$WORK/token.lua" "$basic"
  run_token "$1" "http://localhost:$port/oauth/token" "$WORK/token.lua" "$BENCH_PID"
  bench_stop
}

echo "token-ab: wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s after ${WARMUP:-8} s of warm-up, $ROUNDS rounds; JVM: ${JVM_ARGS[*]}"
echo "uptime: $(uptime)"
peer
IFS=';' read -r -a LIST <<<"$VARIANTS"
for _ in $(seq "$ROUNDS"); do
  for v in "${LIST[@]}"; do
    IFS='|' read -r label jar envs <<<"$v"
    variant "$label" "$jar" "$envs"
  done
done
peer
echo "uptime: $(uptime)"
echo "means:"
awk -F'|' '{s[$1]+=$2; c[$1]+=$3; n[$1]++} END {for (k in s) printf "  %-22s %9.0f req/s %6.0f µs CPU/answer\n", k, s[k]/n[k], c[k]/n[k]}' "$WORK/results" | sort
