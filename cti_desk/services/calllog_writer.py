"""The call log written off a line's critical path (monitor, queues, later the relay).

`submit` only queues the state change; one daemon thread records it with
`calllog.record` (idempotent per call id, so several desks hearing the same call give one
row). A store that is down or stops answering never holds a line back: the thread waits
or fails, the queue is bounded (beyond it, changes are dropped and that is logged once),
and at exit the thread gets a moment to finish, then is left behind.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.model import Resolution
from cti_desk.services.calllog import CallFacts, record
from cti_desk.services.customers import CallerMatch
from cti_desk.store.db import Store

log = logging.getLogger(__name__)

MAX_PENDING = 10_000  # state changes waiting for a store that does not answer


class CallLogWriter:
    def __init__(self, store: Store, max_pending: int = MAX_PENDING,
                 describe: Callable[[BaseException], str] = lambda exc: type(exc).__name__) -> None:
        self._store = store
        self._describe = describe  # one line, no secrets (the app's describe)
        self._jobs: queue.Queue[tuple[CallUpdate, int | None] | None] = queue.Queue(max_pending)
        self._failing = False
        self._dropping = False
        self._thread = threading.Thread(target=self._run, name="call-log", daemon=True)
        self._thread.start()

    def submit(self, update: CallUpdate, match: CallerMatch | None = None) -> None:
        """Never blocks. The caller's one customer (if the lookup found one) goes with it."""
        if not update.state_changed:
            return
        customer = match.customer_ids[0] if match and match.resolution is Resolution.UNIQUE else None
        try:
            self._jobs.put_nowait((update, customer))
        except queue.Full:
            if not self._dropping:
                self._dropping = True
                log.warning("call log: the store is behind by %d calls; dropping state changes "
                            "until it catches up", self._jobs.maxsize)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            update, customer = job
            try:
                record(self._store, CallFacts.from_update(update, customer_id=customer))
            except SQLAlchemyError as exc:
                if not self._failing:
                    self._failing = True
                    log.warning("call log: cannot write to the store (%s); calls go unrecorded "
                                "until it answers", self._describe(exc))
            else:
                if self._failing:
                    self._failing = False
                    log.warning("call log: the store answers again")
                self._dropping = False
            finally:
                self._jobs.task_done()

    def flush(self, timeout: float) -> bool:
        """Wait until everything submitted so far is written (or failed); False on timeout."""
        done = threading.Event()

        def wait() -> None:
            self._jobs.join()
            done.set()

        threading.Thread(target=wait, daemon=True).start()
        return done.wait(timeout)

    def close(self, timeout: float = 2.0) -> bool:
        """Let the thread write what it has; False (and it is left behind) after `timeout`."""
        try:
            self._jobs.put(None, timeout=timeout)
        except queue.Full:
            return False
        self._thread.join(timeout)
        return not self._thread.is_alive()
