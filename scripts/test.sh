#!/usr/bin/env bash
# The whole suite: lint, layering, then pytest (GUI offscreen) with a real PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
echo "== ruff"; $BIN/ruff check cti_desk tests scripts bench
echo "== import-linter"; $BIN/lint-imports
PGDIR=$(mktemp -d /tmp/cti-desk-pg.XXXXXX)
PGPORT=${CTI_DESK_TEST_PG_PORT:-54330}
# Another server on that port (a second checkout's run, say): take a free one instead.
if (exec 3<>/dev/tcp/127.0.0.1/$PGPORT) 2>/dev/null; then
  PGPORT=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
trap 'bash scripts/pg.sh stop "$PGDIR"' EXIT
bash scripts/pg.sh start "$PGDIR" "$PGPORT"
export CTI_DESK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
export QT_QPA_PLATFORM=offscreen
echo "== pytest"
$BIN/python -m pytest "$@"
