"""A supervisor's KPI page on a big store: `kpi_rows` for 30 days by day, by segment and
by channel (what `cti-desk kpi` asks), p50/p99 of the whole page; the window's kpiView
page also reads the journey and the products asked for while out of stock for its range
(timed apart, a few times), and the quarter-hour curve of a day.

The 30 days end where the store's call log ends (demo data stops at its day's midnight),
and step back a day per round so the page is not the same query every time.

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_kpi.py
    BENCH_KPI_N=30  # pages (default 30)
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile  # bench/ is the script's own folder on sys.path
from sqlalchemy import func, select

from cti_desk.services.kpi import (
    asked_out_of_stock,
    calls_per_quarter_hour,
    journey,
    kpi_rows,
    local_date,
)
from cti_desk.store.db import open_store
from cti_desk.store.models import CallLogEntry, Customer

N = int(os.environ.get("BENCH_KPI_N", "30"))


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def main() -> int:
    url = os.environ.get("BENCH_DB")
    if not url:
        print("BENCH_DB is not set (scripts/bench.sh sets it)", file=sys.stderr)
        return 2
    store = open_store(url)
    try:
        with store.session() as s:
            customers = s.scalar(select(func.count()).select_from(Customer))
            calls = s.scalar(select(func.count()).select_from(CallLogEntry))
            last = s.scalar(select(func.max(CallLogEntry.rang_at)))
        if last is None:
            print("kpi: the store has no call log (demo data from before issue 11?)")
            return 0
        end = local_date(last)
        pages, per_page_calls = [], 0
        for i in range(N):
            to = end - timedelta(days=i)
            start = to - timedelta(days=29)
            ms, rows = timed(lambda start=start, to=to: [kpi_rows(store, start, to, by)
                                                         for by in ("day", "segment", "channel")])
            pages.append(ms)
            per_page_calls = sum(r.calls for r in rows[0])
        month = end - timedelta(days=29)
        journey_ms = [timed(lambda: journey(store, month, end))[0] for _ in range(3)]
        asked_ms = [timed(lambda: asked_out_of_stock(store, month, end))[0] for _ in range(3)]
        quarter_ms = [timed(lambda d=d: calls_per_quarter_hour(store, end - timedelta(days=d)))[0]
                      for d in range(N)]
    finally:
        store.dispose()
    print(f"store: {customers:,} customers, {calls:,} calls in the call log; a page covers "
          f"~{per_page_calls:,} calls")
    print(f"KPI page (30 days by day + by segment + by channel), {N} pages: "
          f"p50 {p50(pages):.0f} ms, p99 {percentile(pages, 0.99):.0f} ms")
    print(f"calls per quarter hour (one day), {N} days: p50 {p50(quarter_ms):.1f} ms, "
          f"p99 {percentile(quarter_ms, 0.99):.1f} ms")
    print(f"journey (30 days by month and entry channel), 3 runs: p50 {p50(journey_ms):.0f} ms")
    print(f"products asked for while out of stock (30 days), 3 runs: p50 {p50(asked_ms):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
