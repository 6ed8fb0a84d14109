"""The kiosk forgets a customer who walked away: after `timeout_s` without a touch or a key
everything is wiped; `warn_s` before that an overlay counts down, and any touch or key
keeps the screen as it is.

Counted in whole seconds by `tick()` (a 1 s timer in the window; tests call it), so the
count never depends on how busy the machine is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from cti_desk.qt.kiosk.style import HUGE_PX, label

WARN_S = 10
# What a person does at the kiosk (a scanner is a keyboard).
_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleOverlay(QWidget):
    """Covers the window while the countdown runs; a touch on it only dismisses it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskIdleWarning")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#kioskIdleWarning { background: rgba(16, 24, 40, 210); }"
                           f"QLabel {{ color: #ffffff; font-size: {HUGE_PX}px; }}")
        self.text = label("", "kioskIdleCountdown")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.hide()

    def show_count(self, seconds: int) -> None:
        self.text.setText(self.tr("Still there?\nThe screen is cleared in {seconds} s.\nTouch anywhere to continue.")
                          .format(seconds=seconds))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()


class IdleWatch(QObject):
    expired = Signal()

    def __init__(self, window: QWidget, timeout_s: int, busy: Callable[[], bool], warn_s: int = WARN_S) -> None:
        super().__init__(window)
        self.timeout_s = max(int(timeout_s), 1)
        self.warn_s = min(warn_s, self.timeout_s - 1) if self.timeout_s > 1 else 0
        self.busy = busy  # False on the empty scan screen: nothing to wipe, nothing to count
        self.left = self.timeout_s
        self.overlay = IdleOverlay(window)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        QApplication.instance().installEventFilter(self)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.poke()
        return False

    def poke(self) -> None:
        """Someone is there: the full timeout again."""
        self.left = self.timeout_s
        if self.overlay.isVisible():
            self.overlay.hide()

    def tick(self) -> None:
        if not self.busy():
            self.poke()
            return
        self.left -= 1
        if self.left <= 0:
            self.overlay.hide()
            self.left = self.timeout_s
            self.expired.emit()
        elif self.left <= self.warn_s:
            self.overlay.show_count(self.left)

    def retranslate(self) -> None:
        if self.overlay.isVisible():
            self.overlay.show_count(self.left)
