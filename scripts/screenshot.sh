#!/usr/bin/env bash
# Retake the README's operator screenshot: the real window under Xvfb, on a fresh demo
# store, with the simulator ringing. Usage: scripts/screenshot.sh [OUT.png] [LANG]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots/operator-pop.png}
lang=${2:-ja_JP.UTF-8}
work=$(mktemp -d /tmp/cti-desk-shot.XXXXXX)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=$display LANG=$lang LC_ALL=$lang CTI_DESK_DATA_DIR=$work/data CTI_DESK_CONFIG_DIR=$work/config
.venv/bin/cti-desk demo-data --customers 2000 --db "sqlite:///$work/store.sqlite3" >/dev/null
.venv/bin/cti-desk --db "sqlite:///$work/store.sqlite3" --source 'sim://?rate=20&seed=3' &
app=$!
sleep "${SHOT_WAIT:-20}"
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: $out"
