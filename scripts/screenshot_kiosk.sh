#!/usr/bin/env bash
# Retake the README's kiosk screenshot: the real kiosk window (`--role kiosk`) under Xvfb
# at a 1280x800 touch screen's size, on a fresh demo store, in Japanese. A barcode
# scanner's keystrokes (xdotool: 13 digits and Enter) bring up a product that is not on
# this shop's shelf, so the stock list shows where else it is and when it can be home.
# Usage: scripts/screenshot_kiosk.sh [OUT.png] [ja|en]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/sysdeps.sh xdotool imagemagick
out=${1:-docs/screenshots/kiosk-stock.png}
lang=${2:-ja}
shop=S002  # 渋谷店 in the demo data
source scripts/shot_lib.sh
shot_start 1280x800 "$lang"
echo 2468 | .venv/bin/cti-desk kiosk set-pin --db "$db" >/dev/null
jan=$(.venv/bin/python - "$work/store.sqlite3" "$shop" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
# Not on this shop's shelf, but in other shops of the prefecture: the kiosk's own story.
print(con.execute("""
    SELECT p.jan FROM products p
    JOIN locations here ON here.code = ?
    JOIN stock_levels s ON s.product_id = p.id AND s.location_id = here.id AND s.on_hand = 0
    WHERE p.jan IS NOT NULL AND (
        SELECT count(*) FROM stock_levels o JOIN locations l ON l.id = o.location_id
        WHERE o.product_id = p.id AND l.kind = 'shop' AND l.prefecture = here.prefecture AND o.on_hand > 0) >= 3
    ORDER BY p.id LIMIT 1""", (sys.argv[2],)).fetchone()[0])
PY
)
.venv/bin/cti-desk --db "$db" --role kiosk --shop "$shop" &
app=$!
sleep "${SHOT_WAIT:-4}"
xdotool mousemove 640 400  # no window manager: the keyboard goes to the window under the pointer
xdotool type --delay 4 "$jan"
xdotool key Return
sleep 2
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: $out (shop $shop, JAN $jan)"
