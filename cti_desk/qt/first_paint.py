"""Run a start-up step once the window is on screen, not before.

A worker importing and opening the store competes with the GUI thread for the
interpreter: started before the first paint, it delays the window (issue 16). A window
a desktop never exposes (another workspace) still gets the step after `fallback_ms`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, step: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._step: Callable[[], None] | None = step
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # once this paint pass is on screen
        return False

    def _run(self) -> None:
        step, self._step = self._step, None
        if step is None:  # the paint and the fallback both came: once is enough
            return
        self._window.removeEventFilter(self)
        step()


def after_first_paint(window: QWidget, step: Callable[[], None], fallback_ms: int = 1000) -> None:
    """Call `step` once, on the GUI thread, right after `window`'s first paint."""
    _AfterFirstPaint(window, step, fallback_ms)
