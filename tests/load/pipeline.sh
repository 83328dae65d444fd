#!/usr/bin/env bash
# The event pipeline under load in local mode: the launcher (every function, the local broker, an embedded
# PostgreSQL and a Hazelcast member) in one process, driven by signed Moodle webhooks; alerts read through MCP.
# Usage: [PIPELINE_STUDENTS=N] [PIPELINE_WARMUP=N] tests/load/pipeline.sh [RATE] [SECONDS] [INGEST_COUNT] [CONCURRENCY]   (through ./margin bench-pipeline)
set -euo pipefail
cd "$(dirname "$0")/../.."

RATE="${1:-200}"
SECONDS_AT_RATE="${2:-30}"
INGEST_COUNT="${3:-20000}"
CONCURRENCY="${4:-64}"
WARMUP="${PIPELINE_WARMUP:-1000}"
BASE="${PIPELINE_PORT:-28080}"
DIR="$(mktemp -d)"
INSTITUTION="$(cat /proc/sys/kernel/random/uuid)"
SECRET="$(head -c 32 /dev/urandom | base64)"

mvn -B -q -DskipTests package -pl tests/load -am
java_major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)"
flags=(--enable-native-access=ALL-UNNAMED --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
[ "$java_major" -ge 24 ] && flags+=(--sun-misc-unsafe-memory-access=allow)

MARGIN_LOCAL_PORT="$BASE" MARGIN_LOCAL_DIR="$DIR" MARGIN_DEV_TOKENS=enabled \
MARGIN_LMS_SOURCES="[{\"id\":\"moodle-load\",\"institutionId\":\"$INSTITUTION\",\"lms\":\"moodle\",\"hmacSecrets\":[\"$SECRET\"]}]" \
  java "${flags[@]}" -Xmx2g -jar functions/launcher/target/margin-launcher.jar > "$DIR/launcher.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null; rm -rf "$DIR"' EXIT
until curl -sf "http://127.0.0.1:$((BASE + 6))/health/ready" >/dev/null; do sleep 0.5; done

echo "JDK $java_major, $(nproc) cores; launcher log: $DIR/launcher.log"
driver=(java --enable-native-access=ALL-UNNAMED -cp "tests/load/target/margin-load.jar:tests/load/target/libs/*" org.margin.load.PipelineLoad
  "$BASE" "$DIR" "$INSTITUTION" "$SECRET")
# The launcher's first events run interpreted code and fill pools and caches: not what a running system does.
echo "warm-up: $WARMUP webhooks, not measured"
"${driver[@]}" ingest "$WARMUP" 16 >/dev/null
# The warm-up's alerts are all in, but other subscribers (integrity, profiling) may still be working through theirs:
# wait until the launcher is nearly idle (under 15% of a core over 2 s), so the latency run has the machine to itself.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$launcher/stat"; }
for _ in $(seq 150); do
  before=$(cpu_ticks); sleep 2; after=$(cpu_ticks)
  [ $((after - before)) -lt 30 ] && break
done
"${driver[@]}" latency "$RATE" "$SECONDS_AT_RATE"
"${driver[@]}" ingest "$INGEST_COUNT" "$CONCURRENCY"
