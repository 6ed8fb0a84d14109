"""Order for delivery (endless aisle): lines, address, date and slot, payment, points.

Self-contained: give it a Store; set the customer and the call with methods. Every
field is checked before anything is saved and errors are shown on the field itself;
the order is placed in the background (stock reserved atomically). With an OMS the
order also goes out through the outbox, whose entries are listed with a retry button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.delivery import (
    PREFECTURES,
    DeliveryCalendar,
    DraftLine,
    Message,
    OrderDraft,
    Payment,
    Slot,
    format_postal_code,
    line_field,
    normalize_postal_code,
    points_earned,
    suggest_source,
    validate,
)
from cti_desk.domain.phone import display as phone_display
from cti_desk.qt import labels
from cti_desk.qt.plaintext import tooltip
from cti_desk.qt.tasks import run_query
from cti_desk.services.inventory import LocationStock, ProductStock, find_products, stock_for
from cti_desk.services.orders import (
    CustomerForOrder,
    OutOfStock,
    PlacedOrder,
    ValidationFailed,
    customer_for_order,
    japan_day,
    order_number,
    place_order,
    postal_code_problem,
    utcnow,
)
from cti_desk.services.outbox import OutboxDispatcher, OutboxRow, list_outbox, retry_now
from cti_desk.services.postal import PostalAddress, PostalCodeError, lookup
from cti_desk.store.db import Store

INVALID_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] {
    border: 2px solid #c62828; background: #fff5f5;
}
QLabel[role="error"] { color: #c62828; }
"""
NEW_ADDRESS = -1
# What a field's error can be: the core's coded message, or text the form makes (a
# callable, so it is asked again in the new language after a switch).
Problem = Message | Callable[[], str] | None


def _text(problem: Problem) -> str:
    return problem() if callable(problem) else labels.say(problem)


def _mark(widget: QWidget, message: str | None) -> None:
    widget.setProperty("invalid", bool(message))
    widget.setToolTip(tooltip(message))
    widget.style().unpolish(widget)
    widget.style().polish(widget)


@dataclass
class _Line:
    product_id: int
    name: str
    price: int
    rows: list[LocationStock]
    quantity: QSpinBox
    source: QComboBox
    remove: QToolButton | None = None
    errors: dict[str, Problem] = field(default_factory=dict)  # "quantity" / "location"


class OrderForm(QWidget):
    orderPlaced = Signal(str)  # order number
    stockChanged = Signal()  # this seat reserved stock or found it gone: inventory views reload
    _outboxResult = Signal(str, str)  # from the dispatcher's thread

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        oms_url: str | None = None,
        dispatcher: OutboxDispatcher | None = None,
        calendar: DeliveryCalendar | None = None,
        operator: str = "",
        outbox_poll_ms: int = 3000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderForm")
        self.setStyleSheet(INVALID_STYLE)
        self.store = store
        self.calendar = calendar or DeliveryCalendar()
        self.operator = operator
        self._key = f"order-{id(self)}"
        self._customer: CustomerForOrder | None = None
        self._customer_id: int | None = None
        self._inquiry_id: int | None = None
        self._call_id: str | None = None
        self._lines: list[_Line] = []
        self._last_order: PlacedOrder | None = None
        self._owns_dispatcher = dispatcher is None and bool(oms_url)
        if self._owns_dispatcher:
            dispatcher = OutboxDispatcher(store, oms_url)
        self.dispatcher = dispatcher
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._problems: dict[str, Problem] = {}  # what each error label says, untranslated
        self._status: Callable[[], str] = lambda: ""
        self._oms_status: str | None = None  # of the order just placed
        self._placed_status: Callable[[], str] | None = None
        self._row_labels: dict[str, QLabel] = {}

        self.customer_label = QLabel()
        self.customer_label.setObjectName("orderCustomer")
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)

        # --- lines ---
        self.lines_table = QTableWidget(0, 6)
        self.lines_table.setObjectName("orderLines")
        self.lines_table.verticalHeader().hide()
        self.lines_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 70), (2, 90), (3, 270), (4, 90), (5, 60)):
            self.lines_table.setColumnWidth(col, width)  # cell widgets don't size their column
        self.lines_table.setMinimumHeight(110)
        self.product_box = QLineEdit()
        self.product_box.setObjectName("orderProductSearch")
        self.product_box.setMaxLength(200)
        self.product_box.returnPressed.connect(self._add_typed)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_typed)
        self.lines_box = QGroupBox()
        lines_layout = QVBoxLayout(self.lines_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.product_box, 1)
        add_row.addWidget(self.add_button)
        lines_layout.addLayout(add_row)
        lines_layout.addWidget(self.lines_table)
        lines_layout.addWidget(self._error_label("lines"))

        # --- address ---
        self.address_combo = QComboBox()
        self.address_combo.setObjectName("orderAddressChoice")
        self.address_combo.currentIndexChanged.connect(self._address_chosen)
        self.recipient = self._line_edit("recipient", 200)
        self.phone = self._line_edit("phone", 30)
        self.postal_code = self._line_edit("postal_code", 10)
        self.postal_code.editingFinished.connect(self._postal_finished)
        self.postal_button = QPushButton()
        self.postal_button.setObjectName("orderPostalLookup")
        self.postal_button.clicked.connect(self.lookup_postal_code)
        self.prefecture = QComboBox()
        self.prefecture.setObjectName("orderPrefecture")
        self.prefecture.addItem("", "")
        for pref in PREFECTURES:
            self.prefecture.addItem(pref, pref)
        self._widgets["prefecture"] = self.prefecture
        self.city = self._line_edit("city", 100)
        self.line1 = self._line_edit("line1", 200)
        self.line2 = self._line_edit("line2", 200)
        self.address_box = QGroupBox()
        form = QFormLayout(self.address_box)
        self._row(form, "address_book", self.address_combo)
        self._row(form, "recipient", self._with_error("recipient", self.recipient))
        self._row(form, "phone", self._with_error("phone", self.phone))
        postal_row = QHBoxLayout()
        postal_row.addWidget(self.postal_code)
        postal_row.addWidget(self.postal_button)
        postal_row.addStretch(1)
        self._row(form, "postal_code", self._with_error("postal_code", postal_row))
        self._row(form, "prefecture", self._with_error("prefecture", self.prefecture))
        self._row(form, "city", self._with_error("city", self.city))
        self._row(form, "line1", self._with_error("line1", self.line1))
        self._row(form, "line2", self._with_error("line2", self.line2))

        # --- date, slot, payment, points ---
        self.delivery_date = QComboBox()
        self.delivery_date.setObjectName("orderDeliveryDate")
        self._widgets["delivery_date"] = self.delivery_date
        self.slot = QComboBox()
        self.slot.setObjectName("orderSlot")
        for value in Slot:
            self.slot.addItem(labels.slot_label(value), value.value)
        self._widgets["slot"] = self.slot
        self.payment = QComboBox()
        self.payment.setObjectName("orderPayment")
        for value in Payment:
            self.payment.addItem(labels.payment_label(value), value.value)
        self._widgets["payment"] = self.payment
        self.points = QSpinBox()
        self.points.setObjectName("orderPoints")
        self.points.setRange(0, 10_000_000)
        self.points.setSuffix(" pt")
        self.points.valueChanged.connect(self._update_totals)
        self._widgets["points"] = self.points
        self.balance_label = QLabel()
        points_row = QHBoxLayout()
        points_row.addWidget(self.points)
        points_row.addWidget(self.balance_label)
        points_row.addStretch(1)
        self.when_box = QGroupBox()
        when = QFormLayout(self.when_box)
        self._row(when, "delivery_date", self._with_error("delivery_date", self.delivery_date))
        self._row(when, "slot", self._with_error("slot", self.slot))
        self._row(when, "payment", self._with_error("payment", self.payment))
        self._row(when, "points", self._with_error("points", points_row))

        # --- totals, submit, status ---
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

        # --- outbox (only with an OMS) ---
        self.outbox_table = QTableWidget(0, 5)
        self.outbox_table.setObjectName("orderOutbox")
        self.outbox_table.verticalHeader().hide()
        self.outbox_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outbox_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Widths from the font (see _size_outbox_columns), the error takes the rest: resizing to
        # contents re-measured every cell at each refresh of the outbox.
        self.outbox_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.outbox_table.horizontalHeader().setStretchLastSection(True)
        self.outbox_table.setMaximumHeight(130)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("outboxRetry")
        self.retry_button.clicked.connect(self.retry_selected)
        self.outbox_box = QGroupBox()
        outbox_layout = QVBoxLayout(self.outbox_box)
        outbox_layout.addWidget(self.outbox_table)
        outbox_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignRight)
        self.outbox_box.setVisible(self.dispatcher is not None)
        self.outbox_box.setMaximumHeight(200)
        self._outbox_rows: list[OutboxRow] = []

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
        layout.addWidget(self.outbox_box)

        self.address_combo.addItem("", NEW_ADDRESS)
        self.retranslate()
        if self.dispatcher is not None:
            self._outboxResult.connect(lambda *_: self.refresh_outbox())
            if self.dispatcher.on_result is None:
                self.dispatcher.on_result = self._outboxResult.emit
            if self._owns_dispatcher:
                self.dispatcher.start()
            self._outbox_timer = QTimer(self)
            self._outbox_timer.setInterval(outbox_poll_ms)
            self._outbox_timer.timeout.connect(self.refresh_outbox)
            self._outbox_timer.start()
            self.refresh_outbox()

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the UI's language; what the operator entered stays as it is."""
        self.lines_table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Unit price"), self.tr("Ships from"), self.tr("Subtotal"), ""])
        self.product_box.setPlaceholderText(self.tr("Add by SKU, JAN or product name"))
        self.add_button.setText(self.tr("Add"))
        self.lines_box.setTitle(self.tr("Products"))
        self.postal_code.setPlaceholderText(self.tr("e.g. 100-0001"))
        self.postal_button.setText(self.tr("Find address"))
        self.line1.setPlaceholderText(self.tr("Street number, building, room"))
        self.address_box.setTitle(self.tr("Deliver to"))
        self.when_box.setTitle(self.tr("Delivery date, time and payment"))
        rows = {
            "address_book": self.tr("Address book"), "recipient": self.tr("Name"), "phone": self.tr("Phone"),
            "postal_code": self.tr("Postal code"), "prefecture": self.tr("Prefecture"),
            "city": self.tr("City, ward, town"), "line1": self.tr("Street and building"),
            "line2": self.tr("Building name etc."), "delivery_date": self.tr("Delivery date"),
            "slot": self.tr("Time slot"), "payment": self.tr("Payment"), "points": self.tr("Points to use"),
        }
        for key, label in self._row_labels.items():
            label.setText(rows[key])
        for i in range(self.slot.count()):
            self.slot.setItemText(i, labels.slot_label(Slot(self.slot.itemData(i))))
        for i in range(self.payment.count()):
            self.payment.setItemText(i, labels.payment_label(Payment(self.payment.itemData(i))))
        self.address_combo.setItemText(self.address_combo.findData(NEW_ADDRESS), self.tr("New address"))
        self.submit_button.setText(self.tr("Place order"))
        self.outbox_table.setHorizontalHeaderLabels(
            [self.tr("Order no."), self.tr("OMS"), self.tr("Attempts"), self.tr("Next try"), self.tr("Error")])
        self._size_outbox_columns()
        self.retry_button.setText(self.tr("Retry now"))
        self.outbox_box.setTitle(self.tr("Sending to the order management system (OMS)"))
        self._show_customer_labels()
        for line in self._lines:
            if line.remove is not None:
                line.remove.setText(self.tr("Remove"))
            for i, r in enumerate(line.rows, start=1):
                line.source.setItemText(i, self._source_text(r))
            line.source.setItemText(0, self.tr("— choose where it ships from —"))
        self._refill_dates()
        self._update_totals()
        for name, problem in list(self._problems.items()):
            self._set_error(name, problem)
        self._mark_lines()
        self.status.setText(self._status())
        if self._outbox_rows:
            self._show_outbox(self._outbox_rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _size_outbox_columns(self) -> None:
        fm, header = self.outbox_table.fontMetrics(), self.outbox_table.horizontalHeader()
        pad = 3 * fm.horizontalAdvance("0")
        samples = (
            [order_number(date(2026, 12, 31), 999_999)],
            [self.status_label(s) for s in ("pending", "sent", "failed")],
            ["000"],
            ["00:00:00"],
        )
        for column, texts in enumerate(samples):
            title = header.fontMetrics().horizontalAdvance(self.outbox_table.horizontalHeaderItem(column).text())
            header.resizeSection(column, max(title, *(fm.horizontalAdvance(t) for t in texts)) + pad)

    def status_label(self, status: str) -> str:
        """An outbox entry's state, in the operator's words."""
        return {"pending": self.tr("Waiting to send"), "sent": self.tr("Sent"),
                "failed": self.tr("Needs attention (send failed)")}.get(status, status)

    # --- building blocks ----------------------------------------------------------

    def _row(self, form: QFormLayout, key: str, field_widget: QWidget) -> None:
        label = QLabel()
        self._row_labels[key] = label
        form.addRow(label, field_widget)

    def _line_edit(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"order_{name}")
        edit.setMaxLength(limit)
        self._widgets[name] = edit
        return edit

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setProperty("role", "error")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.hide()
        self._errors[name] = label
        return label

    def _with_error(self, name: str, content) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        if isinstance(content, QWidget):
            v.addWidget(content)
        else:
            v.addLayout(content)
        v.addWidget(self._error_label(name))
        return box

    def _say(self, status: Callable[[], str]) -> None:
        """The status line; `status()` is asked again after a language switch."""
        self._status = status
        self.status.setText(status())

    # --- what the operator window / kiosk calls -------------------------------------

    def set_customer(self, customer_id: int | None) -> None:
        """The caller the order is for: addresses, phone and points load in the background."""
        self._customer_id = customer_id
        self._customer = None
        if customer_id is None:
            self._show_customer(None)
            return
        store = self.store
        run_query(lambda: customer_for_order(store, customer_id),
                  on_success=self._show_customer, key=self._key + "-customer", owner=self)

    def set_call(self, inquiry_id: int | None, call_id: str | None = None) -> None:
        """Link the order to the call it is taken on."""
        self._inquiry_id, self._call_id = inquiry_id, call_id

    def set_operator(self, name: str) -> None:
        self.operator = name

    def add_product(self, product_id: int, quantity: int = 1, location_id: int | None = None) -> None:
        """Add a line; the source is the nearest location with stock unless one is given."""
        store, pref = self.store, self._prefecture()

        def load():
            with store.session() as s:
                return stock_for(s, product_id, pref)

        run_query(load, on_success=lambda st: self._append_line(st, quantity, location_id),
                  on_failure=self._failed, owner=self)

    def clear(self) -> None:
        self.lines_table.setRowCount(0)
        self._lines.clear()
        self.points.setValue(0)
        self._show_errors({})
        self._refill_dates()
        self._update_totals()

    def shutdown(self) -> None:
        """Stop the dispatcher this form started (the app calls it on quit)."""
        if self._owns_dispatcher and self.dispatcher is not None:
            # Quitting must not hang on a slow OMS: a send still in flight is abandoned
            # with the process; its row's lease runs out and the next start resends it
            # under the same Idempotency-Key, which the OMS deduplicates.
            self.dispatcher.stop(timeout=1.0)

    # --- customer and address --------------------------------------------------------

    def _prefecture(self) -> str | None:
        return self.prefecture.currentData() or (self._customer.prefecture if self._customer else None)

    def _show_customer(self, customer: CustomerForOrder | None) -> None:
        self._customer = customer
        self.address_combo.blockSignals(True)
        self.address_combo.clear()
        if customer is not None:
            for a in customer.addresses:
                self.address_combo.addItem(
                    f"{a['label']}: 〒{format_postal_code(a['postal_code'])} {a['prefecture']}{a['city']}{a['line1']}",
                    a["id"],
                )
        self.address_combo.addItem(self.tr("New address"), NEW_ADDRESS)
        self.address_combo.blockSignals(False)
        self._show_customer_labels()
        if customer is None:
            self._fill_address(None)
            self._update_totals()
            return
        self.recipient.setText(customer.name)
        self.phone.setText(phone_display(customer.phone))
        self.address_combo.setCurrentIndex(0)
        self._address_chosen(0)
        self._update_totals()

    def _show_customer_labels(self) -> None:
        c = self._customer
        if c is None:
            self.customer_label.setText(self.tr("Customer: —"))
            self.balance_label.setText(self.tr("Balance — pt"))
        else:
            self.customer_label.setText(
                self.tr("Customer: {name} (ID {id})").format(name=c.name, id=c.customer_id))
            self.balance_label.setText(self.tr("Balance {points} pt").format(points=f"{c.points:,}"))

    def _address_chosen(self, index: int) -> None:
        address_id = self.address_combo.itemData(index)
        if self._customer is None or address_id in (None, NEW_ADDRESS):
            self._fill_address(None)
            return
        for a in self._customer.addresses:
            if a["id"] == address_id:
                self._fill_address(a)

    def _fill_address(self, a: dict | None) -> None:
        a = a or {}
        self.postal_code.setText(format_postal_code(a.get("postal_code", "")))
        self.prefecture.setCurrentIndex(max(self.prefecture.findData(a.get("prefecture", "")), 0))
        self.city.setText(a.get("city", ""))
        self.line1.setText(a.get("line1", ""))
        self.line2.setText(a.get("line2", ""))

    def _postal_finished(self) -> None:
        if normalize_postal_code(self.postal_code.text()) is not None:
            self.lookup_postal_code()

    def lookup_postal_code(self) -> None:
        """Japanese postal code -> prefecture and city filled in; a bad code is said on the field."""
        text = self.postal_code.text()
        run_query(lambda: lookup(text), on_success=self._postal_found,
                  on_failure=lambda exc: self._postal_failed(text, exc), key=self._key + "-postal", owner=self)

    def _postal_found(self, found: PostalAddress) -> None:
        self._set_error("postal_code", None)
        self.postal_code.setText(format_postal_code(found.postal_code))
        self.prefecture.setCurrentIndex(max(self.prefecture.findData(found.prefecture), 0))
        self.city.setText(found.city + found.town)
        self.line1.setFocus()

    def _postal_failed(self, text: str, exc: BaseException) -> None:
        if isinstance(exc, PostalCodeError):
            self._set_error("postal_code", postal_code_problem(text))
        else:
            self._set_error("postal_code", lambda: self.tr("Cannot look the address up"))

    # --- lines ------------------------------------------------------------------------

    def _add_typed(self) -> None:
        text = self.product_box.text().strip()
        if not text:
            return
        store = self.store

        def load():
            with store.session() as s:
                return find_products(s, text, limit=2)

        def found(result):
            if result.error:
                self._set_error("lines", result.error)
            elif len(result.hits) > 1:
                self._set_error("lines", lambda: self.tr(
                    "Several products match: choose one in the stock lookup"))
            else:
                self.product_box.clear()
                self.add_product(result.hits[0].id)

        run_query(load, on_success=found, on_failure=self._failed, owner=self)

    def _append_line(self, stock: ProductStock | None, quantity: int, location_id: int | None) -> None:
        if stock is None:
            self._set_error("lines", lambda: self.tr("Product not found"))
            return
        self._set_error("lines", None)
        for line in self._lines:  # the same product again: one more of it
            if line.product_id == stock.product.id:
                line.quantity.setValue(line.quantity.value() + quantity)
                return
        row = self.lines_table.rowCount()
        self.lines_table.insertRow(row)
        name_item = QTableWidgetItem(stock.product.name)
        self.lines_table.setItem(row, 0, name_item)
        spin = QSpinBox()
        spin.setRange(0, 999)
        spin.setValue(quantity)
        source = QComboBox()
        line = _Line(stock.product.id, stock.product.name, stock.product.price, stock.rows, spin, source)
        self._lines.append(line)
        self._fill_sources(line, location_id if location_id and location_id > 0 else None)
        spin.valueChanged.connect(lambda _v, ln=line: self._quantity_changed(ln))
        source.currentIndexChanged.connect(lambda _i: self._sources_changed())
        self.lines_table.setCellWidget(row, 1, spin)
        price_item = QTableWidgetItem(f"¥{stock.product.price:,}")
        price_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.lines_table.setItem(row, 2, price_item)
        self.lines_table.setCellWidget(row, 3, source)
        self.lines_table.setItem(row, 4, QTableWidgetItem())
        remove = line.remove = QToolButton(text=self.tr("Remove"))
        remove.clicked.connect(lambda _=False, ln=line: self._remove_line(ln))
        self.lines_table.setCellWidget(row, 5, remove)
        self._sources_changed()

    def _fill_sources(self, line: _Line, location_id: int | None) -> None:
        line.source.blockSignals(True)
        line.source.clear()
        line.source.addItem(self.tr("— choose where it ships from —"), None)
        for r in line.rows:
            line.source.addItem(self._source_text(r), r.location_id)
        chosen = location_id
        if chosen is None:
            suggestion = suggest_source([r.as_option() for r in line.rows], line.quantity.value())
            chosen = suggestion.location_id if suggestion else None
        line.source.setCurrentIndex(max(line.source.findData(chosen), 0) if chosen is not None else 0)
        line.source.blockSignals(False)

    def _source_text(self, r: LocationStock) -> str:
        return self.tr("{name} ({available} available, {days} d)").format(
            name=r.name, available=r.available, days=r.lead_days)

    def _quantity_changed(self, line: _Line) -> None:
        current = line.source.currentData()
        row = next((r for r in line.rows if r.location_id == current), None)
        if row is not None and row.available < line.quantity.value():
            self._fill_sources(line, None)  # not enough there any more: suggest again
        self._sources_changed()

    def _remove_line(self, line: _Line) -> None:
        index = self._lines.index(line)
        self._lines.pop(index)
        self.lines_table.removeRow(index)
        self._sources_changed()

    def _sources_changed(self) -> None:
        self._refill_dates()
        self._update_totals()

    def _lead_days(self) -> int:
        lead = 0
        for line in self._lines:
            row = next((r for r in line.rows if r.location_id == line.source.currentData()), None)
            if row is not None:
                lead = max(lead, row.lead_days)
        return lead

    def _refill_dates(self) -> None:
        earliest = self.calendar.earliest(japan_day(utcnow()), self._lead_days())
        previous = self.delivery_date.currentData()
        self.delivery_date.blockSignals(True)
        self.delivery_date.clear()
        for day in self.calendar.options(earliest, 14):
            text = labels.date_label(day)
            if day == earliest:
                text = self.tr("Earliest {date}").format(date=text)
            self.delivery_date.addItem(text, day)
        index = self.delivery_date.findData(previous) if previous else -1
        self.delivery_date.setCurrentIndex(max(index, 0))
        self.delivery_date.blockSignals(False)

    def _update_totals(self) -> None:
        total = sum(line.price * line.quantity.value() for line in self._lines)
        for i, line in enumerate(self._lines):
            item = self.lines_table.item(i, 4)
            if item is not None:
                item.setText(f"¥{line.price * line.quantity.value():,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        used = self.points.value()
        paid = max(total - used, 0)
        self.totals.setText(self.tr("Total ¥{total}  Points −{used}  To pay ¥{paid}  Earns {earned} pt").format(
            total=f"{total:,}", used=f"{used:,}", paid=f"{paid:,}", earned=f"{points_earned(paid):,}"))

    # --- submit -------------------------------------------------------------------------

    def draft(self) -> OrderDraft:
        """What the operator entered, as the domain's order draft (no I/O)."""
        lines = []
        for line in self._lines:
            loc = line.source.currentData()
            row = next((r for r in line.rows if r.location_id == loc), None)
            lines.append(DraftLine(line.product_id, line.quantity.value(), line.price, loc,
                                   lead_days=row.lead_days if row else 0, name=line.name))
        chosen: date | None = self.delivery_date.currentData()
        return OrderDraft(
            customer_id=self._customer_id or 0, lines=lines,
            recipient=self.recipient.text(), phone=self.phone.text(),
            postal_code=self.postal_code.text(), prefecture=self.prefecture.currentData() or "",
            city=self.city.text(), line1=self.line1.text(), line2=self.line2.text(),
            delivery_date=chosen, slot=self.slot.currentData(), payment=self.payment.currentData(),
            points_to_use=self.points.value(), inquiry_id=self._inquiry_id, call_id=self._call_id,
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
        store, calendar = self.store, self.calendar
        run_query(lambda: place_order(store, draft, calendar=calendar),
                  on_success=self._placed, on_failure=self._rejected, key=self._key + "-submit", owner=self)

    def _say_check(self, count: int) -> None:
        self._say(lambda: self.tr("Please check the entries ({count})").format(count=count))

    def _placed(self, placed: PlacedOrder) -> None:
        self._last_order = placed
        self.submit_button.setEnabled(True)
        self._oms_status = "pending" if placed.outbox_id else None

        def status() -> str:
            text = self.tr("Order {order_no}  Delivery {date}  Total ¥{total}  Earned {earned} pt").format(
                order_no=placed.order_no, date=labels.date_label(placed.delivery_date),
                total=f"{placed.total:,}", earned=placed.points_earned)
            if self._oms_status:
                text = self.tr("{order}  OMS: {status}").format(order=text, status=self.status_label(self._oms_status))
            return text

        self._placed_status = status
        self._say(status)
        self.clear()
        if self._customer_id is not None:
            self.set_customer(self._customer_id)  # the balance changed
        if self.dispatcher is not None:
            self.dispatcher.wake()
            self.refresh_outbox()
        self.stockChanged.emit()
        self.orderPlaced.emit(placed.order_no)

    def _rejected(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        if isinstance(exc, OutOfStock):
            self._out_of_stock(exc)
        elif isinstance(exc, ValidationFailed):
            self._show_errors(dict(exc.errors))
            self._say_check(len(exc.errors))
        else:
            self._failed(exc)

    def _out_of_stock(self, exc: OutOfStock) -> None:
        line = self._lines[exc.line_index] if exc.line_index < len(self._lines) else None
        name = None
        if line is not None:
            suggested = exc.suggestion.location_id if exc.suggestion else None
            self._fill_sources(line, suggested)
            name = next((r.name for r in line.rows if r.location_id == suggested), None)
            self.reload_line(line)  # fresh figures in the source list

        def message() -> str:
            if name:
                return self.tr("Another seat reserved the stock. It can ship from {location} (source changed).").format(
                    location=name)
            return self.tr("Another seat reserved the stock. No other location has stock.")

        self._show_errors({exc.field: message})
        product = exc.name
        self._say(lambda: f"{product}: {message()}")
        self.stockChanged.emit()

    def reload_line(self, line: _Line) -> None:
        """Reload one line's stock figures; keep its source if it still has enough."""
        store, pref, pid = self.store, self._prefecture(), line.product_id

        def load():
            with store.session() as s:
                return stock_for(s, pid, pref)

        def show(stock: ProductStock | None):
            if stock is None or line not in self._lines:
                return
            line.rows = stock.rows
            current = line.source.currentData()
            row = next((r for r in stock.rows if r.location_id == current), None)
            keep = current if row is not None and row.available >= line.quantity.value() else None
            self._fill_sources(line, keep)
            self._sources_changed()

        run_query(load, on_success=show, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        self._say(lambda: self.tr("Could not be done: {error}").format(error=detail))

    def _set_error(self, name: str, problem: Problem) -> None:
        self._problems[name] = problem
        text = _text(problem)
        label = self._errors.get(name)
        if label is not None:
            label.setText(text)
            label.setVisible(bool(text))
        widget = self._widgets.get(name)
        if widget is not None:
            _mark(widget, text)

    def _mark_lines(self) -> None:
        for line in self._lines:
            _mark(line.quantity, _text(line.errors.get("quantity")))
            _mark(line.source, _text(line.errors.get("location")))

    def _show_errors(self, errors: dict[str, Problem]) -> None:
        """Each message under its field (and on the field: red border, tooltip)."""
        for name in set(self._errors) | set(self._widgets):
            self._set_error(name, errors.get(name))
        per_line: list[tuple[int, str, Problem]] = []
        for i, line in enumerate(self._lines):
            line.errors = {part: errors.get(line_field(i, part)) for part in ("quantity", "location")}
            per_line += [(i, line.name, p) for p in line.errors.values() if p]
        self._mark_lines()
        other = [p for key, p in errors.items()
                 if key.startswith("line") and "." in key and key.split(".")[1] not in ("quantity", "location")]
        if per_line or other or errors.get("lines"):
            first = errors.get("lines")

            def lines_text() -> str:
                parts = [_text(first)] if first else []
                parts += [self.tr("Line {n} {name}: {message}").format(n=i + 1, name=name, message=_text(p))
                          for i, name, p in per_line]
                return "\n".join(parts + [_text(p) for p in other])

            self._set_error("lines", lines_text)

    def errors(self) -> dict[str, str]:
        """Errors shown now, by field (for tests and automation)."""
        return {name: label.text() for name, label in self._errors.items() if label.text()}

    # --- outbox -------------------------------------------------------------------------

    def refresh_outbox(self) -> None:
        if self.dispatcher is None:
            return
        store = self.store
        run_query(lambda: list_outbox(store, 20), on_success=self._show_outbox,
                  key=self._key + "-outbox", owner=self)

    def _show_outbox(self, rows: list[OutboxRow]) -> None:
        self._outbox_rows = rows
        selected = {i.row() for i in self.outbox_table.selectionModel().selectedRows()}
        self.outbox_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            next_at = "" if r.status != "pending" else r.next_attempt_at.strftime("%H:%M:%S")
            for col, text in enumerate((r.key, self.status_label(r.status), str(r.attempts),
                                        next_at, r.last_error[:200])):
                self.outbox_table.setItem(i, col, QTableWidgetItem(text))
        for i in selected:
            if i < len(rows):
                self.outbox_table.selectRow(i)
        if self._last_order is not None:
            mine = next((r for r in rows if r.key == self._last_order.order_no), None)
            if mine is not None and mine.status != self._oms_status:
                self._oms_status = mine.status
                if self._status is self._placed_status:
                    self.status.setText(self._status())

    def outbox_status(self, order_no: str) -> str | None:
        return next((r.status for r in self._outbox_rows if r.key == order_no), None)

    def retry_selected(self) -> None:
        rows = self.outbox_table.selectionModel().selectedRows()
        targets = [self._outbox_rows[i.row()] for i in rows if i.row() < len(self._outbox_rows)]
        if not targets:
            targets = [r for r in self._outbox_rows if r.status == "failed"]
        if not targets:
            return
        store, dispatcher = self.store, self.dispatcher

        def work():
            for r in targets:
                retry_now(store, r.id)
            if dispatcher is not None:
                dispatcher.wake()

        run_query(work, on_success=lambda _r: self.refresh_outbox(), owner=self)
