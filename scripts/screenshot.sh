#!/usr/bin/env bash
# Retake the README's operator screenshot: the real window under Xvfb on a fresh demo
# store; a cloud-PBX webhook call from a loyal customer with an open inquiry is posted
# to it, so the picture is the same every time. Usage: scripts/screenshot.sh [OUT.png] [ja|en]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots/operator-pop.png}
lang=${2:-ja}
source scripts/shot_lib.sh
shot_start 1440x900 "$lang"
port=$((20000 + RANDOM % 20000))
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
