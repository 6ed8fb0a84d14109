"""The operator window under a busy PBX: the longest GUI stall and the memory it keeps.

A fake Asterisk (tests/telephony/fake_ami.py) on 127.0.0.1 sends recorded frames through
the real `ami://` source and call bridge into the real MainWindow (built as
bench_screenpop.py builds it, 1600x1000, offscreen): a caller's Newchannel (the call rings,
the window pops it and looks the caller up in BENCH_DB), and a few calls later the
caller's Hangup (missed: it stays in the shift list for a call-back). ~95 call updates/s
(two a call) for BENCH_OPLOAD_SECONDS (default 60); callers are phones of the store
(about one in ten unknown), each a different customer while the pool lasts.

    stall   a 1 ms PreciseTimer on the GUI thread notes how late each shot fires; the
            longest lateness is the longest stall (baseline in the same run: the same
            window, connected, idle for BENCH_OPLOAD_IDLE_SECONDS, default 15)
    RSS     the process's resident memory when the calls start, after 1,000 calls popped,
            at the end; KB a call: the slope of RSS over calls after the first 1,000

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_operator_load.py

Every pop writes what the window writes (call log rows, an audit entry) into BENCH_DB;
the run deletes its call log rows at the end so later runs (and the screen pop bench,
whose window restores today's missed calls) start from the same store (the audit log is
append-only: its entries stay, as the screen pop bench's do). The fake PBX runs on a
thread of this process, as in bench_screenpop.py.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path
from fake_pbx import PbxThread
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import delete, func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt import tasks
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.main_window import MainWindow
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import CallLogEntry, CustomerPhone
from cti_desk.telephony.sources import open_source, parse_source
from tests.telephony.recorded_calls import QueueCall, to_wire

SECONDS = float(os.environ.get("BENCH_OPLOAD_SECONDS", "60"))
IDLE_SECONDS = float(os.environ.get("BENCH_OPLOAD_IDLE_SECONDS", "15"))
UPDATES_PER_S = 95.0
CALLS_PER_S = UPDATES_PER_S / 2  # a ring and a hang-up each
RINGING_CALLS = 10  # a call hangs up this many calls after it rang (~0.2 s)
PROBE_MS = 1
RSS_AFTER = 1000
OPERATOR = "bench-load"
WINDOW_SIZE = (1600, 1000)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def caller_numbers(store: Store, n: int, rng: random.Random) -> list[str]:
    """Phones of the store as a Japanese PBX sends them (0312345678), one in ten unknown."""
    out: list[str] = []
    seen: set[str] = set()
    with store.session() as s:
        top = s.scalar(select(func.max(CustomerPhone.id))) or 0
        while len(out) < n:
            if rng.random() < 0.1 or not top:
                out.append(f"090{rng.randint(0, 99_999_999):08d}")
                continue
            e164 = s.scalar(select(CustomerPhone.e164).where(CustomerPhone.id == rng.randint(1, top)))
            if e164 and e164.startswith("+81") and e164 not in seen:
                seen.add(e164)
                out.append("0" + e164[3:])
    return out


class Pbx(PbxThread):
    """The fake Asterisk; `play` paces the calls."""

    def play(self, rings: list[bytes], hangups: list[bytes], seconds: float):
        """Call n rings at n / CALLS_PER_S; call n - RINGING_CALLS hangs up with it."""
        async def go() -> int:
            start = time.perf_counter()
            n = 0
            while (at := n / CALLS_PER_S) < seconds and n < len(rings):
                delay = start + at - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                old = n - RINGING_CALLS
                await self.ami.push(rings[n] + (hangups[old] if old >= 0 else b""))
                n += 1
            for old in range(max(0, n - RINGING_CALLS), n):  # the last ones hang up too
                await self.ami.push(hangups[old])
            return n

        return asyncio.run_coroutine_threadsafe(go(), self.loop)


class Probe(QObject):
    """A 1 ms timer on the GUI thread; its lateness is how long the thread was busy."""

    def __init__(self) -> None:
        super().__init__()
        self.late: list[float] = []
        self.last = 0.0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._fired)

    def start(self) -> None:
        self.late = []
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.late

    def _fired(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self.last) * 1000 - PROBE_MS))
        self.last = now


class Counter(QObject):
    """Updates as they leave the source (its thread), calls rung, pops shown, RSS samples."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.updates = self.rung = self.shown = 0
        self.call_ids: set[str] = set()
        self.samples: list[tuple[int, float]] = []  # (calls rung, RSS MB), every 250 ms
        self.rss_at: float | None = None  # RSS when RSS_AFTER calls had rung
        window.popShown.connect(self._shown)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._sample)

    def update(self, u: CallUpdate) -> None:  # DirectConnection: the source's thread
        with self.lock:
            self.updates += 1
            self.call_ids.add(u.call_id)
            if u.state is CallState.RINGING:
                self.rung += 1

    def _shown(self, _call_id: str) -> None:
        self.shown += 1

    def _sample(self) -> None:
        rss = rss_mb()
        self.samples.append((self.rung, rss))
        if self.rss_at is None and self.rung >= RSS_AFTER:
            self.rss_at = rss


def slope_kb(samples: list[tuple[int, float]]) -> float | None:
    """Least-squares KB per call over (calls, MB) samples."""
    if len(samples) < 3 or samples[-1][0] == samples[0][0]:
        return None
    n = len(samples)
    mx = sum(c for c, _ in samples) / n
    my = sum(m for _, m in samples) / n
    sxx = sum((c - mx) ** 2 for c, _ in samples)
    return sum((c - mx) * (m - my) for c, m in samples) / sxx * 1024


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def clean_up(store: Store, call_ids: set[str], prefix: str) -> int:
    """Delete this run's call log rows (the audit log is append-only: its entries stay)."""
    ids = [c for c in call_ids if c.startswith(prefix)]
    calls = 0
    with store.transaction() as s:
        for i in range(0, len(ids), 500):
            calls += s.execute(delete(CallLogEntry).where(CallLogEntry.call_id.in_(ids[i:i + 500]))).rowcount
    return calls


def main() -> None:
    url = os.environ.get("BENCH_DB")
    if not url:
        print("BENCH_DB is not set (scripts/bench.sh sets it)", file=sys.stderr)
        sys.exit(2)
    store = open_store(url)
    calls_wanted = int(SECONDS * CALLS_PER_S) + 1
    t = time.perf_counter()
    numbers = caller_numbers(store, calls_wanted, random.Random(int(os.environ.get("BENCH_SEED", "13"))))
    prefix = f"bench-load-{int(time.time())}."  # the window restores earlier runs' missed calls
    calls = [QueueCall(uid=f"{prefix}{10 * n}", number=raw) for n, raw in enumerate(numbers)]
    rings = [to_wire(c.arrives()[:1]) for c in calls]  # the Newchannel that rings it
    hangups = [to_wire(c.hangups()[1:]) for c in calls]  # the caller hangs up: missed
    picked = time.perf_counter() - t

    app = QApplication.instance() or QApplication([sys.argv[0]])
    pbx = Pbx()
    window = MainWindow(store, OPERATOR)
    window.show()
    window.resize(*WINDOW_SIZE)
    counter = Counter(window)
    source = open_source(parse_source(f"ami://bench:bench-secret@127.0.0.1:{pbx.ami.port}"))
    bridge = CallBridge(source, None, window)
    bridge.callUpdate.connect(counter.update, Qt.ConnectionType.DirectConnection)
    window.set_bridge(bridge)
    tasks.settle_memory()  # as the app does before its calls start (app/gui.py Startup._start_calls)
    bridge.start()
    pbx.run(pbx.ami.wait_for_action("CoreShowChannels"))
    wait(1000)  # the re-sync answer, today's missed calls restored, first paint
    probe = Probe()
    load_start = os.getloadavg()[0]
    try:
        probe.start()
        wait(int(IDLE_SECONDS * 1000))
        idle = probe.stop()
        rss_start = rss_mb()
        counter.timer.start()
        probe.start()
        began = time.perf_counter()
        played = pbx.play(rings, hangups, SECONDS)
        while not played.done():
            wait(100)
        took = time.perf_counter() - began
        wait(1000)  # the last hang-ups and lookups land (the probe still watching)
        loaded = probe.stop()
        counter.timer.stop()
        counter._sample()
        rss_end = rss_mb()
        sent = played.result()
        shift_rows = window.calls.rowCount()
    finally:
        window.close()  # stops the bridge
        tasks.shutdown()
        pbx.close()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    removed = clean_up(store, counter.call_ids, prefix)
    store.dispose()

    steady = [s for s in counter.samples if s[0] >= RSS_AFTER] or counter.samples[len(counter.samples) // 2:]
    per_call = slope_kb(steady)
    rate = counter.updates / took  # a few hang-ups land just after the last call rang
    print(f"store: {url.rsplit('/', 1)[-1]}; callers picked in {picked:.1f} s; window {WINDOW_SIZE[0]}x"
          f"{WINDOW_SIZE[1]}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}; load average "
          f"{load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end; all times ms")
    print(f"{sent} calls in {took:.1f} s: {counter.updates} call updates ({rate:.0f}/s), {counter.rung} rang, "
          f"{counter.shown} pops shown, {shift_rows} calls in the shift list at the end; this run's call "
          f"log rows deleted after: {removed}")
    for label, late in ((f"idle {IDLE_SECONDS:.0f} s (baseline)", idle), (f"{rate:.0f} updates/s", loaded)):
        print(f"  lateness of a {PROBE_MS} ms timer, {label:24s} p50 {p50(late):6.2f}  p99 "
              f"{percentile(late, 0.99):6.2f}  max {max(late):7.2f}  >16 ms: {sum(v > 16 for v in late)}  "
              f">50 ms: {sum(v > 50 for v in late)}  n={len(late)}")
    at_mark = f"{counter.rss_at:.0f} MB" if counter.rss_at is not None else f"(fewer than {RSS_AFTER} calls)"
    print(f"  RSS at the start {rss_start:.0f} MB, after {RSS_AFTER} calls {at_mark}, at the end {rss_end:.0f} MB"
          f" ({counter.rung} calls); " + (f"{per_call:+.2f} KB a call after the first {RSS_AFTER}"
                                           if per_call is not None else "too few samples for a slope"))
    record("operator window longest GUI stall, ~95 updates/s", max(loaded), "ms", max(idle), "< 50",
           note=f"{rate:.0f} updates/s for {SECONDS:.0f} s", vs="the same window idle")
    if counter.rss_at is not None:
        record("operator window RSS after 1,000 pops", counter.rss_at, "MB", rss_start, "< 200",
               vs="RSS when the calls start")
    else:
        record("operator window RSS at the end", rss_end, "MB", rss_start, "< 200",
               note=f"{counter.rung} calls (fewer than {RSS_AFTER})", vs="RSS when the calls start")
    if per_call is not None:
        record("operator window RSS growth per call", per_call, "KB", target="< 1",
               note=f"slope over calls {steady[0][0]}-{steady[-1][0]}; flat: under 1 KB a call")


if __name__ == "__main__":
    main()
