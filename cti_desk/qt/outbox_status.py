"""The OMS outbox in the status bar: orders waiting to be sent, failed ones, the last error.

Read from the outbox table on a worker every `interval_ms` (services.outbox.outbox_status),
so it tells the truth whichever seat or thread sends. Shown when the desk sends to an OMS
(--oms-url) or when orders are waiting or failed (another seat's, or a past session's).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from cti_desk.domain.text import bounded
from cti_desk.qt.plaintext import tooltip
from cti_desk.qt.tasks import run_query
from cti_desk.services.outbox import OutboxStatus, outbox_status
from cti_desk.store.db import Store

POLL_MS = 10_000
RED, AMBER = "#c62828", "#8a6d00"


class OutboxIndicator(QLabel):
    statusShown = Signal(object)  # OutboxStatus, after each read

    def __init__(self, store: Store, oms_configured: bool, parent=None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("outboxStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.store = store
        self.oms_configured = oms_configured
        self.status: OutboxStatus | None = None
        self._reading = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def start(self) -> None:
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Read the outbox again (on a worker); a read still out is not doubled."""
        if self._reading:
            return
        window = self.window()
        if window is not self and not window.isVisible() and self.status is not None:
            return  # a closed window stops asking
        self._reading = True
        store = self.store
        run_query(lambda: outbox_status(store), self.show_status, self._read_failed,
                  key="outbox-status", owner=self)

    def _read_failed(self, _error: BaseException) -> None:
        self._reading = False  # the store banner says why; keep the last known figures

    def show_status(self, status: OutboxStatus) -> None:
        self._reading = False
        self.status = status
        self._render()
        self.statusShown.emit(status)

    def _render(self) -> None:
        status = self.status
        if status is None or (status.quiet and not self.oms_configured):
            self.hide()
            return
        if status.quiet:
            text = self.tr("OMS: all orders sent")
        else:
            text = self.tr("OMS orders: {waiting} waiting, {failed} failed").format(
                waiting=status.waiting, failed=status.failed)
            if status.last_error:
                text += " — " + self.tr("last error: {error}").format(error=bounded(status.last_error, 60))
        colour = RED if status.failed else AMBER if status.retrying else ""
        self.setStyleSheet(f"color: {colour};" if colour else "")
        self.setText(text)
        self.setAccessibleName(text)
        lines = [self.tr("Waiting to be sent: {n}").format(n=status.waiting),
                 self.tr("Of those, tried and not taken yet: {n}").format(n=status.retrying),
                 self.tr("Refused by the OMS (need a person): {n}").format(n=status.failed)]
        if status.last_error:
            lines.append(self.tr("Last error: {error}").format(error=status.last_error))
        self.setToolTip(tooltip("\n".join(lines)))
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
