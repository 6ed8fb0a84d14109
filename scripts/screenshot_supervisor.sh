#!/usr/bin/env bash
# Retake the README's supervisor screenshot: the real window (`--role supervisor`) under
# Xvfb on a fresh demo store, the built-in simulator bringing calls for a while so the
# queue tiles, the last-hour chart and the lists have moved.
# Usage: scripts/screenshot_supervisor.sh [OUT.png] [ja|en]   (SHOT_WAIT: seconds of calls)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots/supervisor.png}
lang=${2:-ja}
source scripts/shot_lib.sh
shot_start 1440x900 "$lang"
# A busy floor: a call every second or so, so callers queue, wait and some give up.
.venv/bin/cti-desk --db "$db" --role supervisor --source 'sim://?rate=60&seed=11' &
app=$!
sleep "${SHOT_WAIT:-45}"
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: $out"
