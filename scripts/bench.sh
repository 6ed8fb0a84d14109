#!/usr/bin/env bash
# Benchmarks (not tests): figures for the README and issue notes. Never timed assertions.
# BENCH_DB: a store to measure on (default: a 1,000,000-customer SQLite store made once
# with `cti-desk demo-data` in .tmp/, which takes a few minutes the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
mkdir -p .tmp
BENCH_CUSTOMERS=${BENCH_CUSTOMERS:-1000000}
if [ -z "${BENCH_DB:-}" ]; then
  db=".tmp/bench-${BENCH_CUSTOMERS}.sqlite3"
  if [ ! -s "$db.done" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== building a ${BENCH_CUSTOMERS}-customer store in $db (once)"
    /usr/bin/time -f "demo-data: %e s, max RSS %M KB" \
      .venv/bin/cti-desk demo-data --customers "$BENCH_CUSTOMERS" --db "sqlite:///$PWD/$db"
    du -h "$db" > "$db.done"
  fi
  export BENCH_DB="sqlite:///$PWD/$db"
fi
for b in bench/bench_*.py; do
  echo "== $b"
  .venv/bin/python "$b"
done
