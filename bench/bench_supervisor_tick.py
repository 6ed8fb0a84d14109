"""The supervisor window's 1 Hz tick on a busy floor, and how long the GUI thread stalls.

Part 1, per tick (a few hundred ticks on a manual clock, one second apart): a floor of
30 queues, 200 agents (each in 3 queues) and 300 callers waiting, with agents changing
state every tick. Measured on each tick:

    snapshot   feed.snapshot(): the board read under the feed's lock (the call source's
               thread waits this long; the window takes it on the GUI thread)
    show       queue_charts.show_snapshot(snapshot): tiles, models, charts updated
    paint      processEvents() until a round posts no more repaint of the window
               (offscreen raster of the whole window, 1600x1000, queue tab in front)

Baseline in the same run: the same window, same ticks, on a floor of one queue, 5 agents
and 5 callers waiting.

Part 2, the stall bar ("no GUI stall over 50 ms under 100 events/s"): the window's own
1 Hz timer runs for BENCH_TICK_SECONDS (default 20) while a thread feeds 100 call
events/s through the feed (callers join, are answered by agents, hang up; ~300 keep
waiting). A 5 ms PreciseTimer on the GUI thread notes how late each of its shots fires;
the longest lateness is the longest stall. Baseline in the same run: the same feed on
the one-queue floor.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_supervisor_tick.py

Offscreen painting is raster into memory (no compositor, no vsync, no GPU upload).
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.qt.supervisor.window import SupervisorWindow
from cti_desk.telephony.queues import QueueBoard

TICKS = int(os.environ.get("BENCH_TICKS", "300"))
WARMUP = 10
STALL_SECONDS = float(os.environ.get("BENCH_TICK_SECONDS", "20"))
EVENTS_PER_S = 100
PROBE_MS = 5
HISTORY_S = 3600  # the rolling chart's hour, full from the first tick
WINDOW_SIZE = (1600, 1000)  # a supervisor's desktop window, not the offscreen 800x600 screen
STATES = ("available", "on_call", "ringing", "paused")
T0 = datetime(2026, 11, 23, 10).astimezone()


class Floor:
    """Queues, agents (each in up to 3 queues) and the callers waiting at the start."""

    def __init__(self, queues: int, agents: int, waiting: int) -> None:
        self.queues = [f"q{n:02d}" for n in range(queues)]
        self.agents = [f"PJSIP/{3000 + n}" for n in range(agents)]
        self.waiting = waiting
        self.label = f"{queues} queue{'s' * (queues > 1)}, {agents} agents, {waiting} callers waiting"

    def memberships(self, n: int) -> list[str]:
        return sorted({self.queues[(n + 7 * k) % len(self.queues)] for k in range(3)})

    def fill(self, board, now: datetime) -> None:
        for n, iface in enumerate(self.agents):
            for queue in self.memberships(n):
                board.agent_state(queue, iface, "available", False)
        for n in range(self.waiting):
            board.handle_update(CallUpdate(f"w{n}", CallState.RINGING, "0312345678", None,
                                           self.queues[n % len(self.queues)], None,
                                           now - timedelta(seconds=n % 90)))


def fill_history(w: SupervisorWindow, now: datetime) -> None:
    """The hour before `now` in the rolling chart, as a window open for an hour has it."""
    snapshot = w.feed.snapshot()
    for s in range(HISTORY_S, 0, -1):
        figures = {q: replace(f, waiting=f.waiting + (s // 30 + i) % 7, longest_wait_s=f.longest_wait_s + s % 60)
                   for i, (q, f) in enumerate(snapshot.figures.items())}
        w.queue_charts.history.add(replace(snapshot, ts=now - timedelta(seconds=s), figures=figures))


class Painted(QObject):
    """Counts the repaint requests the window gets (its whole backing store is flushed on one)."""

    def __init__(self, window) -> None:
        super().__init__()
        self.requests = 0
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.requests += 1
        return False


def open_window(board, settings_dir: str, name: str) -> SupervisorWindow:
    settings = QSettings(os.path.join(settings_dir, f"{name}.ini"), QSettings.Format.IniFormat)
    w = SupervisorWindow(None, settings, board=board)
    w.show()
    w.resize(*WINDOW_SIZE)
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    return w


def close_window(w: SupervisorWindow) -> None:
    w.close()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def until_painted(app, painted: Painted) -> None:
    """Rounds of processEvents until one round posts no further repaint (pyqtgraph's
    scene posts its own update, which posts the window's)."""
    for _ in range(10):
        before = painted.requests
        app.processEvents()
        if painted.requests == before:
            return


def measure_ticks(floor: Floor, settings_dir: str) -> dict[str, list[float]]:
    app = QApplication.instance()
    now = [T0]
    board = QueueBoard(clock=lambda: now[0])
    floor.fill(board, T0)
    w = open_window(board, settings_dir, f"ticks-{len(floor.agents)}")
    w.timer.stop()  # the bench is the clock
    fill_history(w, T0 + timedelta(seconds=60))
    painted = Painted(w)
    out: dict[str, list[float]] = {"snapshot": [], "show": [], "paint": [], "gui": []}
    moves = max(1, len(floor.agents) // 20)  # agents changing state each tick
    try:
        for tick in range(WARMUP + TICKS):
            now[0] = T0 + timedelta(seconds=60 + tick)
            for k in range(moves):
                n = (tick * moves + k) % len(floor.agents)
                state = STATES[(tick + k) % len(STATES)]
                w.feed.agent_state(floor.memberships(n)[0], floor.agents[n], state, state == "paused")
            t0 = time.perf_counter()
            snapshot = w.feed.snapshot()
            t1 = time.perf_counter()
            w.queue_charts.show_snapshot(snapshot)
            t2 = time.perf_counter()
            until_painted(app, painted)
            t3 = time.perf_counter()
            if tick >= WARMUP:
                out["snapshot"].append(t1 - t0)
                out["show"].append(t2 - t1)
                out["paint"].append(t3 - t2)
                out["gui"].append(t3 - t0)
        assert w.queue_charts.agents_model.rowCount() == len(floor.agents)
        assert w.queue_charts.waiting_model.rowCount() == floor.waiting
    finally:
        close_window(w)
    return out


class Feeder(threading.Thread):
    """100 call events/s through the feed, as a call source's thread sends them: a caller
    joins, the longest-waiting caller is answered by a free agent, a call ends."""

    def __init__(self, feed, floor: Floor, stop: threading.Event) -> None:
        super().__init__(name="bench-feeder", daemon=True)
        self.feed, self.floor, self.stop = feed, floor, stop
        self.sent = 0

    def run(self) -> None:
        floor, feed = self.floor, self.feed
        waiting = [(f"w{n}", floor.queues[n % len(floor.queues)]) for n in range(floor.waiting)]
        talking: list[tuple[str, str, str]] = []  # call, queue, agent
        members = {q: [a for n, a in enumerate(floor.agents) if q in floor.memberships(n)] for q in floor.queues}
        busy: set[str] = set()
        serial = itertools.count()
        start = time.perf_counter()
        for n in itertools.count():
            if self.stop.is_set():
                return
            delay = start + n / EVENTS_PER_S - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            now = datetime.now().astimezone()
            step = n % 3
            if step == 0 or (not waiting and not talking):  # a caller joins a queue
                queue = floor.queues[next(serial) % len(floor.queues)]
                call_id = f"c{n}"
                waiting.append((call_id, queue))
                feed.handle_update(CallUpdate(call_id, CallState.RINGING, "0398765432", "ヤマダ", queue, None, now))
            elif step == 1 and waiting and (answer := self._free(waiting, members, busy)):
                call_id, queue, agent = answer  # the longest waiter with a free agent in its queue
                busy.add(agent)
                talking.append((call_id, queue, agent))
                feed.handle_update(CallUpdate(call_id, CallState.ANSWERED, None, None, queue, agent, now))
            elif talking:  # a call ends, its agent is free again
                call_id, queue, agent = talking.pop(0)
                busy.discard(agent)
                feed.handle_update(CallUpdate(call_id, CallState.ENDED, None, None, queue, agent, now))
            self.sent += 1

    @staticmethod
    def _free(waiting: list, members: dict, busy: set) -> tuple[str, str, str] | None:
        for i, (call_id, queue) in enumerate(waiting):
            agent = next((a for a in members[queue] if a not in busy), None)
            if agent is not None:
                del waiting[i]
                return call_id, queue, agent
        return None


class Probe(QObject):
    """A 5 ms timer on the GUI thread; its lateness is how long the thread was busy."""

    def __init__(self) -> None:
        super().__init__()
        self.late: list[float] = []
        self.last = 0.0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._fired)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _fired(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, now - self.last - PROBE_MS / 1000))
        self.last = now


def measure_stalls(floor: Floor, settings_dir: str) -> tuple[list[float], int, int]:
    board = QueueBoard()
    floor.fill(board, datetime.now().astimezone())
    w = open_window(board, settings_dir, f"stall-{len(floor.agents)}")  # its own 1 Hz timer ticks
    fill_history(w, datetime.now().astimezone())
    stop = threading.Event()
    feeder = Feeder(w.feed, floor, stop)
    probe = Probe()
    ticks = [0]
    w.timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    loop = QEventLoop()
    QTimer.singleShot(int(STALL_SECONDS * 1000), loop.quit)
    feeder.start()
    probe.start()
    try:
        loop.exec()
    finally:
        stop.set()
        feeder.join(5)
        probe.timer.stop()
        close_window(w)
    return probe.late, ticks[0], feeder.sent


def line(label: str, values: list[float]) -> str:
    ms = [v * 1e3 for v in values]
    return f"  {label:40s} p50 {p50(ms):7.2f}  p99 {percentile(ms, 0.99):7.2f}  max {max(ms):7.2f}  n={len(ms)}"


def main() -> None:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    busy, small = Floor(30, 200, 300), Floor(1, 5, 5)
    settings_dir = tempfile.mkdtemp(prefix="bench-supervisor-")
    load = os.getloadavg()
    print(f"window {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}, queue tab, all queues; QT_QPA_PLATFORM="
          f"{os.environ.get('QT_QPA_PLATFORM')} (raster into memory, no vsync); load average "
          f"{load[0]:.2f} at the start; all times ms")
    ticks_p99, stall_max = {}, {}
    for floor in (busy, small):
        out = measure_ticks(floor, settings_dir)
        ticks_p99[floor] = percentile(out["gui"], 0.99) * 1e3
        print(f"one 1 Hz tick, {floor.label}{' (baseline)' if floor is small else ''}:")
        print(line("snapshot under the feed's lock", out["snapshot"]))
        print(line("show_snapshot (GUI thread)", out["show"]))
        print(line("until painted (GUI thread)", out["paint"]))
        print(line("tick on the GUI thread, all three", out["gui"]))
    for floor in (busy, small):
        late, ticks, sent = measure_stalls(floor, settings_dir)
        stall_max[floor] = max(late) * 1e3
        print(f"GUI thread stalls over {STALL_SECONDS:.0f} s at 1 Hz, {sent / STALL_SECONDS:.0f} call events/s "
              f"through the feed, {floor.label}{' (baseline)' if floor is small else ''}: {ticks} ticks")
        print(line(f"lateness of a {PROBE_MS} ms timer", late)
              + f"  >16 ms: {sum(v > 0.016 for v in late)}  >50 ms: {sum(v > 0.050 for v in late)}")
    record("supervisor 1 Hz tick on the GUI thread, p99", ticks_p99[busy], "ms", ticks_p99[small],
           note=busy.label, vs=small.label)
    record("supervisor longest GUI stall, 100 events/s", stall_max[busy], "ms", stall_max[small], "< 50",
           note=f"{STALL_SECONDS:.0f} s, {busy.label}", vs=small.label)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    del app


if __name__ == "__main__":
    main()
