"""The caller lookup with a deadline, off the event loop, for monitor (and the relay).

A store that stops answering (a partition: packets held, no reset) must not hold back
call lines. Each lookup runs on one worker thread and is awaited for at most
`deadline` seconds; a late answer is dropped and the line goes out unresolved. While an
earlier lookup is still stuck, later calls don't wait again: they go out unresolved at
once, until the store answers. The store going away and coming back is logged once each.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from cti_desk.domain.calls import CallUpdate
from cti_desk.services.customers import CallerMatch

log = logging.getLogger(__name__)

DEADLINE = 1.5  # seconds a call line waits for the store


class _Worker:
    """One daemon thread: a lookup stuck on a dead socket never blocks the exit."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], concurrent.futures.Future] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], Any]) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((fn, future))
        return future

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed to whoever awaits it
                future.set_exception(exc)

    def stop(self, timeout: float) -> bool:
        """Let the thread finish what it has; False if it is still stuck after `timeout`."""
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()


class DeadlineLookup:
    """`await lookup.match(update)` -> the caller, or None when the store can't say in time.

    `resolve(update)` runs on the worker thread (e.g. CallerResolver.match, which owns
    one connection: always used from that one thread). `close` runs there last.
    """

    def __init__(
        self,
        resolve: Callable[[CallUpdate], CallerMatch],
        close: Callable[[], None] | None = None,
        deadline: float = DEADLINE,
        describe: Callable[[BaseException], str] = lambda exc: type(exc).__name__,
    ) -> None:
        self._resolve = resolve
        self._close = close
        self._describe = describe  # one line, no secrets (the app's describe)
        self.deadline = deadline
        self._worker = _Worker("caller-lookup")
        self._stuck: concurrent.futures.Future | None = None  # a lookup past its deadline
        self.reachable = True

    async def match(self, update: CallUpdate) -> CallerMatch | None:
        if self._stuck is not None and not self._stuck.done():
            return None  # the store still owes an earlier answer: don't wait again
        future = self._worker.submit(lambda: self._resolve(update))
        try:
            match = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.deadline)
        except TimeoutError:
            self._stuck = future
            self._failing(f"store unreachable: no answer within {self.deadline:g} s")
            loop = asyncio.get_running_loop()
            future.add_done_callback(lambda f: loop.call_soon_threadsafe(self._late_answer, f))
            return None
        except SQLAlchemyError as exc:
            self._failing(f"caller lookup failed: {self._describe(exc)}")
            return None
        self._answered()
        return match

    def _late_answer(self, future: concurrent.futures.Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self._answered()  # the answer itself is dropped: its line already went out

    def _failing(self, what: str) -> None:
        if self.reachable:
            self.reachable = False
            log.warning("%s; call lines go out unresolved until the store answers", what)

    def _answered(self) -> None:
        if not self.reachable:
            self.reachable = True
            log.warning("store reachable again: callers are looked up again")

    def close(self, timeout: float = 1.0) -> None:
        """Close on the worker (its connection lives there); give up on a stuck one."""
        if self._close is not None and (self._stuck is None or self._stuck.done()):
            self._worker.submit(self._close)
        if not self._worker.stop(timeout):
            log.info("a caller lookup was still waiting on the store at exit")
