#!/usr/bin/env bash
# The LMS ingress alone, as Knative runs it behind a Broker: its own process, with the database and the grid
# member of a launcher started here, announcing to K_SINK, which is the driver: it answers 202 and counts the events.
# Usage: [INGEST_STUDENTS=N] [LOAD_ESSAY_WORDS=N] tests/load/ingress.sh [COUNT] [CONCURRENCY] [WARMUP]   (through ./margin bench-ingress)
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT="${1:-60000}"
CONCURRENCY="${2:-64}"
WARMUP="${3:-40000}"
BASE="${INGRESS_BENCH_PORT:-29080}"
INGRESS_PORT=$((BASE + 40))
SINK_PORT=$((BASE + 41))
mvn -B -q -DskipTests package -pl tests/load,functions/lms-ingress -am
. tests/load/pipeline-launcher.sh
start_launcher

# As the pod runs it (knative/functions/lms-ingress.yaml: half of 256 MiB for the heap, and the serial collector
# that the JVM picks for itself in so small a container).
PORT="$INGRESS_PORT" K_SINK="http://127.0.0.1:$SINK_PORT/" \
  MARGIN_DB_URL="r2dbc:postgresql://127.0.0.1:$((BASE + 20))/margin" MARGIN_DB_USER=margin_app \
  MARGIN_DB_PASSWORD="$(sed -n 's/^margin_app=//p' "$DIR/postgres/credentials.properties")" \
  MARGIN_KEK_DIR="$DIR/keys" MARGIN_GRID_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)" \
  MARGIN_GRID_MEMBERS="127.0.0.1:$((BASE + 21))" MARGIN_GRID_CLUSTER=margin-local \
  MARGIN_REQUEST_STATE_SECRET="$(head -c 32 /dev/urandom | base64)" MARGIN_COPPA_UNKNOWN_AGE=process \
  MARGIN_LMS_SOURCES="[{\"id\":\"moodle-load\",\"institutionId\":\"$INSTITUTION\",\"lms\":\"moodle\",\"hmacSecrets\":[\"$SECRET\"]}]" \
  java "${flags[@]}" -XX:+UseSerialGC -Xmx128m -jar functions/lms-ingress/target/lms-ingress.jar \
  > "$DIR/ingress.log" 2>&1 &
ingress=$!
trap '[ -n "$launcher" ] && kill "$launcher" 2>/dev/null; kill "$ingress" 2>/dev/null; wait 2>/dev/null; rm -rf "$DIR"' EXIT

echo "JDK $java_major, $(nproc) cores; ingress log: $DIR/ingress.log"
java --enable-native-access=ALL-UNNAMED -cp "tests/load/target/margin-load.jar:tests/load/target/libs/*" \
  org.margin.load.IngressLoad "$INGRESS_PORT" "$SINK_PORT" "$DIR" "$((BASE + 20))" "$INSTITUTION" "$SECRET" \
  "$WARMUP" "$COUNT" "$CONCURRENCY" "$ingress"
