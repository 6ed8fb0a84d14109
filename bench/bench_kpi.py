"""A supervisor's KPI page on a big store: `kpi_rows` for 30 days by day, by segment and
by channel (what `cti-desk kpi` asks), p50/p99 of the whole page; the journey and the
products asked for while out of stock for the range (timed apart), and the quarter-hour
curve of a day.

The window's kpiView page as the window loads it (offscreen): refresh() on 30 days by
day until every part (rows and chart, journey, asked products) is shown, through the
app's background workers; when its first part (the rows) shows; the longest GUI-thread
stall meanwhile (lateness of a 5 ms timer). A first page is loaded and not counted.

The 30 days end where the store's call log ends (demo data stops at its day's midnight),
and step back a day per round so the page is not the same query every time.

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_kpi.py
    BENCH_KPI_N=30  # pages (default 30)
    BENCH_KPI_VIEW_N=5  # window pages and journeys (default 5)
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from cti_desk.qt import tasks
from cti_desk.qt.supervisor.kpi_view import KpiView
from cti_desk.services.kpi import (
    asked_out_of_stock,
    calls_per_quarter_hour,
    journey,
    kpi_rows,
    local_date,
    utc_bounds,
)
from cti_desk.store.db import open_store
from cti_desk.store.models import CallLogEntry, Customer

N = int(os.environ.get("BENCH_KPI_N", "30"))
VIEW_N = int(os.environ.get("BENCH_KPI_VIEW_N", "5"))
PROBE_MS = 5


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


class Probe(QObject):
    """A 5 ms timer on the GUI thread; its lateness is how long the thread was busy."""

    def __init__(self) -> None:
        super().__init__()
        self.late: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._fired)
        self.timer.start()

    def _fired(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self.last) * 1000 - PROBE_MS))
        self.last = now


def bare_count(store, start, to) -> int:
    """The floor under a page: the same 30 days' calls counted by one indexed range read."""
    lo, hi = utc_bounds(start, to)
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(CallLogEntry)
                        .where(CallLogEntry.rang_at >= lo, CallLogEntry.rang_at < hi))


def window_pages(store, end) -> tuple[list[float], list[float], list[float]]:
    """(page shown, rows shown, longest GUI stall) in ms per page, as the window loads it."""
    app = QApplication.instance() or QApplication([])
    view = KpiView(store, today=end)
    view.resize(1440, 860)
    view.show()
    app.processEvents()
    pages, firsts, stalls = [], [], []
    for i in range(-1, VIEW_N):  # -1: a first page, not counted (connections, first paint)
        to = end - timedelta(days=max(i, 0))
        view.set_range(to - timedelta(days=29), to, by="day")
        loop = QEventLoop()
        shown: dict[str, float] = {}
        view.partLoaded.connect(lambda part, shown=shown: shown.setdefault(part, time.perf_counter()))
        view.pageLoaded.connect(loop.quit)
        probe = Probe()
        started = time.perf_counter()
        view.refresh()
        QTimer.singleShot(120_000, loop.quit)  # a stuck page ends the bench, not the machine
        loop.exec()
        done = time.perf_counter()
        probe.timer.stop()
        view.partLoaded.disconnect()
        view.pageLoaded.disconnect()
        if i >= 0:
            pages.append((done - started) * 1000)
            firsts.append((shown.get("rows", done) - started) * 1000)
            stalls.append(max(probe.late, default=0.0))
    view.close()
    tasks.shutdown()
    return pages, firsts, stalls


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
        pages, bare, per_page_calls = [], [], 0
        for i in range(N):
            to = end - timedelta(days=i)
            start = to - timedelta(days=29)
            ms, rows = timed(lambda start=start, to=to: [kpi_rows(store, start, to, by)
                                                         for by in ("day", "segment", "channel")])
            pages.append(ms)
            per_page_calls = sum(r.calls for r in rows[0])
            bare.append(timed(lambda start=start, to=to: bare_count(store, start, to))[0])
        month = end - timedelta(days=29)
        journey_ms = [timed(lambda: journey(store, month, end))[0] for _ in range(VIEW_N)]
        asked_ms = [timed(lambda: asked_out_of_stock(store, month, end))[0] for _ in range(VIEW_N)]
        view_ms, first_ms, stall_ms = window_pages(store, end)
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
    print(f"journey (30 days by month and entry channel), {VIEW_N} runs: p50 {p50(journey_ms):.0f} ms")
    print(f"products asked for while out of stock (30 days), {VIEW_N} runs: p50 {p50(asked_ms):.0f} ms")
    print(f"kpiView page as the window loads it (30 days by day + journey + asked products), {VIEW_N} "
          f"pages: p50 {p50(view_ms):.0f} ms, max {max(view_ms):.0f} ms; rows shown after p50 "
          f"{p50(first_ms):.0f} ms; longest GUI stall of a page p50 {p50(stall_ms):.0f} ms, max {max(stall_ms):.0f} ms")
    print(f"bare count of the same 30 days' calls (one range read), {N} runs: p50 {p50(bare):.1f} ms, "
          f"p99 {percentile(bare, 0.99):.1f} ms")
    base = percentile(bare, 0.99)
    record("KPI page (30 days, 3 groupings), p99", percentile(pages, 0.99), "ms", base,
           note=f"p50 {p50(pages):.0f} ms, {N} pages", vs="bare count of the 30 days p99")
    record("KPI calls per quarter hour (a day), p99", percentile(quarter_ms, 0.99), "ms")
    record("KPI journey (30 days), p50", p50(journey_ms), "ms", base, vs="bare count of the 30 days p99")
    record("KPI asked while out of stock (30 days), p50", p50(asked_ms), "ms", base,
           vs="bare count of the 30 days p99")
    record("kpiView page as the window loads it, p50", p50(view_ms), "ms", note=f"rows shown p50 {p50(first_ms):.0f} ms")
    record("kpiView longest GUI stall of a page, max", max(stall_ms), "ms", target="< 50")
    return 0


if __name__ == "__main__":
    sys.exit(main())
