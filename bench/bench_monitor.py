"""`cti-desk monitor`'s hot path: an AMI event in -> its JSON line flushed into a pipe.

Per call: the Newchannel that rings it (tracker + caller lookup on the lookup thread +
json + write + flush, as `monitor` runs it), then the answer and the end (no lookup:
the call's match is reused). Measured from handing the event in to the line's flush.

    BENCH_DB=sqlite:////path/store.sqlite3 .venv/bin/python bench/bench_monitor.py
    BENCH_MONITOR_N=2000  # calls (default 2000)

Baseline in the same run: the bare SQL lookup of the same numbers afterwards.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path

from cti_desk.app.monitor import LinePrinter, _lookup_for
from cti_desk.services.customers import phone_lookup_statement
from cti_desk.store.db import open_store
from cti_desk.store.models import CustomerPhone
from cti_desk.telephony.calls import CallTracker
from tests.telephony.recorded_calls import QueueCall

N = int(os.environ.get("BENCH_MONITOR_N", "2000"))


class TimedPipe:
    """The pipe `monitor` writes to, noting when each line was flushed."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self.flushed = 0.0

    def write(self, data: bytes) -> None:
        self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()
        self.flushed = time.perf_counter()


async def measure(store, calls: list[QueueCall]) -> tuple[list[float], list[float], list[float]]:
    read_fd, write_fd = os.pipe()
    drain = threading.Thread(target=lambda: [None for _ in iter(lambda: os.read(read_fd, 65536), b"")],
                             daemon=True)
    drain.start()
    out = TimedPipe(os.fdopen(write_fd, "wb"))
    lookup = _lookup_for(store, None)
    printer = LinePrinter(lookup, out)
    printing = asyncio.create_task(printer.run())
    tracker = CallTracker(printer.emit)

    async def timed(msg) -> float:
        t0 = time.perf_counter()
        tracker.handle(msg)
        await printer.drain()
        return out.flushed - t0

    ring, answer, end = [], [], []
    for call in calls:
        arrives, answered, completed = call.arrives(), call.answered(), call.completed()
        ring.append(await timed(arrives[0]))  # Newchannel -> ringing line
        for m in arrives[1:] + answered[:1]:
            tracker.handle(m)
        answer.append(await timed(answered[1]))  # DialEnd ANSWER -> answered line
        for m in answered[2:] + completed[:3]:
            tracker.handle(m)
        end.append(await timed(completed[3]))  # AgentComplete -> ended line
        for m in completed[4:]:
            tracker.handle(m)
    printing.cancel()
    lookup.close()
    out.raw.close()
    return ring, answer, end


def bare_sql(store, numbers: list[str]) -> list[float]:
    """The caller lookup's SQL alone, on the same numbers, after the run (as warm)."""
    times = []
    with store.session() as s:
        for raw in numbers:
            t0 = time.perf_counter()
            s.scalars(phone_lookup_statement("+81" + raw[1:])).all()
            times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    url = os.environ.get("BENCH_DB")
    if not url:
        from tests.factories import add_customer

        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
        store = open_store(url)
        for i in range(2000):
            add_customer(store, name=f"顧客 {i}", phones=(f"03-5555-{i:04d}",))
    store = open_store(url)
    with store.session() as s:
        top = s.scalar(select(func.max(CustomerPhone.id)))
        rng = random.Random(7)
        numbers = []
        while len(numbers) < N:
            e164 = s.scalar(select(CustomerPhone.e164).where(CustomerPhone.id == rng.randint(1, top)))
            if e164:
                numbers.append("0" + e164[3:])
    calls = [QueueCall(uid=f"asterisk-1.{10 * i}", number=n) for i, n in enumerate(numbers)]
    ring, answer, end = asyncio.run(measure(store, calls))
    bare = bare_sql(store, numbers)
    print(f"store: {url.rsplit('/', 1)[-1]} ({store.engine.dialect.name}), {N} calls")
    for label, values in (("ringing (lookup)", ring), ("answered", answer), ("ended", end)):
        print(f"event -> line {label:17s} p50 {p50(values) * 1e3:.3f} ms  "
              f"p99 {percentile(values, 0.99) * 1e3:.3f} ms  max {max(values) * 1e3:.3f} ms")
    print(f"bare SQL lookup (phone_lookup_statement, same numbers) p50 {p50(bare) * 1e3:.3f} ms  "
          f"p99 {percentile(bare, 0.99) * 1e3:.3f} ms")
    record("monitor: Newchannel -> line (lookup), p99", percentile(ring, 0.99) * 1e3, "ms",
           percentile(bare, 0.99) * 1e3, note=f"n={len(ring)}", vs="bare SQL lookup p99")
    record("monitor: answered -> line, p99", percentile(answer, 0.99) * 1e3, "ms", note=f"n={len(answer)}")


if __name__ == "__main__":
    main()
