"""Orders waiting for the store, under the order form: each order the store did not
answer for is kept on this computer (services/order_journal.py) and placed by itself,
exactly once, as soon as the store answers again (StoreRecovery), also by the next start
after a crash. One a later attempt refuses (the last unit gone meanwhile, a delivery
date gone by) stays listed with the reason until the operator takes it back into the
form or discards it.

The order form journals its own attempt before it starts (`journal_attempt`) and hands
the order over here only when the store did not answer (`wait_for_store`), so an order
is never attempted from two places at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.delivery import DeliveryCalendar
from cti_desk.domain.text import bounded
from cti_desk.qt import labels
from cti_desk.qt.store_recovery import StoreRecovery
from cti_desk.qt.tasks import run_query
from cti_desk.services.journal_file import store_key
from cti_desk.services.order_journal import Attempt, OrderJournal, WaitingOrder, place_waiting
from cti_desk.services.orders import OrderRejected, OutOfStock, ValidationFailed
from cti_desk.store.db import Store

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class WaitingOrders(QGroupBox):
    placed = Signal(object, object)  # WaitingOrder, PlacedOrder: in the store now
    refused = Signal(object)  # WaitingOrder (its `refused` says why): the operator decides
    backToForm = Signal(object)  # WaitingOrder: the operator takes it back to change it
    trouble = Signal(str)  # the journal cannot be written or read: the form says so
    journalFailed = Signal(str)  # from the journal's writer thread (queued to the GUI)

    def __init__(self, store: Store, journal: OrderJournal, recovery: StoreRecovery,
                 calendar: DeliveryCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingOrders")
        self.store, self.journal, self.recovery, self.calendar = store, journal, recovery, calendar
        self.store_key = store_key(store)
        self.orders: dict[str, WaitingOrder] = {}  # by key, oldest first
        self._in_flight: set[str] = set()
        self.form_empty: Callable[[], bool] = lambda: True  # the form may take one back
        self.journal.on_error = self._journal_error
        self.journalFailed.connect(self._journal_failed)
        self.list = QListWidget()
        self.list.setObjectName("waitingOrderList")
        self.list.setMaximumHeight(90)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.back_button = QPushButton()
        self.back_button.setObjectName("waitingOrderBack")
        self.back_button.clicked.connect(self.take_back_selected)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("waitingOrderDiscard")
        self.discard_button.clicked.connect(self.ask_discard_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.retranslate()
        self.hide()

    # -- what the form calls ---------------------------------------------------------------
    def restore(self) -> None:
        """On start: orders a crash or a quit left waiting, placed now (or once it answers)."""
        try:
            waiting = self.journal.load(self.store_key)
        except Exception as exc:  # an unreadable file must not keep the form from opening
            log.error("order journal %s unreadable: %s", self.journal.path, exc)
            self._journal_failed(bounded(str(exc), 200))
            return
        for order in waiting:
            self.orders[order.key] = order
        self._refresh()
        self.place_all()

    def journal_attempt(self, order: WaitingOrder) -> None:
        """The form is about to place `order`: on disk first, so a crash keeps it."""
        self.journal.put(self.store_key, order)

    def attempt_done(self, key: str) -> None:
        """The form's attempt placed it, or was refused (the form shows why)."""
        self.journal.remove(self.store_key, key)

    def wait_for_store(self, order: WaitingOrder) -> None:
        """The store did not answer the form's attempt: listed here, placed once it answers."""
        self.orders[order.key] = order
        self._refresh()
        self._wait()

    def pending(self) -> list[WaitingOrder]:
        """Orders still waiting to be placed by themselves (not the refused ones)."""
        return [o for o in self.orders.values() if not o.refused]

    # -- placing -----------------------------------------------------------------------------
    def place_all(self) -> None:
        """One attempt for each order that waits (the store answers again)."""
        store, calendar = self.store, self.calendar
        for order in self.pending():
            if order.key in self._in_flight:
                continue
            self._in_flight.add(order.key)
            run_query(lambda o=order: place_waiting(store, o, calendar),
                      lambda attempt, o=order: self._attempted(o, attempt),
                      lambda exc, o=order: self._attempt_broke(o, exc), owner=self)

    def _wait(self) -> None:
        if self.pending():
            self.recovery.wait(f"orders-{id(self)}", self.place_all)

    def _attempted(self, order: WaitingOrder, attempt: Attempt) -> None:
        self._in_flight.discard(order.key)
        if order.key not in self.orders:
            return  # discarded meanwhile; the store's answer is in the log
        if attempt.placed is not None:
            self._forget(order.key)
            self.placed.emit(order, attempt.placed)
        elif attempt.refused is not None:
            order.refused = refusal_text(attempt.refused)
            self.journal.put(self.store_key, order)  # not placed by itself again, also after a restart
            self._refresh()
            self.refused.emit(order)
        else:
            self._wait()

    def _attempt_broke(self, order: WaitingOrder, exc: BaseException) -> None:
        """place_waiting raised: a bug, not the store. Kept; tried again with the next round."""
        self._in_flight.discard(order.key)
        log.error("waiting order %s: attempt failed unexpectedly", order.key, exc_info=exc)
        self._wait()

    def _forget(self, key: str) -> None:
        self.orders.pop(key, None)
        self.journal.remove(self.store_key, key)
        if not self.pending():
            self.recovery.cancel(f"orders-{id(self)}")
        self._refresh()

    # -- the operator's choices ----------------------------------------------------------------
    def _selected(self) -> WaitingOrder | None:
        item = self.list.currentItem()
        return self.orders.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def take_back_selected(self) -> None:
        order = self._selected()
        if order is None or order.key in self._in_flight or not self.form_empty():
            return
        self._forget(order.key)
        self.backToForm.emit(order)

    def ask_discard_selected(self) -> QMessageBox | None:
        """Ask before an order is thrown away (the box is returned for tests)."""
        order = self._selected()
        if order is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard order?"), "", parent=self)
        box.setObjectName("discardWaitingOrder")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Discard the order for {customer} ({total})? It has not been placed and "
                            "cannot be brought back.").format(customer=self._customer(order),
                                                              total=_yen(order)))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda button: button is discard and self._forget(order.key))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    # -- showing -------------------------------------------------------------------------------
    def _customer(self, order: WaitingOrder) -> str:
        return order.customer_name or self.tr("customer {id}").format(id=order.draft.customer_id)

    def row_text(self, order: WaitingOrder) -> str:
        items = sum(line.quantity for line in order.draft.lines)
        what = self.tr("{time} {customer}: {total}, quantity {items}").format(
            time=order.taken_at.astimezone().strftime("%H:%M"), customer=self._customer(order),
            items=items, total=_yen(order))
        if order.refused:
            return self.tr("Not placed: {order}: {reason}").format(order=what, reason=order.refused)
        return self.tr("Waiting for the store: {order}").format(order=what)

    def _refresh(self) -> None:
        current = self._selected()
        self.list.clear()
        for order in self.orders.values():
            item = QListWidgetItem(self.row_text(order))
            item.setData(Qt.ItemDataRole.UserRole, order.key)
            item.setToolTip(item.text())
            self.list.addItem(item)
            if order is current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.setVisible(bool(self.orders))
        self._update_buttons()

    def _update_buttons(self) -> None:
        order = self._selected()
        self.discard_button.setEnabled(order is not None and order.key not in self._in_flight)
        can_take = order is not None and order.key not in self._in_flight and self.form_empty()
        self.back_button.setEnabled(can_take)
        self.back_button.setToolTip("" if can_take or order is None else
                                    self.tr("Place or clear the order in the form first"))

    def form_changed(self) -> None:
        """The form filled or emptied: whether an order can go back into it."""
        self._update_buttons()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Orders waiting for the store"))
        self.back_button.setText(self.tr("Back to the form"))
        self.discard_button.setText(self.tr("Discard…"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the journal ---------------------------------------------------------------------------
    def _journal_error(self, exc: BaseException) -> None:  # on the journal's writer thread
        try:
            self.journalFailed.emit(bounded(str(exc), 200))
        except RuntimeError:  # the form is gone; the journal logged it
            pass

    def _journal_failed(self, message: str) -> None:
        self.trouble.emit(self.tr("Orders cannot be kept on this computer: {message}").format(message=message))

    def close_journal(self) -> None:
        self.journal.close()


def _yen(order: WaitingOrder) -> str:
    return f"¥{order.draft.total:,}"


def refusal_text(exc: OrderRejected) -> str:
    """Why a waiting order was not placed, in the operator's language, one line."""
    if isinstance(exc, OutOfStock):
        return translate("WaitingOrders", "{product}: another seat reserved the stock").format(product=exc.name)
    if isinstance(exc, ValidationFailed):
        return " / ".join(labels.say(m) for m in exc.errors.values())
    return bounded(str(exc), 200)
