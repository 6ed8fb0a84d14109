"""Runs a call source on its own thread and asyncio loop; CallUpdates reach the GUI thread
through a queued Qt signal. Stops cleanly when the window closes."""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from cti_desk.domain.calls import CallUpdate

log = logging.getLogger(__name__)


class CallBridge(QObject):
    callUpdate = Signal(object)  # CallUpdate, always delivered on the GUI thread
    sourceFailed = Signal(str)  # one line for the status bar
    sourceStopped = Signal()

    def __init__(self, source, agent: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.source = source
        self.agent = agent
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._ready = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._ready.clear()
        self._thread = threading.Thread(target=self._main, name="cti-desk-calls", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._task = loop.create_task(self.source.run(self._emit))
            self._ready.set()
            loop.run_until_complete(self._task)
        except asyncio.CancelledError:
            pass
        except Exception as exc:
            log.error("call source stopped: %s", exc)
            self.sourceFailed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        finally:
            self._ready.set()
            try:
                pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for t in pending:
                    t.cancel()
                if pending:
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()
                self._loop = None
            self.sourceStopped.emit()

    def _emit(self, update: CallUpdate) -> None:
        # Emitted on the source's thread; the receiver lives on the GUI thread -> queued.
        self.callUpdate.emit(update)

    def stop(self, timeout: float = 5.0) -> bool:
        """Cancel the source and wait for its thread; True when it is gone."""
        loop, task, thread = self._loop, self._task, self._thread
        if loop is not None and task is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:
                pass  # the loop closed meanwhile
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("call source did not stop within %.0f s", timeout)
                return False
        self._thread = None
        return True

    # -- PBX actions (AMI Originate / QueuePause) -----------------------------
    def _action(self, name: str, *args) -> Future | None:
        fn = getattr(self.source, name, None)
        loop = self._loop
        if fn is None or loop is None or loop.is_closed():
            log.info("the call source cannot %s", name)
            return None
        kwargs = {}
        params = inspect.signature(fn).parameters
        if "agent" in params:
            kwargs["agent"] = self.agent
        elif "interface" in params:
            kwargs["interface"] = self.agent
        future = asyncio.run_coroutine_threadsafe(fn(*args, **kwargs), loop)
        future.add_done_callback(self._report)
        return future

    def _report(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is not None:
            self.sourceFailed.emit(str(future.exception()))

    def originate(self, number: str) -> Future | None:
        return self._action("originate", number)

    def queue_pause(self, paused: bool) -> Future | None:
        return self._action("queue_pause", paused)
