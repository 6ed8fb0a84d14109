"""What this seat's dispatcher is sending to the order management system: each order's
state, attempts and error, and a button to send a refused one again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cti_desk.qt.tasks import run_query
from cti_desk.services.orders import order_number
from cti_desk.services.outbox import OutboxDispatcher, OutboxRow, list_outbox, retry_now
from cti_desk.store.db import Store


class OutboxPanel(QGroupBox):
    refreshed = Signal()  # the rows on screen are new: an order's OMS state may have moved
    _result = Signal(str, str)  # from the dispatcher's thread

    def __init__(self, store: Store, dispatcher: OutboxDispatcher | None, poll_ms: int = 3000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.dispatcher = dispatcher
        self.rows: list[OutboxRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("orderOutbox")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Widths from the font (see _size_columns), the error takes the rest: resizing to
        # contents re-measured every cell at each refresh of the outbox.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(130)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("outboxRetry")
        self.retry_button.clicked.connect(self.retry_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMaximumHeight(200)
        self.setVisible(dispatcher is not None)  # shown on the seat that sends
        if dispatcher is not None:
            self._result.connect(lambda *_: self.refresh())
            if dispatcher.on_result is None:
                dispatcher.on_result = self._result.emit
            self._timer = QTimer(self)
            self._timer.setInterval(poll_ms)
            self._timer.timeout.connect(self.refresh)
            self._timer.start()
            self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Order no."), self.tr("OMS"), self.tr("Attempts"), self.tr("Next try"), self.tr("Error")])
        self._size_columns()
        self.retry_button.setText(self.tr("Retry now"))
        self.setTitle(self.tr("Sending to the order management system (OMS)"))
        if self.rows:
            self._show(self.rows)

    def _size_columns(self) -> None:
        fm, header = self.table.fontMetrics(), self.table.horizontalHeader()
        pad = 3 * fm.horizontalAdvance("0")
        samples = (
            [order_number(date(2026, 12, 31), 999_999)],
            [self.status_label(s) for s in ("pending", "sent", "failed")],
            ["000"],
            ["00:00:00"],
        )
        for column, texts in enumerate(samples):
            title = header.fontMetrics().horizontalAdvance(self.table.horizontalHeaderItem(column).text())
            header.resizeSection(column, max(title, *(fm.horizontalAdvance(t) for t in texts)) + pad)

    def status_label(self, status: str) -> str:
        """An outbox entry's state, in the operator's words."""
        return {"pending": self.tr("Waiting to send"), "sent": self.tr("Sent"),
                "failed": self.tr("Needs attention (send failed)")}.get(status, status)

    def wake(self) -> None:
        """An order was just placed: send it now, show it now."""
        if self.dispatcher is not None:
            self.dispatcher.wake()
            self.refresh()

    def refresh(self) -> None:
        if self.dispatcher is None:
            return
        store = self.store
        run_query(lambda: list_outbox(store, 20), on_success=self._show,
                  key=f"outbox-{id(self)}", owner=self)

    def _show(self, rows: list[OutboxRow]) -> None:
        self.rows = rows
        selected = {i.row() for i in self.table.selectionModel().selectedRows()}
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            next_at = "" if r.status != "pending" else r.next_attempt_at.strftime("%H:%M:%S")
            for col, text in enumerate((r.key, self.status_label(r.status), str(r.attempts),
                                        next_at, r.last_error[:200])):
                self.table.setItem(i, col, QTableWidgetItem(text))
        for i in selected:
            if i < len(rows):
                self.table.selectRow(i)
        self.refreshed.emit()

    def status_of(self, order_no: str) -> str | None:
        return next((r.status for r in self.rows if r.key == order_no), None)

    def retry_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        targets = [self.rows[i.row()] for i in rows if i.row() < len(self.rows)]
        if not targets:
            targets = [r for r in self.rows if r.status == "failed"]
        if not targets:
            return
        store, dispatcher = self.store, self.dispatcher

        def work():
            for r in targets:
                retry_now(store, r.id)
            if dispatcher is not None:
                dispatcher.wake()

        run_query(work, on_success=lambda _r: self.refresh(), owner=self)
