#!/usr/bin/env bash
# Cold start of writing-analysis, process start to first successful tools/call: without, then with, a JDK AOT cache.
# Usage: tests/load/cold-start.sh [RUNS]   (run through ./margin cold-start, which picks the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS="${1:-5}"
PORT="${COLD_START_PORT:-18090}"
JAR=functions/writing-analysis/target/writing-analysis.jar
AOT=functions/writing-analysis/target/writing-analysis.aot

mvn -B -q -DskipTests package -pl tests/load,functions/writing-analysis -am

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

echo "JDK $java_major, $(nproc) cores"
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
