"""The screen pop end to end: a PBX event in -> the customer card and purchase history painted.

A fake Asterisk (tests/telephony/fake_ami.py) on 127.0.0.1 writes a recorded Newchannel
frame for a caller number taken from the store; the real operator window takes it through
the real AMI client and call bridge (`ami://` source) and pops the customer.

    t0  the frame is written to the socket (the fake PBX's thread)
    t1  both the customer card's name and the purchase table's viewport have received a
        QEvent.Paint showing that caller's customer, and that paint has been flushed
        (a zero timer posted from the second paint fires after the repaint)

Same process, same clock (time.perf_counter). Several hundred calls, each a different
customer; `multiple` (a shared number: chooser painted) and `none` (unknown number: new
customer form painted) calls are mixed in and reported apart. In the same run: the bare
SQL lookup, and the background op alone (resolve + summary + first purchase page +
inquiries; the window writes the audit entry in a second op after the paint), each on
other customers than the window's so no cache lies.

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_screenpop.py

Offscreen (QT_QPA_PLATFORM=offscreen) painting is raster into memory: no compositor, no
vsync, no GPU upload; a real screen adds up to one frame before the pixels show. Every
pop writes one audit row (customer.open) into BENCH_DB, as the window does.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile  # bench/ is the script's own folder on sys.path
from fake_pbx import PbxThread
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.model import Resolution
from cti_desk.qt import tasks
from cti_desk.qt.call_bridge import CallBridge
from cti_desk.qt.main_window import MainWindow
from cti_desk.services import history
from cti_desk.services.customers import phone_lookup_statement, resolve_caller
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import Customer, CustomerPhone
from cti_desk.telephony.sources import open_source, parse_source
from tests.telephony.recorded_calls import QueueCall, to_wire

UNIQUE = int(os.environ.get("BENCH_POP_CALLS", "300"))
MULTIPLE = max(1, UNIQUE // 10)
NONE = max(1, UNIQUE // 10)
WARMUP = 5
TIMEOUT_MS = 10_000
GAP_MS = 50  # between calls: the previous pop's follow-up loads (inventory, order form) finish
FRAME_MS = 16.0
WINDOW_SIZE = (1600, 1000)  # a desktop operator's window, not the offscreen 800x600 screen



@dataclass(slots=True)
class Caller:
    kind: str  # unique | multiple | none
    raw: str  # as a Japanese PBX sends it: 0312345678
    customer_id: int | None = None
    name: str = ""
    matches: int = 0


@dataclass(slots=True)
class Pop:
    caller: Caller
    call_id: str
    t0: float = 0.0  # frame written
    emitted: float = 0.0  # CallUpdate out of the call tracker (source thread)
    on_gui: float = 0.0  # CallUpdate delivered on the GUI thread
    op_start: float = 0.0
    op_end: float = 0.0
    shown: float = 0.0  # popShown: the window has put the data into its widgets
    panel_paint: float = 0.0
    history_paint: float = 0.0
    t1: float = 0.0  # both painted, repaint flushed
    shift_rows: int = 0  # calls already in the shift list when this one rang


# -- callers ----------------------------------------------------------------------------

def _national(e164: str) -> str:
    return "0" + e164[3:]


def pick_callers(store: Store, rng: random.Random, unique: int, multiple: int, none: int,
                 taken: set[int]) -> list[Caller]:
    """Random phones of the store, classified as the pop will see them; unseen customers."""
    out: dict[str, list[Caller]] = {"unique": [], "multiple": [], "none": []}
    with store.session() as s:
        top = s.scalar(select(func.max(CustomerPhone.id))) or 0
        tries = 0
        while (len(out["unique"]) < unique or len(out["multiple"]) < multiple) and tries < 200 * (unique + multiple):
            tries += 1
            e164 = s.scalar(select(CustomerPhone.e164).where(CustomerPhone.id == rng.randint(1, top)))
            if not e164 or not e164.startswith("+81"):
                continue
            raw = _national(e164)
            match = resolve_caller(s, raw)
            if any(cid in taken for cid in match.customer_ids):
                continue
            if match.resolution is Resolution.UNIQUE and len(out["unique"]) < unique:
                cid = match.customer_ids[0]
                out["unique"].append(Caller("unique", raw, cid, s.get(Customer, cid).name, 1))
            elif match.resolution is Resolution.MULTIPLE and len(out["multiple"]) < multiple:
                out["multiple"].append(Caller("multiple", raw, None, "", len(match.customer_ids)))
            else:
                continue
            taken.update(match.customer_ids)
        while len(out["none"]) < none:
            raw = f"090{rng.randint(0, 99_999_999):08d}"
            if resolve_caller(s, raw).resolution is Resolution.NONE:
                out["none"].append(Caller("none", raw))
    if len(out["multiple"]) < multiple:
        print(f"note: only {len(out['multiple'])} shared numbers found in the sample")
    callers = out["unique"] + out["multiple"] + out["none"]
    rng.shuffle(callers)
    return callers


# -- the fake PBX on its own thread -------------------------------------------------------

class Pbx(PbxThread):
    """The fake Asterisk; `send` writes one frame and stamps t0."""

    def send(self, data: bytes, pop: Pop | None = None) -> None:
        """Write the frame from the PBX thread; t0 just before it goes into the socket."""
        async def push() -> None:
            if pop is not None:
                pop.t0 = time.perf_counter()
            await self.ami.push(data)

        asyncio.run_coroutine_threadsafe(push(), self.loop)


# -- the window, watched --------------------------------------------------------------------

class Watch(QObject):
    """Timestamps for the pop in flight: the bridge's signal, the op, popShown, the paints."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.w = window
        self.pop: Pop | None = None
        self.ended: str | None = None  # call id whose MISSED update we wait for
        self.loop: QEventLoop | None = None
        self.flush_pending = False
        self.panel_target = window.panel.card.name
        self.history_target = window.purchases_view.table.viewport()
        self.chooser_target = window.panel.chooser.viewport()
        self.new_target = window.panel.new_form.number
        for target in (self.panel_target, self.history_target, self.chooser_target, self.new_target):
            target.installEventFilter(self)
        window.popShown.connect(self._shown)

    # on the source's thread (DirectConnection): the CallUpdate leaves the tracker
    def emitted(self, u: CallUpdate) -> None:
        pop = self.pop
        if pop is not None and u.call_id == pop.call_id and not pop.emitted:
            pop.emitted = time.perf_counter()

    # on the GUI thread, queued just before the window's own slot
    def delivered(self, u: CallUpdate) -> None:
        pop = self.pop
        if pop is not None and u.call_id == pop.call_id and not pop.on_gui:
            pop.on_gui = time.perf_counter()
        if self.ended == u.call_id and u.state in (CallState.MISSED, CallState.ENDED):
            self.ended = None
            self._quit()

    def _shown(self, call_id: str) -> None:
        pop = self.pop
        if pop is not None and call_id == pop.call_id:
            pop.shown = time.perf_counter()

    def _current(self, target: QObject) -> bool:
        """The paint shows this call's data (never a stale paint of the one before)."""
        pop, w = self.pop, self.w
        if pop is None or not pop.shown:
            return False
        c = pop.caller
        if c.kind == "unique":
            if target is self.panel_target:
                return (w.panel.page() == w.panel.CARD and w.panel.card.name.text() == c.name
                        and w.panel.card.summary is not None and w.panel.card.summary.id == c.customer_id)
            return target is self.history_target and w.customer_id == c.customer_id
        if c.kind == "multiple":
            return (target is self.chooser_target and w.panel.page() == w.panel.CHOOSER
                    and w.panel.chooser.rowCount() == c.matches)
        return target is self.new_target and w.panel.page() == w.panel.NEW

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._current(obj):
            pop = self.pop
            now = time.perf_counter()
            if obj is self.history_target:
                pop.history_paint = pop.history_paint or now
            else:
                pop.panel_paint = pop.panel_paint or now
            both = pop.panel_paint and (pop.history_paint or pop.caller.kind != "unique")
            if both and not self.flush_pending:
                self.flush_pending = True
                QTimer.singleShot(0, self._flushed)  # runs once this repaint is done
        return False

    def _flushed(self) -> None:
        self.flush_pending = False
        if self.pop is not None and not self.pop.t1:
            self.pop.t1 = time.perf_counter()
            self._quit()

    def _quit(self) -> None:
        if self.loop is not None:
            self.loop.quit()

    def wait(self, ms: int) -> None:
        self.loop = QEventLoop()
        QTimer.singleShot(ms, self.loop.quit)
        self.loop.exec()
        self.loop = None


def timed_op(real):
    """history.pop_for_caller with its start and end noted (it runs on a worker)."""
    marks: dict[str, tuple[float, float]] = {}

    def op(store, raw, actor, call_id, **kwargs):
        start = time.perf_counter()
        try:
            return real(store, raw, actor, call_id, **kwargs)
        finally:
            marks[call_id] = (start, time.perf_counter())

    return op, marks


def run_window(store: Store, callers: list[Caller], warmup: list[Caller]) -> tuple[list[Pop], int]:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    pbx = Pbx()
    real_op = history.pop_for_caller
    history.pop_for_caller, op_marks = timed_op(real_op)  # main_window calls it via the module
    window = MainWindow(store, "bench")
    window.show()
    window.resize(*WINDOW_SIZE)
    tasks.settle_memory()  # as the app does once its window is shown
    watch = Watch(window)
    source = open_source(parse_source(f"ami://bench:bench-secret@127.0.0.1:{pbx.ami.port}"))
    bridge = CallBridge(source, None, window)
    bridge.callUpdate.connect(watch.emitted, Qt.ConnectionType.DirectConnection)
    bridge.callUpdate.connect(watch.delivered, Qt.ConnectionType.QueuedConnection)  # before the window's
    window.set_bridge(bridge)
    bridge.start()
    pbx.run(pbx.ami.wait_for_action("CoreShowChannels"))
    watch.wait(200)  # the client's re-sync answer is in
    pops: list[Pop] = []
    timeouts = 0
    # Call ids are never reused by a PBX; the window restores earlier runs' missed calls
    # from the store's call log, so each run takes ids of its own.
    run_id = int(time.time())
    try:
        for n, caller in enumerate(warmup + callers):
            call = QueueCall(uid=f"bench-{run_id}.{10 * n}", number=caller.raw)
            arrives = call.arrives()
            pop = Pop(caller, call.uid, shift_rows=window.calls.rowCount())
            watch.pop = pop
            watch.loop = QEventLoop()
            guard = QTimer()
            guard.setSingleShot(True)
            guard.timeout.connect(watch.loop.quit)
            guard.start(TIMEOUT_MS)
            pbx.send(to_wire(arrives[:1]), pop)  # the Newchannel that rings it
            watch.loop.exec()
            guard.stop()
            watch.loop = None
            watch.pop = None
            if not pop.t1:
                timeouts += 1
            elif n >= len(warmup):
                pop.op_start, pop.op_end = op_marks.pop(call.uid, (0.0, 0.0))
                pops.append(pop)
            # The caller hangs up (missed): the tracker and the shift list let it go.
            watch.ended = call.uid
            pbx.send(to_wire(call.hangups()[1:]))
            watch.wait(TIMEOUT_MS if watch.ended else 0)
            watch.wait(GAP_MS)
    finally:
        history.pop_for_caller = real_op
        window.close()  # stops the bridge
        tasks.shutdown()
        pbx.close()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return pops, timeouts


# -- the same run, without the window ------------------------------------------------------

def run_sql(store: Store, callers: list[Caller]) -> list[float]:
    times = []
    with store.session() as s:
        for c in callers:
            e164 = "+81" + c.raw[1:]
            t0 = time.perf_counter()
            s.scalars(phone_lookup_statement(e164)).all()
            times.append(time.perf_counter() - t0)
    return times


def run_op(store: Store, callers: list[Caller]) -> dict[str, list[float]]:
    """The background op alone, and its parts on other customers (nothing warm)."""
    out: dict[str, list[float]] = {"op": []}
    for n, c in enumerate(callers):
        t0 = time.perf_counter()
        # As the window runs it: the audit entry is its own op once the card is painted.
        history.pop_for_caller(store, c.raw, "bench", f"bench-op-{n}", audited=False)
        out["op"].append(time.perf_counter() - t0)
    return out


def run_parts(store: Store, callers: list[Caller]) -> dict[str, list[float]]:
    """pop_for_caller's steps one by one (unique callers), to see where its time goes."""
    from cti_desk.services import audit
    from cti_desk.services.customers import customer_summary

    parts: dict[str, list[float]] = {k: [] for k in (
        "resolve_caller", "customer_summary", "purchase_count", "pending_deliveries",
        "purchase_page", "inquiries_for", "audit write")}
    for n, c in enumerate(callers):
        marks = [time.perf_counter()]
        with store.session() as s:
            match = resolve_caller(s, c.raw)
            marks.append(time.perf_counter())
            cid = match.customer_ids[0]
            customer_summary(s, cid)
            marks.append(time.perf_counter())
            history.purchase_count(s, cid)
            marks.append(time.perf_counter())
            history.pending_deliveries(s, cid)
            marks.append(time.perf_counter())
            history.purchase_page(s, cid, 0)
            marks.append(time.perf_counter())
            history.inquiries_for(s, cid)
            marks.append(time.perf_counter())
        with store.transaction() as s:
            audit.record(s, "bench", audit.CUSTOMER_OPEN, cid, f"bench-part-{n}")
        marks.append(time.perf_counter())
        for key, a, b in zip(parts, marks, marks[1:], strict=False):
            parts[key].append(b - a)
    return parts


# -- report ------------------------------------------------------------------------------------

def line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:44s} (no samples)"
    ms = [v * 1e3 for v in values]
    return (f"  {label:44s} p50 {p50(ms):7.2f}  p99 {percentile(ms, 0.99):7.2f}  "
            f"max {max(ms):7.2f}  n={len(ms)}")


def main() -> None:
    url = os.environ.get("BENCH_DB")
    if not url:
        import tempfile

        from tests.factories import add_customer
        from tests.story_factories import add_purchases

        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
        small = open_store(url)
        for i in range(3000):
            cid = add_customer(small, name=f"顧客 {i}", phones=(f"03-5555-{i:04d}",))
            add_purchases(small, cid, 5)
        small.dispose()
    store = open_store(url)
    with store.session() as s:
        customers = s.scalar(select(func.count(Customer.id)))
    rng = random.Random(int(os.environ.get("BENCH_SEED", "11")))
    taken: set[int] = set()
    t = time.perf_counter()
    window_callers = pick_callers(store, rng, UNIQUE, MULTIPLE, NONE, taken)
    warmup = pick_callers(store, rng, WARMUP, 0, 0, taken)
    sql_callers = pick_callers(store, rng, UNIQUE, 0, 0, taken)
    op_callers = pick_callers(store, rng, UNIQUE, 0, 0, taken)
    part_callers = pick_callers(store, rng, UNIQUE, 0, 0, taken)
    picked = time.perf_counter() - t

    pops, timeouts = run_window(store, window_callers, warmup)
    sql = run_sql(store, sql_callers)
    op = run_op(store, op_callers)
    parts = run_parts(store, part_callers)
    store.dispose()

    kinds = Counter(p.caller.kind for p in pops)
    print(f"store: {customers:,} customers ({store.engine.dialect.name}); callers picked in {picked:.1f} s; "
          f"window {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}"
          " (offscreen: raster painting into memory, no vsync)")
    print(f"calls: {kinds['unique']} unique, {kinds['multiple']} multiple, {kinds['none']} none "
          f"(+{WARMUP} warm-up), each a different customer; timeouts: {timeouts}; all times ms")
    unique = [p for p in pops if p.caller.kind == "unique"]
    print(f"screen pop, AMI Newchannel written -> card + purchase history painted (target {FRAME_MS:.0f} ms):")
    print(line("unique: event -> painted", [p.t1 - p.t0 for p in unique]))
    print(line("multiple: event -> chooser painted", [p.t1 - p.t0 for p in pops if p.caller.kind == "multiple"]))
    print(line("none: event -> new-customer form painted", [p.t1 - p.t0 for p in pops if p.caller.kind == "none"]))
    third = max(1, len(unique) // 3)
    for part in (unique[:third], unique[-third:]):
        rows = f"{part[0].shift_rows}-{part[-1].shift_rows}"
        print(line(f"  with {rows} calls in the shift list", [p.t1 - p.t0 for p in part]))
    print("  stages (unique):")
    stages = (
        ("frame written -> CallUpdate out of tracker", lambda p: p.emitted - p.t0),
        ("-> CallUpdate on the GUI thread", lambda p: p.on_gui - p.emitted),
        ("-> background op starts", lambda p: p.op_start - p.on_gui),
        ("background op (pop_for_caller)", lambda p: p.op_end - p.op_start),
        ("op done -> widgets filled (popShown)", lambda p: p.shown - p.op_end),
        ("-> both painted (paint events seen)", lambda p: max(p.panel_paint, p.history_paint) - p.shown),
        ("-> repaint flushed", lambda p: p.t1 - max(p.panel_paint, p.history_paint)),
    )
    for label, f in stages:
        print(line("  " + label, [f(p) for p in unique if p.op_start and p.emitted and p.on_gui]))
    print("same run, no window, other customers:")
    print(line("bare SQL lookup (phone_lookup_statement)", sql))
    print(line("background op alone (pop_for_caller, no audit)", op["op"]))
    for key, values in parts.items():
        print(line("  " + key, values))
    from benchlib import record  # the figures into make bench's results (bench/benchlib.py)

    pop_ms, sql_ms = [(p.t1 - p.t0) * 1e3 for p in unique], [v * 1e3 for v in sql]
    if pop_ms and sql_ms:
        record("screen pop, unique caller, p50", p50(pop_ms), "ms", p50(sql_ms), vs="bare SQL lookup p50")
        record("screen pop, unique caller, p99", percentile(pop_ms, 0.99), "ms", percentile(sql_ms, 0.99),
               FRAME_MS, note=f"{customers:,} customers, n={len(pop_ms)}", vs="bare SQL lookup p99")
        record("screen pop background op alone, p99", percentile(op["op"], 0.99) * 1e3, "ms",
               percentile(sql_ms, 0.99), vs="bare SQL lookup p99")


if __name__ == "__main__":
    main()
