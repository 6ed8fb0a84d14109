"""`cti-desk queues`' hot path: an AMI queue event in -> its JSON line flushed into a pipe,
on a floor of 30 queues and 200 agents (each in 3 queues), as `queues` runs it
(QueueBoard.handle_ami, the printer woken, changed_queues, json, write, flush). Also what
the supervisor window takes once a second: figures of every queue, the total, the
agents' rows and the waiting callers.

    .venv/bin/python bench/bench_queues.py      # BENCH_QUEUES_N=2000 calls

Baseline in the same run: one queue's JSON line written and flushed, no board.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path

from cti_desk.app.queues import print_queues
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.queues import QueueBoard

QUEUES = [f"q{i:02d}" for i in range(30)]
AGENTS = [f"PJSIP/{2000 + i}" for i in range(200)]
N = int(os.environ.get("BENCH_QUEUES_N", "2000"))


class Idle:
    """A source that sends nothing: the bench hands the board its events itself."""

    queue_board = None

    async def run(self, emit) -> None:
        await asyncio.Event().wait()


class TimedPipe:
    def __init__(self, raw) -> None:
        self.raw = raw
        self.flushed = asyncio.Event()
        self.at = 0.0

    def write(self, data: bytes) -> None:
        self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()
        self.at = time.perf_counter()
        self.flushed.set()


def event(name: str, **headers: str) -> Message:
    return Message([("Event", name), *headers.items()])


async def measure() -> tuple[list[float], list[float], list[float]]:
    read_fd, write_fd = os.pipe()
    threading.Thread(target=lambda: [None for _ in iter(lambda: os.read(read_fd, 65536), b"")],
                     daemon=True).start()
    out = TimedPipe(os.fdopen(write_fd, "wb"))
    board = QueueBoard()
    for i, agent in enumerate(AGENTS):
        for k in range(3):
            board.handle_ami(event("QueueMember", Queue=QUEUES[(i + 7 * k) % 30], Location=agent,
                                   Name=agent, Status="1", Paused="0"))
    running = asyncio.create_task(print_queues(Idle(), board, out))
    await asyncio.sleep(0.1)

    async def timed(msg: Message) -> float:
        out.flushed.clear()
        t0 = time.perf_counter()
        board.handle_ami(msg)
        await out.flushed.wait()
        return out.at - t0

    join, connect = [], []
    for n in range(N):
        queue, agent, uid = QUEUES[n % 30], AGENTS[n % 200], f"1.{n}"
        join.append(await timed(event("QueueCallerJoin", Queue=queue, Uniqueid=uid, Linkedid=uid,
                                      CallerIDNum="0312345678", CallerIDName="<unknown>")))
        connect.append(await timed(event("AgentConnect", Queue=queue, Uniqueid=uid, Linkedid=uid,
                                         Interface=agent, MemberName=agent, HoldTime="12")))
        board.handle_ami(event("AgentComplete", Queue=queue, Uniqueid=uid, Linkedid=uid, Interface=agent))
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    snapshot = []
    for _ in range(200):
        t0 = time.perf_counter()
        board.figures(), board.total(), board.agents(), board.waiting_callers(), board.changed_queues()
        snapshot.append(time.perf_counter() - t0)
    bare = []  # the floor under a line: one queue's figures as JSON, written and flushed
    line = board.figures()[0].as_json()
    for _ in range(N):
        t0 = time.perf_counter()
        out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
        out.flush()
        bare.append(time.perf_counter() - t0)
    out.raw.close()
    return join, connect, snapshot, bare


def main() -> None:
    join, connect, snapshot, bare = asyncio.run(measure())
    print(f"{len(QUEUES)} queues, {len(AGENTS)} agents, {N} calls")
    for label, values in (("QueueCallerJoin -> line", join), ("AgentConnect -> line", connect),
                          ("window snapshot (1 Hz)", snapshot)):
        print(f"{label:25s} p50 {p50(values) * 1e3:.3f} ms  p99 {percentile(values, 0.99) * 1e3:.3f} ms  "
              f"max {max(values) * 1e3:.3f} ms")
    print(f"{'bare JSON line + flush':25s} p50 {p50(bare) * 1e3:.3f} ms  p99 {percentile(bare, 0.99) * 1e3:.3f} ms")
    record("queues: QueueCallerJoin -> line, p99", percentile(join, 0.99) * 1e3, "ms",
           percentile(bare, 0.99) * 1e3, vs="a line's JSON + write + flush alone")
    record("queues: AgentConnect -> line, p99", percentile(connect, 0.99) * 1e3, "ms",
           percentile(bare, 0.99) * 1e3, vs="a line's JSON + write + flush alone")


if __name__ == "__main__":
    main()
