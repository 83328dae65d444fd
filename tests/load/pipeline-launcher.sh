# Sourced by pipeline.sh and pipeline-cost.sh, from the repository's root with BASE set: a launcher (every function,
# the local broker, an embedded PostgreSQL and a Hazelcast member) in local mode, taking signed Moodle webhooks of one
# institution, and the driver that sends them. Defines DIR, launcher, start_launcher, wait_until_idle and driver;
# cleans up on exit.

DIR="$(mktemp -d)"
INSTITUTION="$(cat /proc/sys/kernel/random/uuid)"
SECRET="$(head -c 32 /dev/urandom | base64)"
java_major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)"
flags=(--enable-native-access=ALL-UNNAMED --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
[ "$java_major" -ge 24 ] && flags+=(--sun-misc-unsafe-memory-access=allow)

launcher=""
# Starts the launcher on DIR (again, after a stop, on the same database), with the JVM settings ./margin dev gives
# it (functions/launcher/jvm.options), and waits until it is ready.
start_launcher() {
  MARGIN_LOCAL_PORT="$BASE" MARGIN_LOCAL_DIR="$DIR" MARGIN_DEV_TOKENS=enabled \
  MARGIN_LMS_SOURCES="[{\"id\":\"moodle-load\",\"institutionId\":\"$INSTITUTION\",\"lms\":\"moodle\",\"hmacSecrets\":[\"$SECRET\"]}]" \
    java "${flags[@]}" @functions/launcher/jvm.options -Xmx2g -jar functions/launcher/target/margin-launcher.jar >> "$DIR/launcher.log" 2>&1 &
  launcher=$!
  until curl -sf "http://127.0.0.1:$((BASE + 6))/health/ready" >/dev/null; do
    kill -0 "$launcher" 2>/dev/null || { echo "the launcher stopped; see $DIR/launcher.log" >&2; exit 1; }
    sleep 0.5
  done
}
trap '[ -n "$launcher" ] && kill "$launcher" 2>/dev/null; wait 2>/dev/null; rm -rf "$DIR"' EXIT

# After a warm-up its alerts are all in, but other subscribers (integrity, profiling) may still be working through
# theirs: waits until the launcher is nearly idle (under 15% of a core over 2 s, at most 5 minutes), so that what is
# measured next has the machine to itself and counts none of the warm-up's work.
wait_until_idle() {
  local before after
  for _ in $(seq 150); do
    before=$(awk '{print $14 + $15}' "/proc/$launcher/stat"); sleep 2; after=$(awk '{print $14 + $15}' "/proc/$launcher/stat")
    [ $((after - before)) -lt 30 ] && return
  done
}

# The driver shares the machine with what it measures: C1 alone and the serial collector halve what it costs
# (a 27 s run at 70/s: 6.4 s of CPU instead of 11.9 s, most of the difference the C2 compiler's threads).
driver=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "tests/load/target/margin-load.jar:tests/load/target/libs/*" org.margin.load.PipelineLoad
  "$BASE" "$DIR" "$INSTITUTION" "$SECRET")
