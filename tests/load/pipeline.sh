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
WARMUP="${PIPELINE_WARMUP:-10000}"
BASE="${PIPELINE_PORT:-28080}"
mvn -B -q -DskipTests package -pl tests/load -am
. tests/load/pipeline-launcher.sh
start_launcher

echo "JDK $java_major, $(nproc) cores; launcher log: $DIR/launcher.log"
# The launcher's first events run interpreted code and fill pools and caches: not what a running system does. After
# 2,000 webhooks it could not keep up with 40/s; after 10,000 its JIT has compiled most of what the pipeline runs.
echo "warm-up: $WARMUP webhooks, not measured"
"${driver[@]}" ingest "$WARMUP" 16 >/dev/null
wait_until_idle
"${driver[@]}" latency "$RATE" "$SECONDS_AT_RATE"
"${driver[@]}" ingest "$INGEST_COUNT" "$CONCURRENCY"
