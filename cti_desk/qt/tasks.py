"""Background work for the GUI, after Anki's QueryOp: the GUI thread never waits.

    run_query(lambda: slow(), on_success=show, on_failure=report, key="customer")

`fn` runs on a worker thread; `on_success`/`on_failure` run on the GUI thread. With a
`key`, only the newest op of that key delivers: a newer call's lookup replaces an older
one's display instead of racing it. With an `owner` widget, nothing is delivered once
that widget is gone (a closed window's late results are dropped, not crashed on).
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)


class _Dispatcher(QObject):
    """Lives on the GUI thread; a queued signal carries results back to it."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run)

    @Slot(object)
    def _run(self, thunk: Callable[[], None]) -> None:
        try:
            thunk()
        except Exception:
            log.exception("error in a GUI callback")


class TaskRunner:
    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cti-desk-bg")
        self._dispatcher = _Dispatcher()
        app = QCoreApplication.instance()
        if app is not None:
            self._dispatcher.moveToThread(app.thread())
        self._generation: dict[str, int] = {}
        self._counter = itertools.count(1)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> Future:
        generation = next(self._counter)
        if key is not None:
            self._generation[key] = generation

        def current() -> bool:
            if owner is not None and not shiboken6.isValid(owner):
                return False
            return key is None or self._generation.get(key) == generation

        def work() -> None:
            try:
                result = fn()
            except BaseException as exc:
                if on_failure is not None:
                    error = exc  # `exc` is unbound after the except block
                    self._dispatcher.deliver.emit(lambda: current() and on_failure(error))
                else:
                    log.error("background task failed: %s", exc)
                return
            if on_success is not None:
                self._dispatcher.deliver.emit(lambda: current() and on_success(result))

        return self._pool.submit(work)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


_runner: TaskRunner | None = None


def runner() -> TaskRunner:
    """The application's one background executor (created on first use)."""
    global _runner
    if _runner is None:
        _runner = TaskRunner()
    return _runner


def run_query(
    fn, on_success=None, on_failure=None, key: str | None = None, owner: QObject | None = None
) -> Future:
    return runner().run(fn, on_success, on_failure, key, owner)


def shutdown() -> None:
    global _runner
    if _runner is not None:
        _runner.shutdown()
        _runner = None


def settle_memory() -> None:
    """Once the window is up: collect start-up's garbage, then freeze what is left (modules,
    widgets, the store's metadata) out of the collector's sight.

    Without it, the first full collection after start-up walks every object made while
    starting (~47 ms at 1 M customers, on whichever thread trips it: a pop's worker). Call
    it once, after the main window is shown; later objects are collected as usual.
    """
    gc.collect()
    gc.freeze()
