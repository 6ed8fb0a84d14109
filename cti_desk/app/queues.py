"""`cti-desk queues`: live queue figures as JSON lines (CONTRACT.md "`cti-desk queues` output").

The source feeds a QueueBoard (telephony/queues.py); the board wakes the printer, which
writes a line for every queue whose figures changed, and with `--interval N` one for
every known queue every N seconds. Nothing is looked up: a line costs json.dumps, write,
flush. Diagnostics on stderr; SIGINT/SIGTERM stop it with exit 0, a refused AMI login
exits 1.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from typing import BinaryIO

from cti_desk.telephony.ami.client import AuthenticationFailed
from cti_desk.telephony.queues import QueueBoard, QueueFigures
from cti_desk.telephony.sources import CallSource, open_source, parse_source

log = logging.getLogger(__name__)


def figures_line(figures: QueueFigures) -> bytes:
    return json.dumps(figures.as_json(), ensure_ascii=False).encode() + b"\n"


async def print_queues(source: CallSource, board: QueueBoard, out: BinaryIO,
                       interval: float | None = None, stop: asyncio.Event | None = None) -> int:
    """Run `source` into `board` and print its lines until `stop` is set or the source ends."""
    stop = stop or asyncio.Event()
    wake = asyncio.Event()
    board.listener = wake.set
    source.queue_board = board  # type: ignore[attr-defined]

    def write(lines: list[QueueFigures]) -> None:
        if lines:
            out.write(b"".join(figures_line(f) for f in lines))
            out.flush()

    async def on_change() -> None:
        while True:
            await wake.wait()
            wake.clear()
            changed = board.changed_queues()
            write([f for f in board.figures() if f.queue in changed])

    async def every_interval() -> None:
        assert interval is not None
        while True:
            await asyncio.sleep(interval)
            write(board.figures())

    tasks = {asyncio.create_task(source.run(lambda _update: None)),
             asyncio.create_task(on_change()), asyncio.create_task(stop.wait())}
    if interval:
        tasks.add(asyncio.create_task(every_interval()))
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if stop.is_set():
        return 0
    for task in done:
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # the source gave up (refused login), or stdout closed
    write(sorted((f for f in board.figures() if f.queue in board.changed_queues()), key=lambda f: f.queue))
    return 0  # a finite source (a simulator with a call limit) ran out


async def _watch(source: CallSource, board: QueueBoard, interval: float | None) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return await print_queues(source, board, sys.stdout.buffer, interval, stop)


def run_queues(source_url: str, db_url: str, sl_seconds: int = 20, interval: float | None = None) -> int:
    config = parse_source(source_url)  # malformed -> BadArgument -> exit 2
    store = None
    caller_numbers = None
    if config.kind == "sim":  # only the simulator needs the store (its callers' numbers)
        from cti_desk.app.monitor import _caller_numbers
        from cti_desk.store.db import open_store

        store = open_store(db_url)
        caller_numbers = _caller_numbers(store, config.seed)
    try:
        source = open_source(config, caller_numbers=caller_numbers)
        log.info("queue figures from %s (service level within %d s)", config.display(), sl_seconds)
        try:
            return asyncio.run(_watch(source, QueueBoard(sl_seconds=sl_seconds), interval))
        except (BrokenPipeError, KeyboardInterrupt):
            return 0
        except AuthenticationFailed:
            print("cti-desk: authentication failed", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"cti-desk: {exc.strerror or exc}", file=sys.stderr)
            return 1
    finally:
        if store is not None:
            store.dispose()
