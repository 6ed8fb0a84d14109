"""Order for delivery (endless aisle): lines, address, date and slot, payment, points.

Self-contained: give it a Store; set the customer and the call with methods. Every field
is checked before anything is saved and errors are shown on the field itself; the order
is placed in the background (stock reserved atomically). The parts: order_lines (the
products), order_address (where to), order_terms (when, payment, points), order_outbox
(what the OMS got), order_fields (errors on the fields).

An order draft keeps one key from its start until it is placed. It is journaled on this
computer before each attempt (order_waiting); when the store does not answer, the order
waits there, listed under the form, and is placed by itself once the store answers: the
key makes a later attempt find the order an earlier one placed, so it is placed once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cti_desk.domain.delivery import DeliveryCalendar, OrderDraft, points_earned, validate
from cti_desk.qt import labels
from cti_desk.qt.order_address import DeliveryAddress
from cti_desk.qt.order_fields import INVALID_STYLE, FieldErrors, Problem
from cti_desk.qt.order_form_waiting import WaitingOrdersInForm
from cti_desk.qt.order_lines import OrderLine, OrderLines
from cti_desk.qt.order_outbox import OutboxPanel
from cti_desk.qt.order_terms import DeliveryTerms
from cti_desk.qt.order_waiting import WaitingOrders
from cti_desk.qt.store_recovery import StoreRecovery
from cti_desk.qt.tasks import run_query
from cti_desk.services.inquiries import CallRef
from cti_desk.services.order_journal import OrderJournal, WaitingOrder
from cti_desk.services.order_outcome import StoreFailed, describe, new_draft_key
from cti_desk.services.orders import (
    CustomerForOrder,
    OrderRejected,
    OutOfStock,
    PlacedOrder,
    ValidationFailed,
    customer_for_order,
    japan_day,
    place_order,
    utcnow,
)
from cti_desk.services.outbox import OutboxDispatcher
from cti_desk.settings.paths import data_dir
from cti_desk.store.db import Store

log = logging.getLogger(__name__)


class OrderForm(WaitingOrdersInForm, QWidget):
    orderPlaced = Signal(str)  # order number (also when a retry found it placed)
    # An order that waited for the store is placed now: order number, the call it was taken on ("" if none).
    waitingOrderPlaced = Signal(str, str)
    stockChanged = Signal()  # this seat reserved stock or found it gone: inventory views reload

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        dispatcher: OutboxDispatcher | None = None,
        calendar: DeliveryCalendar | None = None,
        operator: str = "",
        outbox_poll_ms: int = 3000,
        journal: OrderJournal | None = None,
        recovery: StoreRecovery | None = None,
    ) -> None:
        """`dispatcher`: this seat sends orders to the OMS (the app starts and stops it);
        the form lists what it sends. Orders reach the outbox either way. `journal`:
        where orders wait for the store (default: the user data folder); `recovery`: the
        window's (the form makes its own without one)."""
        super().__init__(parent)
        self.setObjectName("orderForm")
        self.setStyleSheet(INVALID_STYLE)
        self.store = store
        self.calendar = calendar or DeliveryCalendar()
        self.operator = operator
        self._key = f"order-{id(self)}"
        self._customer: CustomerForOrder | None = None
        self._customer_id: int | None = None
        self._call: CallRef | None = None
        self._draft_key = new_draft_key()
        self._restoring: WaitingOrder | None = None  # taken back from the waiting list: fields follow
        self._restore_date = None  # its delivery date, chosen once its lines offer it
        self._restoring_lines: list = []
        self._last_order: PlacedOrder | None = None
        self._oms_status: str | None = None  # of the order just placed
        self._status: Callable[[], str] = lambda: ""
        self._placed_status: Callable[[], str] | None = None
        self.fields = FieldErrors()

        self.customer_label = QLabel()
        self.customer_label.setObjectName("orderCustomer")
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lines_box = OrderLines(store, self.fields, self._prefecture)
        self.lines_box.changed.connect(self._lines_changed)
        self.address_box = DeliveryAddress(self.fields)
        self.when_box = DeliveryTerms(self.fields, self.calendar)
        self.when_box.points.valueChanged.connect(self._update_totals)
        self.totals = QLabel()
        self.totals.setObjectName("orderTotals")
        self.totals.setStyleSheet("font-size: 14px; font-weight: bold")
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("orderSubmit")
        self.submit_button.setMinimumHeight(36)
        self.submit_button.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setObjectName("orderStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outbox_box = OutboxPanel(store, dispatcher, outbox_poll_ms)
        self.outbox_box.refreshed.connect(self._outbox_refreshed)
        self.recovery = recovery or StoreRecovery(store, self)
        self.waiting_box = WaitingOrders(store, journal or OrderJournal.in_folder(data_dir()),
                                         self.recovery, self.calendar)
        self.waiting_box.form_empty = lambda: not self._lines
        journal_of_form = self.waiting_box.journal  # its writer thread ends with the form
        self.waiting_box.destroyed.connect(lambda *_: journal_of_form.close())
        self.waiting_box.placed.connect(self._waiting_placed)
        self.waiting_box.refused.connect(self._waiting_refused)
        self.waiting_box.backToForm.connect(self.take_back)
        self.waiting_box.trouble.connect(lambda text: self._say(lambda: text))
        self.lines_box.changed.connect(self.waiting_box.form_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.lines_box)
        columns = QHBoxLayout()
        columns.addWidget(self.address_box, 3)
        right = QVBoxLayout()
        right.addWidget(self.when_box)
        right.addWidget(self.totals)
        right.addWidget(self.submit_button)
        right.addWidget(self.status)
        right.addStretch(1)
        columns.addLayout(right, 2)
        layout.addLayout(columns)
        layout.addWidget(self.waiting_box)
        layout.addWidget(self.outbox_box)

        # The parts' widgets, by the names automation and tests know.
        a = self.address_box
        self.address_combo, self.recipient, self.phone, self.postal_code = a.address_combo, a.recipient, a.phone, a.postal_code
        self.postal_button, self.prefecture, self.city, self.line1, self.line2 = (
            a.postal_button, a.prefecture, a.city, a.line1, a.line2)
        self.lookup_postal_code = a.lookup_postal_code
        self.lines_table, self.product_box = self.lines_box.table, self.lines_box.product_box
        self.add_product, self.reload_line = self.lines_box.add_product, self.lines_box.reload_line
        self.outbox_table, self.retry_button = self.outbox_box.table, self.outbox_box.retry_button
        self.retry_selected, self.refresh_outbox = self.outbox_box.retry_selected, self.outbox_box.refresh
        w = self.when_box
        self.delivery_date, self.slot, self.payment, self.points = w.delivery_date, w.slot, w.payment, w.points
        self.balance_label = w.balance_label
        self.dispatcher = dispatcher
        self.retranslate()
        self.waiting_box.restore()  # orders a crash or a quit left waiting: placed now

    @property
    def _lines(self) -> list[OrderLine]:
        return self.lines_box.lines

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the UI's language; what the operator entered stays as it is."""
        self.lines_box.retranslate()
        self.address_box.retranslate()
        self.outbox_box.retranslate()
        self.waiting_box.retranslate()
        self.when_box.retranslate()
        self.submit_button.setText(self.tr("Place order"))
        self._show_customer_labels()
        self._lines_changed()
        self.fields.retranslate()
        self.status.setText(self._status())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def status_label(self, status: str) -> str:
        """An outbox entry's state, in the operator's words."""
        return self.outbox_box.status_label(status)

    def _say(self, status: Callable[[], str]) -> None:
        """The status line; `status()` is asked again after a language switch."""
        self._status = status
        self.status.setText(status())

    # --- what the operator window / kiosk calls -------------------------------------

    def set_customer(self, customer_id: int | None) -> None:
        """The caller the order is for: addresses, phone and points load in the background.
        Another customer starts another order draft."""
        if customer_id != self._customer_id:
            self._new_draft()
        self._customer_id = customer_id
        self._customer = None
        if customer_id is None:
            self._show_customer(None)
            return
        self._reload_customer()

    def set_call(self, call: CallRef | None) -> None:
        """The call the order is taken on: the order joins its inquiry and keeps its id."""
        self._call = call

    def set_operator(self, name: str) -> None:
        self.operator = name

    def clear(self) -> None:
        self.lines_box.clear()
        self.points.setValue(0)
        self._show_errors({})
        self._lines_changed()

    def _new_draft(self) -> None:
        self._draft_key = new_draft_key()

    # --- customer -------------------------------------------------------------------------

    def _prefecture(self) -> str | None:
        return self.address_box.chosen_prefecture() or (self._customer.prefecture if self._customer else None)

    def _show_customer(self, customer: CustomerForOrder | None) -> None:
        self._customer = customer
        self.address_box.show_customer(customer)
        restoring, self._restoring = self._restoring, None
        if restoring is not None and customer is not None and customer.customer_id == restoring.draft.customer_id:
            self.address_box.show_draft(restoring.draft)  # where the order was going, as entered
        self._show_customer_labels()
        self._update_totals()

    def _show_customer_labels(self) -> None:
        c = self._customer
        if c is None:
            self.customer_label.setText(self.tr("Customer: —"))
        else:
            self.customer_label.setText(
                self.tr("Customer: {name} (ID {id})").format(name=c.name, id=c.customer_id))
        self.when_box.show_balance(c.points if c else None)

    # --- dates and totals -------------------------------------------------------------

    def _lines_changed(self) -> None:
        self.when_box.refill_dates(self.lines_box.lead_days())
        if self._restore_date is not None:
            index = self.delivery_date.findData(self._restore_date)
            if index >= 0:
                self.delivery_date.setCurrentIndex(index)
            if len(self._lines) >= len(self._restoring_lines):
                self._restore_date = None
        self._update_totals()

    def _update_totals(self) -> None:
        total = self.lines_box.total()
        used = self.points.value()
        paid = max(total - used, 0)
        self.totals.setText(self.tr("Total ¥{total}  Points −{used}  To pay ¥{paid}  Earns {earned} pt").format(
            total=f"{total:,}", used=f"{used:,}", paid=f"{paid:,}", earned=f"{points_earned(paid):,}"))

    # --- submit -------------------------------------------------------------------------

    def draft(self) -> OrderDraft:
        """What the operator entered, as the domain's order draft (no I/O)."""
        a = self.address_box
        return OrderDraft(
            customer_id=self._customer_id or 0, lines=self.lines_box.draft_lines(),
            recipient=a.recipient.text(), phone=a.phone.text(),
            postal_code=a.postal_code.text(), prefecture=a.prefecture.currentData() or "",
            city=a.city.text(), line1=a.line1.text(), line2=a.line2.text(),
            delivery_date=self.when_box.chosen_date(), slot=self.slot.currentData(),
            payment=self.payment.currentData(),
            points_to_use=self.points.value(), call_id=self._call.call_id if self._call else None,
            operator=self.operator,
        )

    def submit(self) -> None:
        draft = self.draft()
        balance = self._customer.points if self._customer else 0
        errors: dict[str, Problem] = dict(validate(draft, points_balance=balance, today=japan_day(utcnow()),
                                                   calendar=self.calendar).errors)
        if self._customer_id is None:
            errors["lines"] = errors.get("lines") or (lambda: self.tr("Choose the customer before ordering"))
        self._show_errors(errors)
        if errors:
            self._say_check(len(errors))
            return
        self.submit_button.setEnabled(False)
        self._say(lambda: self.tr("Reserving stock…"))
        store, calendar, key, call = self.store, self.calendar, self._draft_key, self._call
        order = WaitingOrder(key, draft, call, self._customer.name if self._customer else "")
        self.waiting_box.journal_attempt(order)  # on disk before the store is asked
        run_query(lambda: place_order(store, draft, key=key, call=call, calendar=calendar),
                  on_success=lambda placed: self._placed(placed, key),
                  on_failure=lambda exc: self._rejected(exc, order), key=self._key + "-submit", owner=self)

    def _say_check(self, count: int) -> None:
        self._say(lambda: self.tr("Please check the entries ({count})").format(count=count))

    def _placed(self, placed: PlacedOrder, key: str) -> None:
        self.waiting_box.attempt_done(key)
        self._last_order = placed
        self.submit_button.setEnabled(True)
        self._oms_status = "pending" if self.dispatcher is not None else None

        def status() -> str:
            if placed.found:
                text = self.tr("Order {order_no} was placed (the store's answer had been lost: it exists once)"
                               "  Delivery {date}  Total ¥{total}").format(
                    order_no=placed.order_no, date=labels.date_label(placed.delivery_date),
                    total=f"{placed.total:,}")
            else:
                text = self.tr("Order {order_no}  Delivery {date}  Total ¥{total}  Earns {earned} pt on delivery").format(
                    order_no=placed.order_no, date=labels.date_label(placed.delivery_date),
                    total=f"{placed.total:,}", earned=placed.points_earned)
            if self._oms_status:
                text = self.tr("{order}  OMS: {status}").format(order=text, status=self.status_label(self._oms_status))
            return text

        self._placed_status = status
        self._say(status)
        self._new_draft()
        self.clear()
        if self._customer_id is not None:
            self._reload_customer()  # the balance changed
        self.outbox_box.wake()
        self.stockChanged.emit()
        self.orderPlaced.emit(placed.order_no)

    def points_changed(self) -> None:
        """The balance moved outside the form (an order cancelled): the label and the
        points limit follow; the address being typed is left as it is."""
        store, customer_id = self.store, self._customer_id
        if customer_id is None:
            return

        def show(customer: CustomerForOrder | None) -> None:
            if customer is not None and customer.customer_id == self._customer_id:
                self._customer = customer
                self._show_customer_labels()
                self._update_totals()

        run_query(lambda: customer_for_order(store, customer_id), on_success=show,
                  on_failure=self._customer_failed, key=self._key + "-customer", owner=self)

    def _reload_customer(self) -> None:
        store, customer_id = self.store, self._customer_id
        run_query(lambda: customer_for_order(store, customer_id), on_success=self._show_customer,
                  on_failure=self._customer_failed, key=self._key + "-customer", owner=self)

    def _customer_failed(self, exc: BaseException) -> None:
        log.warning("customer %s not loaded for the order: %s", self._customer_id, describe(exc))
        self._say(lambda: self.tr(
            "The customer's addresses and points could not be loaded: the store did not answer. "
            "Open the customer again."))

    def _rejected(self, exc: BaseException, order: WaitingOrder) -> None:
        self.submit_button.setEnabled(True)
        if isinstance(exc, OrderRejected):
            self.waiting_box.attempt_done(order.key)  # nothing placed: the form shows why
        if isinstance(exc, OutOfStock):
            self._out_of_stock(exc)
        elif isinstance(exc, ValidationFailed):
            self._show_errors(dict(exc.errors))
            self._say_check(len(exc.errors))
        elif isinstance(exc, OrderRejected):
            log.error("order refused without a reason the form knows", exc_info=exc)
            self._say(lambda: self.tr("The order was not placed: {reason}").format(reason=str(exc)))
        else:  # the store did not answer (placed or not, the key settles it): it waits
            if not isinstance(exc, StoreFailed):
                log.error("placing an order failed unexpectedly", exc_info=exc)
            self._wait_for_store(order)

    def _out_of_stock(self, exc: OutOfStock) -> None:
        name = self.lines_box.take_suggestion(exc)

        def message() -> str:
            if name:
                return self.tr("Another seat reserved the stock. It can ship from {location} (source changed).").format(
                    location=name)
            return self.tr("Another seat reserved the stock. No other location has stock.")

        self._show_errors({exc.field: message})
        product = exc.name
        self._say(lambda: f"{product}: {message()}")
        self.stockChanged.emit()

    def _show_errors(self, errors: dict[str, Problem]) -> None:
        """Each message under its field (and on the field: red border, tooltip)."""
        self.fields.show(errors)
        self.lines_box.show_errors(errors)

    def errors(self) -> dict[str, str]:
        """Errors shown now, by field (for tests and automation)."""
        return self.fields.shown()

    # --- the OMS ------------------------------------------------------------------------

    def _outbox_refreshed(self) -> None:
        if self._last_order is None:
            return
        status = self.outbox_box.status_of(self._last_order.order_no)
        if status is not None and status != self._oms_status:
            self._oms_status = status
            if self._status is self._placed_status:
                self.status.setText(self._status())

    def outbox_status(self, order_no: str) -> str | None:
        return self.outbox_box.status_of(order_no)
