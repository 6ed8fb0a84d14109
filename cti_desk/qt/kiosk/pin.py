"""The staff PIN that leaves kiosk mode: a numeric keypad (works by touch and by keyboard),
checked against the store's hash on a worker (a slow KDF must not freeze the screen);
wrong PINs are slowed down by the window's PinGate, and the wait is shown."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from cti_desk.domain.kiosk import PIN_MAX, PinGate
from cti_desk.qt.kiosk.style import STYLE, TOUCH_PX, big_type, button, label
from cti_desk.qt.tasks import run_query
from cti_desk.services.kiosk import verify_pin

log = logging.getLogger(__name__)

KEY_PX = 88
WIDTH_PX = 560


class PinDialog(QDialog):
    def __init__(self, store, gate: PinGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPinDialog")
        self.setModal(True)
        self.setStyleSheet(STYLE + "QDialog#kioskPinDialog { background: #ffffff; }"
                           f"QPushButton {{ min-height: {KEY_PX - 16}px; min-width: {KEY_PX}px; font-size: 32px; }}")
        big_type(self, 26)
        self.store, self.gate = store, gate
        self._pin = ""
        self._checking = False
        self._waiting = False
        self.heading = label("title")
        self.dots = label("huge", "kioskPinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(TOUCH_PX)
        self.message = label("problem", "kioskPinMessage")
        keys = QGridLayout()
        for i, digit in enumerate("123456789"):
            keys.addWidget(self._key(digit), i // 3, i % 3)
        self.erase = button("kioskPinErase", keep_focus=True)
        self.erase.clicked.connect(self.backspace)
        keys.addWidget(self.erase, 3, 0)
        keys.addWidget(self._key("0"), 3, 1)
        self.ok = button("kioskPinOk", role="primary", keep_focus=True)
        self.ok.clicked.connect(self.submit)
        keys.addWidget(self.ok, 3, 2)
        self.cancel = button("kioskPinCancel", keep_focus=True)
        self.cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        layout.addLayout(keys)
        layout.addLayout(bottom)
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(250)
        self.wait_timer.timeout.connect(self.show_wait)
        self.retranslate()
        self.show_wait()

    def _key(self, digit: str):
        b = button(f"kioskPinKey_{digit}", keep_focus=True)
        b.setText(digit)
        b.clicked.connect(lambda: self.press(digit))
        return b

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff PIN"))
        self.heading.setText(self.tr("Staff only: enter the PIN to leave kiosk mode"))
        self.erase.setText("⌫")
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))
        # The heading wraps: the height it needs at this width, so the keys are never squeezed.
        self.setFixedWidth(WIDTH_PX)
        self.setMinimumHeight(self.layout().totalHeightForWidth(WIDTH_PX))

    # -- typing ------------------------------------------------------------------------------
    def press(self, digit: str) -> None:
        if len(self._pin) < PIN_MAX and not self._checking:
            self._pin += digit
            self.dots.setText("●" * len(self._pin))

    def backspace(self) -> None:
        self._pin = self._pin[:-1]
        self.dots.setText("●" * len(self._pin))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isascii() and text.isdigit() and len(text) == 1:
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)  # Escape cancels the dialog (not the kiosk)

    # -- checking ------------------------------------------------------------------------------
    def show_wait(self) -> bool:
        """Says how long until the next try; True while waiting."""
        wait = self.gate.wait_s()
        if wait > 0:
            self.message.setText(self.tr("Wrong PIN. Try again in {seconds} s.").format(seconds=math.ceil(wait)))
            self.ok.setEnabled(False)
            self._waiting = True
            if not self.wait_timer.isActive():
                self.wait_timer.start()
            return True
        self.wait_timer.stop()
        self.ok.setEnabled(not self._checking)
        if self._waiting:
            self._waiting = False
            self.message.setText(self.tr("Enter the PIN again."))
        return False

    def submit(self) -> None:
        if self._checking or not self._pin or self.show_wait():
            return
        pin, store = self._pin, self.store
        self._pin = ""
        self.dots.setText("")
        self._checking = True
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        run_query(lambda: verify_pin(store, pin), self._checked, self._failed, owner=self)

    def _checked(self, ok: bool) -> None:
        self._checking = False
        if ok:
            self.gate.succeeded()
            self.accept()
            return
        self.gate.failed()
        self.message.setText(self.tr("Wrong PIN."))
        self.show_wait()

    def _failed(self, exc: BaseException) -> None:
        self._checking = False
        log.warning("staff PIN not checked: %s", type(exc).__name__)
        self.message.setText(self.tr("The PIN cannot be checked now. Please try again."))
        self.ok.setEnabled(True)
