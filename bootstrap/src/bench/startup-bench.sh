#!/usr/bin/env bash
# Start-up time and idle memory: starts the jar RUNS times (default 3) on a fresh embedded H2 database
# with the README's JVM options, and prints per run the milliseconds from launch to the first /health
# answer (and the CPU time the process had used by then: comparable when other work shares the cores)
# and to /health/full answering (ok, or degraded while the model loads), and the idle RSS 2 s later.
# Usage: [JAVA=...] [JAVA_OPTS=...] [RUNS=3] bootstrap/src/bench/startup-bench.sh  (other ONASIS_* pass through)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
read -r -a JVM_ARGS <<<"${JAVA_OPTS:-$BENCH_README_JAVA_OPTS}"
WORK=$(mktemp -d)
trap 'bench_stop; rm -rf "$WORK"' EXIT
echo "JDK $("${JAVA:-java}" -version 2>&1 | head -1); options ${JAVA_OPTS:-$BENCH_README_JAVA_OPTS}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "${RUNS:-3}"); do
  PORT=$(bench_port "")
  rm -rf "$WORK/db"*
  start=$(date +%s%N)
  ONASIS_LOG_LEVEL=WARN ONASIS_ISSUER="http://localhost:$PORT" ONASIS_DATABASE_URL="jdbc:h2:file:$WORK/db" \
    PORT=$PORT "${JAVA:-java}" "${JVM_ARGS[@]}" -jar target/onasis-gateway.jar >"$WORK/log" 2>&1 &
  BENCH_PID=$!
  until curl -sf -o /dev/null "localhost:$PORT/health" 2>/dev/null; do
    kill -0 "$BENCH_PID" 2>/dev/null || { echo "the service did not start:" >&2; tail -5 "$WORK/log" >&2; exit 1; }
    sleep 0.02
  done
  health=$((($(date +%s%N) - start) / 1000000))
  cpu=$(awk '{print ($14 + $15) * 10}' "/proc/$BENCH_PID/stat")
  until curl -sf "localhost:$PORT/health/full" 2>/dev/null | grep -q -E '"status":"(ok|degraded)"'; do sleep 0.02; done
  ready=$((($(date +%s%N) - start) / 1000000))
  sleep 2
  echo "run $run: first /health answer $health ms (after $cpu ms of CPU time), /health/full ready $ready ms, idle RSS $(awk '$1=="VmRSS:" {printf "%d MB", $2/1024}' /proc/$BENCH_PID/status)"
  bench_stop
done
