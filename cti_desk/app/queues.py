"""`cti-desk queues`: live queue figures as JSON lines (CONTRACT.md "`cti-desk queues` output").

The source feeds a QueueBoard (telephony/queues.py); the board wakes the printer, which
writes a line for every queue whose figures changed, and with `--interval N` one for
every known queue every N seconds. Nothing is looked up: a line costs json.dumps, write,
flush. Every call heard goes to the call log (services/calllog_writer.py, its own
thread), and at start the day's counts so far are read back from it; on `--source relay`
the relay writes the call log, and its events of today bring the board to where they stand. Diagnostics on stderr; SIGINT/SIGTERM stop it with exit 0, a refused AMI login
exits 1.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import BinaryIO

from cti_desk.app.errors import describe, run_source_command
from cti_desk.app.monitor import _caller_numbers
from cti_desk.domain.calls import CallUpdate
from cti_desk.services.calllog_writer import CallLogWriter
from cti_desk.store.db import open_store
from cti_desk.telephony.queues import QueueBoard, QueueFigures
from cti_desk.telephony.sources import CallSource, open_source, parse_source

log = logging.getLogger(__name__)


def figures_line(figures: QueueFigures) -> bytes:
    return json.dumps(figures.as_json(), ensure_ascii=False).encode() + b"\n"


async def print_queues(source: CallSource, board: QueueBoard, out: BinaryIO,
                       interval: float | None = None, stop: asyncio.Event | None = None,
                       call_log: Callable[[CallUpdate], None] | None = None) -> int:
    """Run `source` into `board` and print its lines until `stop` is set or the source ends.
    `call_log` (CallLogWriter.submit: never blocks) is given every call update."""
    stop = stop or asyncio.Event()
    wake = asyncio.Event()
    wake.set()  # queues known already (today's counts from the call log) get their line
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
            write(board.figures(board.changed_queues()))

    async def every_interval() -> None:
        assert interval is not None
        while True:
            await asyncio.sleep(interval)
            write(board.figures())

    tasks = {asyncio.create_task(source.run(call_log or (lambda _update: None))),
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
    write(board.figures(board.changed_queues()))
    return 0  # a finite source (a simulator with a call limit) ran out


async def _watch(source: CallSource, board: QueueBoard, interval: float | None,
                 call_log: Callable[[CallUpdate], None] | None) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return await print_queues(source, board, sys.stdout.buffer, interval, stop, call_log)


RESTORE_DEADLINE = 5.0  # seconds: a store that does not answer at start costs this, once


def todays_queue_calls(store) -> list[tuple[str, str, datetime, datetime | None, str]]:
    """Today's queue calls in the call log (what `QueueBoard.restore_day` takes)."""
    from sqlalchemy import select

    from cti_desk.services.calllog import start_of_today
    from cti_desk.store.models import CallLogEntry

    since = start_of_today().astimezone(UTC).replace(tzinfo=None)
    stmt = (select(CallLogEntry.queue, CallLogEntry.call_id, CallLogEntry.rang_at,
                   CallLogEntry.answered_at, CallLogEntry.state)
            .where(CallLogEntry.rang_at >= since, CallLogEntry.queue.is_not(None))
            .order_by(CallLogEntry.rang_at))
    with store.session() as s:
        return [(q, cid, _aware(rang), _aware(answered) if answered else None, state)
                for q, cid, rang, answered, state in s.execute(stmt)]


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _restore(board: QueueBoard, store) -> None:
    """The day's counts so far, if the store answers in time; else from zero (said once)."""
    result: list = []
    failed: list[BaseException] = []

    def read() -> None:
        try:
            result.extend(todays_queue_calls(store))
        except Exception as exc:  # any store failure: start from zero, say why
            failed.append(exc)

    reader = threading.Thread(target=read, name="queues-restore", daemon=True)
    reader.start()
    reader.join(RESTORE_DEADLINE)
    if reader.is_alive() or failed:
        why = describe(failed[0]) if failed else f"no answer within {RESTORE_DEADLINE:g} s"
        log.warning("today's counts so far could not be read from the store (%s); counting from now", why)
        return
    board.restore_day(result)
    if result:
        log.info("today's counts so far: %d queue calls from the call log", len(result))


def run_queues(source_url: str, db_url: str, sl_seconds: int = 20, interval: float | None = None) -> int:
    config = parse_source(source_url)  # malformed -> BadArgument -> exit 2
    relayed = config.kind == "relay"  # the relay writes the call log; its events feed the board
    source = open_source(config, store_url=db_url) if relayed else None  # not PostgreSQL: exit 2
    store = open_store(db_url)
    # Every call heard goes to the call log, off the lines' path (unless the relay writes it).
    call_log = None if relayed else CallLogWriter(store, describe=describe)
    try:
        if source is None:
            source = open_source(config, caller_numbers=_caller_numbers(store, config.seed))
        board = QueueBoard(sl_seconds=sl_seconds)
        if not relayed:  # the relay's events of today bring the counts (with the PBX's HoldTimes)
            _restore(board, store)
        log.info("queue figures from %s (service level within %d s)", config.display(), sl_seconds)
        return run_source_command(_watch(source, board, interval, call_log.submit if call_log else None))
    finally:
        if call_log is not None and not call_log.close(timeout=2.0):
            log.info("the call log was still waiting on the store at exit")
        store.dispose()
