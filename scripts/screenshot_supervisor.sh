#!/usr/bin/env bash
# Retake the README's supervisor screenshot: the real window (`--role supervisor`) under
# Xvfb on a fresh demo store, the built-in simulator bringing calls for a while so the
# queue tiles, the last-hour chart and the lists have moved.
# Usage: scripts/screenshot_supervisor.sh [OUT.png] [ja|en]   (SHOT_WAIT: seconds of calls)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots/supervisor.png}
lang=${2:-ja}
work=$(mktemp -d /tmp/cti-desk-shot.XXXXXX)
n=90
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done  # a display no other Xvfb holds
display=:$n
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
# The UI language comes from the settings (these machines have no ja_JP locale).
export DISPLAY=$display LANG=C.UTF-8 LC_ALL=C.UTF-8 CTI_DESK_DATA_DIR=$work/data CTI_DESK_CONFIG_DIR=$work/config
mkdir -p "$work/config"
printf '[General]\nlanguage=%s\n' "$lang" > "$work/config/cti-desk.ini"
db="sqlite:///$work/store.sqlite3"
.venv/bin/cti-desk demo-data --customers 2000 --seed 1 --db "$db" >/dev/null 2>&1
# A busy floor: a call every second or so, so callers queue, wait and some give up.
.venv/bin/cti-desk --db "$db" --role supervisor --source 'sim://?rate=60&seed=11' &
app=$!
sleep "${SHOT_WAIT:-45}"
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: $out"
