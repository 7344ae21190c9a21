# Shared by the load scripts (source it; bash only). What it guarantees, because a number measured
# against the wrong server or from error answers is worse than none:
#   - the port is free: PORT given by the caller and already taken → the script stops; otherwise a
#     free port is chosen;
#   - the server that answers is the one started here: it is started with a random build version
#     (ONASIS_VERSION) and /api/v1/status must return it;
#   - every measured run fails on any non-2xx answer or socket error (bench_wrk).

# The JVM options of the README's run command (keep the two in step; docs/performance.md, "Memory").
# glibc's malloc is bounded as the README says: two arenas (MALLOC_ARENA_MAX) and freed memory given back
# (MALLOC_TRIM_THRESHOLD_, MALLOC_TOP_PAD_; they also stop glibc from raising its mmap threshold).
# The class-data archive is the one the build writes beside the jar (the scripts run from bootstrap/).
BENCH_README_JAVA_OPTS="-XX:SharedArchiveFile=target/onasis-gateway.jsa -Xms24m -Xmx96m -Xmn16m -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=2000 -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-131072}
export MALLOC_TOP_PAD_=${MALLOC_TOP_PAD_:-131072}

# taken: something listens on it (any address), or answers a connection on loopback
bench_port_taken() {
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; then return 0; fi
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# bench_port [preferred]: echoes a free port; a preferred port that is taken stops the script
bench_port() {
  local port=${1:-}
  if [ -n "$port" ]; then
    if bench_port_taken "$port"; then echo "port $port is taken; refusing to measure another server" >&2; exit 2; fi
    echo "$port"; return
  fi
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 30000))
    bench_port_taken "$port" || { echo "$port"; return; }
  done
  echo "no free port found" >&2; exit 2
}

# bench_start <log file> <port> [java args...]: starts the jar (BENCH_JAR, default the built one;
# environment from the caller), waits
# until it answers as itself; sets BENCH_PID
bench_start() {
  local log=$1 port=$2; shift 2
  local nonce="bench-$RANDOM$RANDOM"
  bench_port_taken "$port" && { echo "port $port is taken; refusing to measure another server" >&2; exit 2; }
  PORT=$port ONASIS_VERSION=$nonce "${JAVA:-java}" "$@" -jar "${BENCH_JAR:-target/onasis-gateway.jar}" >"$log" 2>&1 &
  BENCH_PID=$!
  for _ in $(seq 600); do
    kill -0 "$BENCH_PID" 2>/dev/null || { echo "the service did not start:" >&2; tail -5 "$log" >&2; exit 1; }
    if curl -sf "localhost:$port/api/v1/status" 2>/dev/null | grep -q "\"$nonce\""; then return; fi
    sleep 0.1
  done
  echo "the service on port $port did not answer as the one started here" >&2; exit 1
}

bench_stop() {
  if [ -n "${BENCH_PID:-}" ]; then kill "$BENCH_PID" 2>/dev/null || true; wait "$BENCH_PID" 2>/dev/null || true; BENCH_PID=""; fi
}

# bench_wrk <lua script or ""> <wrk args...>: runs wrk, prints its report, and fails (exit 1) when
# any answer was not 2xx or any socket error happened. The given script may set method, body and
# headers, and `expect` (a string every answer's body must contain); it must not define
# response/setup/done (they are defined here).
bench_wrk() {
  local script=$1; shift
  local checked; checked=$(mktemp --suffix=.lua)
  { [ -n "$script" ] && echo "dofile(\"$script\")"
    cat <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status < 200 or status > 299 or (expect and not string.find(body, expect, 1, true)) then
    bad = (bad or 0) + 1; last = status
  end
end
function done(summary)
  local failed, status = 0, nil
  for _, t in ipairs(threads) do
    failed = failed + (t:get("bad") or 0)
    status = status or t:get("last")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  if failed > 0 or socket > 0 then
    io.stderr:write(string.format("BENCH FAILED: %d non-2xx answers (e.g. %s), %d socket errors\n",
      failed, tostring(status), socket))
    os.exit(1)
  end
end
LUA
  } >"$checked"
  wrk -s "$checked" "$@"
  local rc=$?
  rm -f "$checked"
  return $rc
}

# The body of an MCP tools/call of memory_get for entry $1; with $2 = 2026-07-28, the stateless revision's
# per-request _meta is added.
bench_mcp_call() {
  local meta=""
  [ "${2:-}" = "2026-07-28" ] && meta=',"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
  printf '{"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"memory_get","arguments":{"id":"%s"}%s}}' "$1" "$meta"
}

# bench_mcp_lua <file> <api key> <entry id> <revision>: a wrk script of that call over Streamable HTTP (2025-11-25)
# or stateless HTTP (2026-07-28, with its Mcp-Method and Mcp-Name headers), expecting a successful result.
bench_mcp_lua() {
  local extra="" expect='"isError":false'
  if [ "$4" = "2026-07-28" ]; then
    extra=$'wrk.headers["Mcp-Method"] = "tools/call"\nwrk.headers["Mcp-Name"] = "memory_get"'
    expect='"resultType":"complete"'
  fi
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.body = '$(bench_mcp_call "$3" "$4")'
wrk.headers["X-API-Key"] = "$2"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "$4"
$extra
expect = '$expect'
LUA
}

# bench_token_lua <file> <base64 client_id:client_secret>: a wrk script of the client_credentials grant with
# HTTP Basic client authentication, expecting a JWT access token.
bench_token_lua() {
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $2"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials"
expect = '"access_token":"ey'
LUA
}
