#!/usr/bin/env bash
# What a submission costs the pipeline in local mode: the launcher's and PostgreSQL's CPU per submission, and
# pg_stat_statements (statements, transactions and their time per submission, the costliest statements first),
# over COUNT webhooks from CONCURRENCY senders after WARMUP webhooks of warm-up.
# Usage: [PIPELINE_STUDENTS=N] tests/load/pipeline-cost.sh [COUNT] [CONCURRENCY] [WARMUP]   (needs psql)
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT="${1:-900}"
CONCURRENCY="${2:-32}"
WARMUP="${3:-600}"
BASE="${PIPELINE_PORT:-28180}"
command -v psql >/dev/null || { echo "psql is needed to read pg_stat_statements" >&2; exit 2; }

mvn -B -q -DskipTests package -pl tests/load -am
. tests/load/pipeline-launcher.sh
sql() { psql -q -h 127.0.0.1 -p "$((BASE + 20))" -U postgres -d margin "$@"; }

# pg_stat_statements is a preloaded library: set it, then start the launcher again on the same database.
start_launcher
sql -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on"
kill "$launcher"; wait "$launcher" || true
start_launcher
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

echo "warm-up: $WARMUP webhooks, not measured"
"${driver[@]}" ingest "$WARMUP" 16 | grep -v "  after"
wait_until_idle
sql -c "SELECT pg_stat_statements_reset()" >/dev/null
# CPU of the launcher and of PostgreSQL's processes, in clock ticks (user + system).
ticks() {
  local postmaster total=0
  postmaster="$(head -1 "$DIR/postgres/cluster/postmaster.pid")"
  for p in "$launcher" "$postmaster" $(pgrep -P "$postmaster"); do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
# The same by part: the launcher's threads by name, numbers folded ("hz.client_3.event-7" and "-8" are one group;
# Linux keeps 15 characters of a name), and PostgreSQL's sessions and its own processes.
parts() {
  local postmaster t p
  postmaster="$(head -1 "$DIR/postgres/cluster/postmaster.pid")"
  for t in /proc/"$launcher"/task/*; do
    [ -r "$t/stat" ] && echo "$(tr ' 0-9' '_N' < "$t/comm" | tr -s N) $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done
  for p in "$postmaster" $(pgrep -P "$postmaster"); do
    if [ -r "/proc/$p/stat" ]; then
      if tr '\0' ' ' < "/proc/$p/cmdline" | grep -q margin_app; then echo -n "postgres:sessions "; else echo -n "postgres:own "; fi
      sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'
    fi
  done
}
before=$(ticks)
parts > "$DIR/parts.before"
"${driver[@]}" ingest "$COUNT" "$CONCURRENCY" | grep -v "  after"
after=$(ticks)
parts > "$DIR/parts.after"
echo "CPU per submission (launcher and PostgreSQL): $(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $COUNT" | bc -l | cut -c1-6) ms"
echo "by part, ms per submission (threads that ended meanwhile are missing):"
awk -v hz="$(getconf CLK_TCK)" -v n="$COUNT" 'FNR == NR { before[$1] += $2; next } { after[$1] += $2 }
  END { for (g in after) { ms = (after[g] - before[g]) * 1000 / hz / n; if (ms >= 0.05) printf "  %7.2f  %s\n", ms, g } }' \
  "$DIR/parts.before" "$DIR/parts.after" | sort -rn
sleep 3
sql -c "SELECT round((sum(total_exec_time) / $COUNT)::numeric, 2) AS exec_ms_per_submission,
               round((sum(total_plan_time) / $COUNT)::numeric, 2) AS plan_ms_per_submission,
               round(sum(calls)::numeric / $COUNT, 1) AS statements_per_submission,
               round(sum(calls) FILTER (WHERE query LIKE 'COMMIT%')::numeric / $COUNT, 1) AS commits_per_submission
        FROM pg_stat_statements"
sql -c "SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round((total_exec_time / $COUNT)::numeric, 2) AS ms_per_submission,
               plans, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
        FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12"
