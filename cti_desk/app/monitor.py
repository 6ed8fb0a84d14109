"""`cti-desk monitor`: every call state change as one JSON line on stdout.

The hot path (an update arrives -> its line is out) is: the caller lookup (once per
call, one indexed query), json.dumps, write, flush. Diagnostics go to stderr only.
SIGINT/SIGTERM stop it with exit 0; a source that fails for good (a refused AMI
login) exits 1 with its one-line reason.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from collections.abc import Callable
from typing import BinaryIO

from sqlalchemy.exc import SQLAlchemyError

from cti_desk.app.errors import describe
from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.phone import normalize
from cti_desk.services.customers import CallerMatch
from cti_desk.services.screenpop import CallerResolver, sample_caller_numbers
from cti_desk.store.db import Store, open_store
from cti_desk.telephony.ami.client import AuthenticationFailed
from cti_desk.telephony.sources import CallSource, open_source, parse_source

log = logging.getLogger(__name__)


def pop_line(update: CallUpdate, match: CallerMatch | None) -> str:
    """The contract's JSON object for one state change (every key, nulls for unknown).

    `match` is None when the store could not be asked: the line still goes out, with the
    number normalized and `resolution` null, rather than the call state being lost.
    """
    return json.dumps(
        {
            "call_id": update.call_id,
            "state": update.state.value,
            "number": match.number.e164 if match else normalize(update.raw_number).e164,
            "raw_number": update.raw_number,
            "caller_name": update.caller_name,
            "queue": update.queue,
            "agent": update.agent,
            "resolution": match.resolution.value if match else None,
            "customer_ids": list(match.customer_ids) if match else [],
            "ts": update.ts.isoformat(timespec="milliseconds"),
        },
        ensure_ascii=False,
    )


def line_printer(resolver: CallerResolver, out: BinaryIO) -> Callable[[CallUpdate], None]:
    def emit(update: CallUpdate) -> None:
        if not update.state_changed:
            return  # only which phones ring changed: not a line
        try:
            match = resolver.match(update)
        except SQLAlchemyError as exc:
            log.warning("caller lookup failed, line printed unresolved: %s", describe(exc))
            match = None
        out.write(pop_line(update, match).encode() + b"\n")
        out.flush()

    return emit


def _caller_numbers(store: Store, seed: int | None) -> Callable[[int], list[str | None]]:
    def numbers(n: int) -> list[str | None]:
        with store.session() as session:
            return sample_caller_numbers(session, n, seed)

    return numbers


async def _watch(source: CallSource, emit: Callable[[CallUpdate], None]) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    running = asyncio.create_task(source.run(emit))
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (running, stopping):
            task.cancel()
        await asyncio.gather(running, stopping, return_exceptions=True)
    if stop.is_set():
        return 0
    running.result()  # the source gave up: raise its reason
    return 0  # a finite source (e.g. a simulator with a call limit) ran out


def run_monitor(source_url: str, db_url: str) -> int:
    config = parse_source(source_url)  # malformed -> BadArgument -> exit 2
    store = open_store(db_url)
    resolver = CallerResolver(store)
    try:
        source = open_source(config, caller_numbers=_caller_numbers(store, config.seed))
        log.info("monitoring %s", config.display())
        try:
            return asyncio.run(_watch(source, line_printer(resolver, sys.stdout.buffer)))
        except (BrokenPipeError, KeyboardInterrupt):
            return 0
        except OSError as exc:
            print(f"cti-desk: {exc.strerror or exc}", file=sys.stderr)
            return 1
        except AuthenticationFailed:
            print("cti-desk: authentication failed", file=sys.stderr)
            return 1
    finally:
        resolver.close()
        store.dispose()


def run_relay(source_url: str, db_url: str) -> int:
    raise NotImplementedError("relay: not yet")
