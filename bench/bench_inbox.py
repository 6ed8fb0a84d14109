"""`cti-desk inbox` under 20 concurrent senders: requests/s and latency to the 2xx.

The real command on a fresh store (SQLite in a temp folder; also PostgreSQL when
CTI_DESK_BENCH_PG_URL names a server, e.g. postgresql+psycopg://postgres@127.0.0.1:54331/postgres:
a database is made for the run and dropped after). Each sender is one keep-alive
connection posting back to back, alternately a signed LINE text message and an EC
contact form, from pools of 500 LINE users and 500 EC accounts (with their emails).
First contacts: each of them once, so each makes a prospect customer by the import's
rules. Then the steady state for BENCH_INBOX_SECONDS: customers the store knows.
Latency: from sending the request to having the whole answer. Senders and server share
this machine's cores; the inbox process's own CPU time is measured too.

    .venv/bin/python bench/bench_inbox.py        # BENCH_INBOX_SECONDS=10 BENCH_INBOX_SENDERS=20
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import aiohttp
from sqlalchemy import create_engine, func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import p50, percentile, record  # bench/ is the script's own folder on sys.path

from cti_desk.domain.line_webhook import sign
from cti_desk.store.db import open_store
from cti_desk.store.models import Customer, Inquiry

CTI_DESK = Path(sys.executable).with_name("cti-desk")
SENDERS = int(os.environ.get("BENCH_INBOX_SENDERS", "20"))
SECONDS = float(os.environ.get("BENCH_INBOX_SECONDS", "10"))
POOL = 500
TOKEN = "bench-token"
SECRET = "bench-line-secret"
Job = tuple[str, int]  # ("LINE" | "form", who in the pool)


def request(job: Job, n: int) -> tuple[str, bytes, dict[str, str]]:
    kind, who = job
    if kind == "LINE":
        body = json.dumps({"destination": "U" + "0" * 32, "events": [{
            "type": "message", "mode": "active", "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": f"U{who:032x}"},
            "webhookEventId": uuid.uuid4().hex.upper()[:26], "deliveryContext": {"isRedelivery": False},
            "replyToken": uuid.uuid4().hex,
            "message": {"id": str(n), "type": "text", "quoteToken": "q", "text": f"配送状況を教えてください ({n})"},
        }]}, ensure_ascii=False).encode()
        return "/line", body, {"X-Line-Signature": sign(SECRET.encode(), body)}
    body = json.dumps({"id": f"F-{uuid.uuid4().hex}", "channel": "ec", "external_id": f"EC{who:06d}",
                       "email": f"user{who}@example.jp", "subject": "返品について",
                       "text": f"サイズ交換はできますか ({n})"}, ensure_ascii=False).encode()
    return "/inquiries", body, {"Authorization": f"Bearer {TOKEN}"}


async def sender(port: int, jobs: Iterator[Job], deadline: float, times: dict[str, list[float]],
                 bad: Counter) -> None:
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}",
                                     connector=aiohttp.TCPConnector(limit=1)) as http:
        for n, job in enumerate(jobs):  # shared by all senders: each job is sent once
            if time.perf_counter() >= deadline:
                return
            path, body, headers = request(job, n)
            t0 = time.perf_counter()
            async with http.post(path, data=body, headers={"Content-Type": "application/json", **headers}) as r:
                await r.read()
            if r.status in (200, 201):
                times[job[0]].append(time.perf_counter() - t0)
            else:
                bad[r.status] += 1


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Phase:
    def __init__(self, name: str) -> None:
        self.name = name
        self.times: dict[str, list[float]] = {"LINE": [], "form": []}
        self.bad: Counter = Counter()
        self.took = self.cpu = 0.0

    async def run(self, proc, port: int, jobs: Iterator[Job], seconds: float) -> None:
        cpu, began = cpu_seconds(proc.pid), time.perf_counter()
        await asyncio.gather(*(sender(port, jobs, began + seconds, self.times, self.bad)
                               for _ in range(SENDERS)))
        self.took, self.cpu = time.perf_counter() - began, cpu_seconds(proc.pid) - cpu

    def report(self) -> None:
        every = self.times["LINE"] + self.times["form"]
        print(f"  {self.name}: {len(every) / self.took:,.0f} requests/s; to 2xx p50 {p50(every) * 1e3:.1f} ms, "
              f"p99 {percentile(every, 0.99) * 1e3:.1f} ms, max {max(every) * 1e3:.0f} ms "
              f"(n={len(every):,} in {self.took:.1f} s, not 2xx: {dict(self.bad) or 'none'}); the inbox "
              f"process {self.cpu / self.took:.0%} of a core, {self.cpu / len(every) * 1e3:.2f} ms CPU a request")
        for kind, values in self.times.items():
            print(f"    {kind:5s} p50 {p50(values) * 1e3:6.1f} ms  p99 {percentile(values, 0.99) * 1e3:6.1f} ms"
                  f"  (n={len(values):,})")


async def start(db: str) -> tuple[asyncio.subprocess.Process, int]:
    env = {**os.environ, "CTI_DESK_INBOX_TOKEN": TOKEN, "CTI_DESK_LINE_SECRET": SECRET}
    proc = await asyncio.create_subprocess_exec(
        str(CTI_DESK), "inbox", "--listen", "127.0.0.1:0", "--db", db,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE, env=env)
    seen = b""
    while not (m := re.search(rb"listening on 127\.0\.0\.1:(\d+)", seen)):
        line = await asyncio.wait_for(proc.stderr.readline(), 60)
        if not line:
            raise SystemExit(f"cti-desk inbox did not start: {seen.decode()}")
        seen += line
    return proc, int(m[1])


async def run(db: str) -> tuple[Phase, Phase]:
    proc, port = await start(db)
    first, steady = Phase("first contacts (each a new prospect)"), Phase("steady state (known customers)")
    rng = random.Random(5)
    try:
        await first.run(proc, port, iter([(kind, who) for who in range(POOL) for kind in ("LINE", "form")]),
                        600)
        known = ((("LINE", "form")[n % 2], rng.randrange(POOL)) for n in itertools.count())
        await steady.run(proc, port, known, SECONDS)
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 60)
    return first, steady


def measure(name: str, db: str) -> None:
    open_store(db).dispose()  # the schema made before the clock starts
    phases = asyncio.run(run(db))
    store = open_store(db)
    with store.session() as s:
        inquiries = s.scalar(select(func.count()).select_from(Inquiry))
        customers = s.scalar(select(func.count()).select_from(Customer))
    store.dispose()
    answered = sum(len(v) for p in phases for v in p.times.values())
    print(f"{name}, {SENDERS} senders:")
    for phase in phases:
        phase.report()
    steady = phases[1]
    every = steady.times["LINE"] + steady.times["form"]
    record(f"inbox ({name}) steady requests/s", len(every) / steady.took, "requests/s",
           note=f"{SENDERS} senders, {steady.took:.0f} s")
    record(f"inbox ({name}) steady to 2xx, p99", percentile(every, 0.99) * 1e3, "ms",
           note=f"p50 {p50(every) * 1e3:.1f} ms")
    print(f"  stored: {inquiries:,} inquiries (answered {answered:,}), {customers:,} customers")


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; senders and server share them")
    with tempfile.TemporaryDirectory() as tmp:
        measure("SQLite", f"sqlite:///{tmp}/inbox.sqlite3")
    pg = os.environ.get("CTI_DESK_BENCH_PG_URL")
    if not pg:
        print("PostgreSQL: skipped (set CTI_DESK_BENCH_PG_URL to a server's URL)")
        return
    name = f"cti_bench_inbox_{os.getpid()}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        measure("PostgreSQL", pg.rsplit("/", 1)[0] + "/" + name)
    finally:
        with admin.connect() as conn, contextlib.suppress(Exception):
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


if __name__ == "__main__":
    main()
