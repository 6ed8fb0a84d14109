"""Runs a call source on its own thread and asyncio loop; CallUpdates reach the GUI thread
through a queued Qt signal. Stops cleanly when the window closes.

PBX actions (click-to-dial, queue pause) are forwarded when the source has them, with
this seat's interface (`--agent`) as the agent.

`linkChanged(LinkState)` says what the link to the calls is doing (connecting,
connected, reconnecting, refused, stopped); its last value is `link`. When the source
stops, for whatever reason, a final state is sent before `sourceStopped`."""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.link import LinkState
from cti_desk.telephony.link import run_reporting

log = logging.getLogger(__name__)


class CallBridge(QObject):
    callUpdate = Signal(object)  # CallUpdate, always delivered on the GUI thread
    sourceFailed = Signal(str)  # one line for the status bar
    sourceStopped = Signal()
    actionDone = Signal(str, str)  # action (originate, queue_pause), its result as text
    actionFailed = Signal(str, str)  # action, one line saying why
    agentPaused = Signal(bool)  # the agent's pause state as the PBX reports it
    linkChanged = Signal(object)  # LinkState, delivered on the GUI thread

    def __init__(self, source, agent: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.source = source
        self.agent = agent
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._ready = threading.Event()
        self.link: LinkState | None = None  # the last state reported (written on the source's thread)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._ready.clear()
        follow = getattr(self.source, "follow_agent", None)
        if self.agent and callable(follow):
            follow(self.agent, self.agentPaused.emit, self._dial_failed)
        self._thread = threading.Thread(target=self._main, name="cti-desk-calls", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._task = loop.create_task(run_reporting(self.source, self._emit, self._link_changed))
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

    def _link_changed(self, state: LinkState) -> None:
        self.link = state
        self.linkChanged.emit(state)  # queued to the GUI thread, like callUpdate

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
    # The GUI thread never waits: the coroutine runs on the source's loop and its
    # outcome comes back as actionDone / actionFailed (queued to the GUI thread).

    def can(self, name: str) -> bool:
        """Whether the call source can do this (`originate`, `queue_pause`)."""
        return callable(getattr(self.source, name, None))

    def _action(self, name: str, **kwargs) -> Future | None:
        fn = getattr(self.source, name, None)
        loop = self._loop
        if fn is None:
            self.actionFailed.emit(name, "the call source cannot do this")
            return None
        if loop is None or loop.is_closed() or not self.running:
            self.actionFailed.emit(name, "the call source is not running")
            return None
        params = inspect.signature(fn).parameters
        for key in ("agent_interface", "agent", "interface"):
            if key in params:
                kwargs[key] = self.agent
                break
        try:
            future = asyncio.run_coroutine_threadsafe(fn(**kwargs), loop)
        except RuntimeError:  # the loop closed meanwhile
            self.actionFailed.emit(name, "the call source is not running")
            return None
        future.add_done_callback(lambda f: self._report(name, f))
        return future

    def _report(self, name: str, future: Future) -> None:
        # Runs on the source's thread; the signals are queued to the GUI thread.
        if future.cancelled():
            self.actionFailed.emit(name, "cancelled: the call source stopped")
            return
        exc = future.exception()
        if exc is None:
            self.actionDone.emit(name, str(future.result()))
        elif isinstance(exc, TimeoutError):
            self.actionFailed.emit(name, "no answer from the PBX")
        else:
            text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.warning("%s failed: %s", name, text)
            self.actionFailed.emit(name, text)

    def _dial_failed(self, why: str) -> None:
        self.actionFailed.emit("originate", why)  # later than the call was queued

    def originate(self, number: str) -> Future | None:
        return self._action("originate", number=number)

    def queue_pause(self, paused: bool) -> Future | None:
        return self._action("queue_pause", paused=paused)
