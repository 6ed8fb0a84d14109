"""`cti-desk monitor`: every call state change as one JSON line on stdout.

The hot path (an update arrives -> its line is out) is: the caller lookup (once per
call, one indexed query, on a worker thread with a deadline so a store that stops
answering never holds a line back), json.dumps, write, flush. Only then is the state
change handed to the call log's writer thread (services/calllog_writer.py), so a slow or
absent store never delays a line. Diagnostics go to stderr only.
SIGINT/SIGTERM stop it with exit 0; a source that fails for good (a refused AMI
login) exits 1 with its one-line reason.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import BinaryIO

from cti_desk.app.errors import describe, run_source_command
from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.model import Resolution
from cti_desk.domain.phone import CallerNumber, NumberKind, normalize
from cti_desk.services.caller_lookup import DeadlineLookup
from cti_desk.services.calllog_writer import CallLogWriter
from cti_desk.services.customers import CallerMatch
from cti_desk.services.screenpop import CallerResolver, sample_caller_numbers
from cti_desk.store.db import Store, open_store
from cti_desk.telephony.sources import CallSource, open_source, parse_source

log = logging.getLogger(__name__)

# Takes a state change once its line is out (CallLogWriter.submit): must never block.
CallLogFn = Callable[[CallUpdate, CallerMatch | None], None]


def pop_line(update: CallUpdate, match: CallerMatch | None, outside_line: str | None = None) -> str:
    """The contract's JSON object for one state change (every key, nulls for unknown).

    `match` is None when the store could not be asked in time: the line still goes out,
    with the number normalized and `resolution` null, rather than the call state being lost.
    """
    number = match.number if match else normalize(update.raw_number, outside_line_prefix=outside_line)
    return json.dumps(
        {
            "call_id": update.call_id,
            "state": update.state.value,
            "number": number.e164,
            "raw_number": update.raw_number,
            "caller_name": update.caller_name,
            "queue": update.queue,
            "agent": update.agent,
            "resolution": match.resolution.value if match and match.resolution else None,
            "customer_ids": list(match.customer_ids) if match else [],
            "ts": update.ts.isoformat(timespec="milliseconds"),
        },
        ensure_ascii=False,
    )


class LinePrinter:
    """The source's `emit`: never blocks the event loop (the webhook keeps answering,
    AMI keeps reading); a printer task looks each caller up with a deadline and writes
    the lines in the order the state changes came."""

    def __init__(self, lookup: DeadlineLookup, out: BinaryIO, outside_line: str | None = None,
                 call_log: CallLogFn | None = None, agent: str | None = None) -> None:
        self._lookup = lookup
        self._call_log = call_log
        self._out = out
        self._outside_line = outside_line
        self._seat = SeatFilter(agent) if agent else None
        self._updates: asyncio.Queue[CallUpdate] = asyncio.Queue()

    def emit(self, update: CallUpdate) -> None:
        if self._seat is not None:
            for line in self._seat.lines(update):
                self._updates.put_nowait(line)
        elif update.state_changed:  # otherwise only which phones ring changed: not a line
            self._updates.put_nowait(update)

    async def run(self) -> None:
        while True:
            update = await self._updates.get()
            try:
                match = await self._lookup.match(update)
                self._out.write(pop_line(update, match, self._outside_line).encode() + b"\n")
                self._out.flush()
                if self._call_log is not None:
                    self._call_log(update, match)
            finally:
                self._updates.task_done()

    async def drain(self) -> None:
        """Until every state change taken so far has its line out."""
        await self._updates.join()


class SeatFilter:
    """`monitor --agent`: only the calls that rang or were answered at this phone.

    A queue call is `ringing` before any phone rings; its line goes out when it first
    rings here (or, picked up here without ringing, a `ringing` line just before the
    `answered` one), then every later state change of that call, each once and in order.
    """

    MEMORY = 4096  # calls remembered: plenty for a seat, bounded for a long run

    def __init__(self, agent: str) -> None:
        self.agent = agent
        self._mine: OrderedDict[str, CallState] = OrderedDict()  # call id -> last state printed

    def lines(self, update: CallUpdate) -> list[CallUpdate]:
        printed = self._mine.get(update.call_id)
        if printed is None:
            here = self.agent in update.ringing_at or update.agent == self.agent
            if not here or update.state in (CallState.ENDED, CallState.MISSED):
                return []
            self._remember(update.call_id, update.state)
            ringing = replace(update, state=CallState.RINGING, state_changed=True)
            return [ringing] if update.state is CallState.RINGING else [ringing, update]
        if not update.state_changed or update.state is printed:
            return []
        self._remember(update.call_id, update.state)
        return [update]

    def _remember(self, call_id: str, state: CallState) -> None:
        self._mine[call_id] = state
        self._mine.move_to_end(call_id)
        while len(self._mine) > self.MEMORY:
            self._mine.popitem(last=False)


class RelayedCallers:
    """`--source relay`: the callers as the relay looked them up (published with each
    update), in place of a lookup of this monitor's own. Same shape as DeadlineLookup."""

    deadline = 0.5

    def __init__(self, source) -> None:
        self._source = source

    async def match(self, update: CallUpdate) -> CallerMatch | None:
        caller = self._source.caller(update.call_id)
        if caller is None:
            return None
        number = caller.get("number")
        kind = NumberKind.E164 if number else (
            NumberKind.WITHHELD if caller.get("resolution") == Resolution.ANONYMOUS.value else NumberKind.INVALID)
        resolution = caller.get("resolution")
        return CallerMatch(CallerNumber(update.raw_number, kind, number),
                           Resolution(resolution) if resolution else None,  # type: ignore[arg-type]
                           tuple(int(i) for i in caller.get("customer_ids") or ()))

    def close(self, timeout: float = 1.0) -> None:
        pass


def _lookup_for(store: Store, outside_line: str | None) -> DeadlineLookup:
    resolver = CallerResolver(store, outside_line_prefix=outside_line)
    return DeadlineLookup(resolver.match, close=resolver.close, describe=describe)


async def print_calls(source: CallSource, lookup: DeadlineLookup, out: BinaryIO,
                      outside_line: str | None = None, stop: asyncio.Event | None = None,
                      call_log: CallLogFn | None = None, agent: str | None = None) -> int:
    """Run `source` and print its lines until `stop` is set or the source ends."""
    printer = LinePrinter(lookup, out, outside_line, call_log, agent)
    stop = stop or asyncio.Event()
    running = asyncio.create_task(source.run(printer.emit))
    printing = asyncio.create_task(printer.run())
    stopping = asyncio.create_task(stop.wait())
    draining = None
    try:
        await asyncio.wait({running, printing, stopping}, return_when=asyncio.FIRST_COMPLETED)
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        if not printing.done():  # the lines of what already happened still go out
            draining = asyncio.create_task(printer.drain())
            await asyncio.wait({draining, printing}, timeout=2 * lookup.deadline + 1,
                               return_when=asyncio.FIRST_COMPLETED)
    finally:
        tasks = [t for t in (running, printing, stopping, draining) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if printing.done() and not printing.cancelled() and printing.exception() is not None:
        raise printing.exception()  # e.g. stdout closed: BrokenPipeError
    if stop.is_set():
        return 0
    running.result()  # the source gave up: raise its reason
    return 0  # a finite source (e.g. a simulator with a call limit) ran out


def _caller_numbers(store: Store, seed: int | None) -> Callable[[int], list[str | None]]:
    def numbers(n: int) -> list[str | None]:
        with store.session() as session:
            return sample_caller_numbers(session, n, seed)

    return numbers


async def _watch(source: CallSource, lookup: DeadlineLookup, outside_line: str | None,
                 call_log: CallLogFn | None, agent: str | None = None) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return await print_calls(source, lookup, sys.stdout.buffer, outside_line, stop, call_log, agent)


def run_monitor(source_url: str, db_url: str, agent: str | None = None) -> int:
    config = parse_source(source_url)  # malformed -> BadArgument -> exit 2
    relayed = config.kind == "relay"  # the relay looked the callers up and writes the call log
    source = open_source(config, store_url=db_url) if relayed else None  # not PostgreSQL: exit 2
    store = open_store(db_url)
    lookup = RelayedCallers(source) if relayed else _lookup_for(store, config.outside_line)
    call_log = None if relayed else CallLogWriter(store, describe=describe)
    try:
        if source is None:
            source = open_source(config, caller_numbers=_caller_numbers(store, config.seed))
        log.info("monitoring %s", config.display())
        return run_source_command(_watch(source, lookup, config.outside_line,
                                         call_log.submit if call_log else None, agent))
    finally:
        lookup.close()
        if call_log is not None and not call_log.close(timeout=2 * lookup.deadline):
            log.info("the call log was still waiting on the store at exit")
        store.dispose()

