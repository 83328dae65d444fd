#!/usr/bin/env bash
# Cold start of writing-analysis, process start to first successful tools/call: without, then with, a JDK AOT cache.
# Usage: tests/load/cold-start.sh [RUNS] [--with-platform|--floor]   (run through ./margin cold-start, which picks the JDK)
# --with-platform configures the function as on Knative with a database: store, keys and grid (a launcher started
# here serves as the PostgreSQL and the grid member), which its start must not connect to before the first call.
# --floor times, with AOT caches and in alternation, the function against the floor of its stack on the same class
# path (ColdStartFloor: Helidon alone, then Helidon with the token, JSON, schema and telemetry libraries, no Margin code).
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS="${1:-5}"
PLATFORM="${2:-}"
PORT="${COLD_START_PORT:-18090}"
JAR=functions/writing-analysis/target/writing-analysis.jar
AOT=functions/writing-analysis/target/writing-analysis.aot

mvn -B -q -DskipTests package -pl tests/load,functions/writing-analysis,functions/launcher -am

java_major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)"
flags=(--enable-native-access=ALL-UNNAMED)
[ "$java_major" -ge 24 ] && flags+=(--sun-misc-unsafe-memory-access=allow)
# As production launches the function (JAVA_TOOL_OPTIONS in knative/functions/writing-analysis.yaml): the serial
# collector, which the JVM picks by itself in the 256 MiB pod, and C2 held back until code is really hot, so that
# it does not take a core from start-up compiling code that ran a few thousand times.
flags+=(-XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000)
meter=(java -cp tests/load/target/margin-load.jar org.margin.load.ColdStart)
# As on Knative, where the secret comes from a Secret: without it the function makes a random one at start-up.
MARGIN_REQUEST_STATE_SECRET="$(head -c 32 /dev/urandom | base64)"
export MARGIN_REQUEST_STATE_SECRET

if [ "$PLATFORM" = "--with-platform" ]; then
  BACKING_PORT="${COLD_START_BACKING_PORT:-27080}"
  BACKING_DIR="$(mktemp -d)"
  MARGIN_LOCAL_PORT="$BACKING_PORT" MARGIN_LOCAL_DIR="$BACKING_DIR" MARGIN_DEV_TOKENS=enabled java "${flags[@]}" --add-modules java.se \
    --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED \
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED -Xmx1g \
    -jar functions/launcher/target/margin-launcher.jar > "$BACKING_DIR/launcher.log" 2>&1 < /dev/null &
  backing=$!
  trap 'kill $backing 2>/dev/null; wait $backing 2>/dev/null; rm -rf "$BACKING_DIR"' EXIT
  # Ready once its functions answer and it has made the key-encryption key and the keysets the function reads.
  until curl -sf "http://127.0.0.1:$((BACKING_PORT + 6))/health/ready" >/dev/null \
      && [ -n "$(ls -A "$BACKING_DIR/keys" 2>/dev/null)" ]; do
    kill -0 "$backing" 2>/dev/null || { echo "the launcher stopped (is another one running?):" >&2;
      tail -5 "$BACKING_DIR/launcher.log" >&2; exit 1; }
    sleep 0.5
  done
  sleep 2
  export MARGIN_DB_URL="r2dbc:postgresql://127.0.0.1:$((BACKING_PORT + 20))/margin" MARGIN_DB_USER=margin_app \
    MARGIN_DB_PASSWORD="$(sed -n 's/^margin_app=//p' "$BACKING_DIR/postgres/credentials.properties")" \
    MARGIN_KEK_DIR="$BACKING_DIR/keys" MARGIN_GRID_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)" \
    MARGIN_GRID_MEMBERS="127.0.0.1:$((BACKING_PORT + 21))" MARGIN_GRID_CLUSTER=margin-local \
    K_SINK="http://127.0.0.1:$BACKING_PORT/" MARGIN_COPPA_UNKNOWN_AGE=process
  echo "with the platform configured: PostgreSQL and the grid member of a launcher on port $BACKING_PORT"
fi

echo "JDK $java_major, $(nproc) cores"

if [ "$PLATFORM" = "--floor" ]; then
  [ "$java_major" -ge 25 ] || { echo "--floor compares with AOT caches, which need JDK 25" >&2; exit 1; }
  LOAD_JAR=tests/load/target/margin-load.jar
  declare -A target=([function]="-jar $JAR" [floor-stack]="-cp $LOAD_JAR org.margin.load.ColdStartFloor stack"
    [floor-helidon]="-cp $LOAD_JAR org.margin.load.ColdStartFloor hello")
  results="$(mktemp -d)"
  trap 'rm -rf "$results"' EXIT
  for name in function floor-stack floor-helidon; do
    "${meter[@]}" 1 "$PORT" aot-training -- java "${flags[@]}" -XX:AOTCacheOutput="$results/$name.aot" ${target[$name]} >/dev/null
  done
  for run in $(seq "$RUNS"); do
    for name in function floor-stack floor-helidon; do
      "${meter[@]}" 1 "$PORT" "$name" -- java "${flags[@]}" -XX:AOTCache="$results/$name.aot" ${target[$name]} \
        | grep ' run 1:' | sed "s/ run 1:/ run $run:/" | tee -a "$results/$name"
    done
  done
  for name in function floor-stack floor-helidon; do
    sed -E 's/.*: ([0-9]+) ms.*/\1/' "$results/$name" | sort -n \
      | awk -v name="$name" '{ms[NR] = $1} END {printf "%s with-aot-cache median_ms=%d min_ms=%d max_ms=%d runs=%d\n",
          name, ms[int((NR + 1) / 2)], ms[1], ms[NR], NR}'
  done
  exit 0
fi
"${meter[@]}" "$RUNS" "$PORT" without-aot-cache -- java "${flags[@]}" -jar "$JAR"

if [ "$java_major" -lt 25 ]; then
  echo "with-aot-cache: skipped, the one-step AOT cache (JEP 514) needs JDK 25"
  exit 0
fi
rm -f "$AOT"
# One training run records what start-up and the first call load; the JVM writes the cache when it exits.
"${meter[@]}" 1 "$PORT" aot-training -- java "${flags[@]}" -XX:AOTCacheOutput="$AOT" -jar "$JAR" >/dev/null
[ -f "$AOT" ] || { echo "no AOT cache was written" >&2; exit 1; }
"${meter[@]}" "$RUNS" "$PORT" with-aot-cache -- java "${flags[@]}" -XX:AOTCache="$AOT" -jar "$JAR"
