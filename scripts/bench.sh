#!/usr/bin/env bash
# Benchmarks (not tests): figures for docs/PERFORMANCE.md and issue notes. Never timed assertions.
# Every bench/bench_*.py runs in turn; each figure it records (bench/benchlib.py record())
# is printed next to its baseline and folded into bench/results.json at the end, with the
# machine (CPU, cores, load average at start and end), the date, the git commit, the stores.
#
# BENCH_DB: a store to measure on (default: a BENCH_CUSTOMERS-customer SQLite store made
#   once with `cti-desk demo-data` in .tmp/; 1,000,000 takes ~15 minutes the first time).
# BENCH_QUICK=1 (make bench-quick): a 100,000-customer store and fewer iterations per
#   script, into bench/results-quick.json.
# BENCH_PG_DB: a PostgreSQL store (e.g. postgresql+psycopg://postgres@127.0.0.1:54331/bench_1m,
#   filled by demo-data): the screen pop is measured on it too.
# BENCH_ONLY: a glob of scripts to run (e.g. 'bench_screen*'); default every one.
set -uo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
mkdir -p .tmp
began=$(date +%s)
started=$(date +%Y-%m-%dT%H:%M:%S%z)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
out=bench/results.json
mode=full
if [ "${BENCH_QUICK:-}" = 1 ]; then
  mode=quick
  out=bench/results-quick.json
  BENCH_CUSTOMERS=${BENCH_CUSTOMERS:-100000}
  # Fewer iterations; each script reads its own knob (an env value set by hand wins).
  export BENCH_AMI_EVENTS=${BENCH_AMI_EVENTS:-20000} BENCH_MONITOR_N=${BENCH_MONITOR_N:-300} \
    BENCH_QUEUES_N=${BENCH_QUEUES_N:-300} BENCH_RESOLUTION_N=${BENCH_RESOLUTION_N:-300} \
    BENCH_POP_CALLS=${BENCH_POP_CALLS:-40} BENCH_SEARCH_N=${BENCH_SEARCH_N:-30} \
    BENCH_KPI_N=${BENCH_KPI_N:-5} BENCH_KPI_VIEW_N=${BENCH_KPI_VIEW_N:-2} \
    BENCH_TICKS=${BENCH_TICKS:-30} BENCH_TICK_SECONDS=${BENCH_TICK_SECONDS:-4} \
    BENCH_INBOX_SECONDS=${BENCH_INBOX_SECONDS:-3} BENCH_OPLOAD_SECONDS=${BENCH_OPLOAD_SECONDS:-12} \
    BENCH_OPLOAD_IDLE_SECONDS=${BENCH_OPLOAD_IDLE_SECONDS:-4} BENCH_STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
fi
BENCH_CUSTOMERS=${BENCH_CUSTOMERS:-1000000}
if [ -z "${BENCH_DB:-}" ]; then
  db=".tmp/bench-${BENCH_CUSTOMERS}.sqlite3"
  if [ ! -s "$db.done" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== building a ${BENCH_CUSTOMERS}-customer store in $db (once)"
    /usr/bin/time -f "demo-data: %e s, max RSS %M KB" \
      .venv/bin/cti-desk demo-data --customers "$BENCH_CUSTOMERS" --db "sqlite:///$PWD/$db" || exit 1
    du -h "$db" > "$db.done"
  fi
  export BENCH_DB="sqlite:///$PWD/$db"
fi
export BENCH_RESULTS=".tmp/bench-figures-$$.jsonl"
: > "$BENCH_RESULTS"
echo "== make bench ($mode) on $BENCH_DB; load average $load_start; $(nproc) cores"
failed=()
run() {  # run SCRIPT [label]: one script, its time, go on if it fails
  local t0=$SECONDS
  echo "== $1${2:+ ($2)}"
  if ! .venv/bin/python "$1"; then failed+=("$1${2:+ ($2)}"); fi
  echo "   ($1: $((SECONDS - t0)) s)"
}
for b in bench/${BENCH_ONLY:-bench_*}.py; do
  [ -e "$b" ] || continue
  run "$b"
done
stores=(--store "$BENCH_DB")
if [ -n "${BENCH_PG_DB:-}" ] && [[ "bench_screenpop" == ${BENCH_ONLY:-bench_*} ]]; then
  BENCH_DB="$BENCH_PG_DB" BENCH_TAG=PostgreSQL run bench/bench_screenpop.py PostgreSQL
  stores+=(--store "$BENCH_PG_DB")
fi
.venv/bin/python bench/results.py "$BENCH_RESULTS" "$out" --mode "$mode" --started "$started" \
  --load-start "$load_start" --seconds $(( $(date +%s) - began )) "${stores[@]}"
rm -f "$BENCH_RESULTS"
echo "== $mode bench: $(( $(date +%s) - began )) s; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#failed[@]} -gt 0 ]; then
  echo "== failed: ${failed[*]}" >&2
  exit 1
fi
