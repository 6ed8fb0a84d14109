#!/usr/bin/env bash
# Retake the README's operator screenshot: the real window under Xvfb on a fresh demo
# store; a cloud-PBX webhook call from a loyal customer with an open inquiry is posted
# to it, so the picture is the same every time. Usage: scripts/screenshot.sh [OUT.png] [ja|en]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots/operator-pop.png}
lang=${2:-ja}
work=$(mktemp -d /tmp/cti-desk-shot.XXXXXX)
n=90
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done  # a display no other Xvfb holds
display=:$n
port=$((20000 + RANDOM % 20000))
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
number=$(.venv/bin/python - "$work/store.sqlite3" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
# A loyal customer with one phone, several purchases and an open inquiry.
print(con.execute("""
    SELECT p.e164 FROM customer_phones p
    JOIN inquiries i ON i.customer_id = p.customer_id AND i.status = 'open'
    WHERE (SELECT count(DISTINCT customer_id) FROM customer_phones q WHERE q.e164 = p.e164) = 1
    GROUP BY p.customer_id
    HAVING (SELECT count(*) FROM purchases u WHERE u.customer_id = p.customer_id) BETWEEN 8 AND 14
    ORDER BY p.customer_id LIMIT 1""").fetchone()[0])
PY
)
.venv/bin/cti-desk --db "$db" --source "webhook://127.0.0.1:$port" --agent PJSIP/2001 &
app=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
post() { curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$port/events"; }
post '{"call_id": "c-0001", "event": "ringing", "from": "0312340000", "queue": "support", "agent": "PJSIP/2002"}'
post '{"call_id": "c-0001", "event": "answered", "from": "0312340000", "queue": "support", "agent": "PJSIP/2002"}'
post '{"call_id": "c-0001", "event": "ended", "from": "0312340000", "queue": "support"}'
post "{\"call_id\": \"c-0002\", \"event\": \"ringing\", \"from\": \"$number\", \"queue\": \"support\", \"agent\": \"PJSIP/2001\"}"
sleep 3
post "{\"call_id\": \"c-0002\", \"event\": \"answered\", \"from\": \"$number\", \"queue\": \"support\", \"agent\": \"PJSIP/2001\"}"
sleep "${SHOT_WAIT:-4}"
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: $out (caller $number)"
