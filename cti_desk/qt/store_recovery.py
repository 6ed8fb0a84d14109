"""What waits for the store runs again as soon as the store answers.

A wrap-up saved, an order placed or a caller looked up while the store could not be
reached (a PostgreSQL restart, a partition, an SQLite file locked by another program)
is kept, and `StoreRecovery.wait(key, fn)` has `fn()` run on the GUI thread the next
time a probe (services.health.store_health, writes included on SQLite) finds the store
answering. While anything waits, the store is probed every `retry_ms`, one probe at a
time; the window's StoreWatch probes count too (`follow`). Each `fn` runs once per
wait: whoever fails again waits again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from cti_desk.qt.tasks import run_query
from cti_desk.services.health import StoreHealth, store_health
from cti_desk.store.db import Store

log = logging.getLogger(__name__)

RETRY_MS = 2000


class StoreRecovery(QObject):
    back = Signal()  # a probe found the store answering while something waited

    def __init__(self, store: Store, parent: QObject | None = None, *, retry_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self.store = store
        self._waiting: dict[str, Callable[[], None]] = {}
        self._probing = False
        self._watch = None
        self._timer = QTimer(self)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.probe)

    def follow(self, watch) -> None:
        """A StoreWatch's own probes count too (it probes after every failed query), and
        when ours finds the store back, the watch looks again at once (its banner goes)."""
        self._watch = watch
        watch.healthChanged.connect(self._health)

    def wait(self, key: str, fn: Callable[[], None]) -> None:
        """Run `fn()` once the store answers; a second wait with the same key replaces it."""
        self._waiting[key] = fn
        if not self._timer.isActive():
            self._timer.start()

    def waiting(self, key: str | None = None) -> bool:
        return bool(self._waiting) if key is None else key in self._waiting

    def cancel(self, key: str) -> None:
        self._waiting.pop(key, None)
        if not self._waiting:
            self._timer.stop()

    def probe(self) -> None:
        """Ask the store now (the timer does this while something waits)."""
        if self._probing or not self._waiting:
            return
        self._probing = True
        store = self.store
        run_query(lambda: store_health(store), self._probed, self._probe_failed, owner=self)

    def _probed(self, health: StoreHealth) -> None:
        self._probing = False
        if health.ok and self._watch is not None and self._watch.down:
            self._watch.probe()
        self._health(health)

    def _probe_failed(self, exc: BaseException) -> None:  # store_health itself broke: a bug
        self._probing = False
        log.error("store probe failed: %s", exc)

    def _health(self, health: StoreHealth) -> None:
        if not health.ok or not self._waiting:
            return
        waiting, self._waiting = self._waiting, {}
        self._timer.stop()
        log.info("store answering again: %d kinds of waiting work run again", len(waiting))
        self.back.emit()
        for key, fn in waiting.items():
            try:
                fn()
            except Exception:  # one waiter's bug must not keep the others waiting
                log.exception("running %s again after the store came back failed", key)
