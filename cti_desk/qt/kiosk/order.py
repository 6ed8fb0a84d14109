"""The kiosk's order for home delivery (`kioskOrder`) in a few big steps: quantity, customer,
address, delivery day and time, payment, confirm. Each step is checked by the core's own
rules (domain.delivery.validate) for its own fields; the order is placed by
services.kiosk.place_kiosk_order (reservation, OMS outbox, audit) under one draft key,
so tapping Place order again after a lost answer never orders twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from cti_desk.domain.delivery import (
    DeliveryCalendar,
    OrderDraft,
    Payment,
    Slot,
    format_postal_code,
    validate,
)
from cti_desk.domain.kiosk import kiosk_payments, mask_name, mask_phone
from cti_desk.qt import labels
from cti_desk.qt.i18n import yen
from cti_desk.qt.kiosk import texts
from cti_desk.qt.kiosk.order_when import PaymentStep, QuantityStep, Step, WhenStep
from cti_desk.qt.kiosk.order_who import AddressStep, CustomerStep
from cti_desk.qt.kiosk.slip import Slip
from cti_desk.qt.kiosk.style import button, label
from cti_desk.qt.tasks import run_query
from cti_desk.services.inventory import ProductHit
from cti_desk.services.kiosk import (
    KioskShop,
    KioskStock,
    KioskStockRow,
    kiosk_stock,
    place_kiosk_order,
)
from cti_desk.services.order_outcome import StoreFailed, new_draft_key
from cti_desk.services.orders import OutOfStock, PlacedOrder, ValidationFailed

log = logging.getLogger(__name__)


class ConfirmStep(Step):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.captions = [label("note") for _ in range(6)]
        self.values = [label("", f"kioskSummary_{i}") for i in range(6)]
        for i, (c, v) in enumerate(zip(self.captions, self.values, strict=True)):
            self.grid.addWidget(c, i, 0)
            self.grid.addWidget(v, i, 1)
        self.grid.setColumnStretch(1, 1)
        self.place = button("kioskPlaceOrder", role="primary")
        self.place.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(self.place)

    def title(self) -> str:
        return self.tr("Check and place the order")

    def show_summary(self, rows: list[str]) -> None:
        for value, text in zip(self.values, rows, strict=True):
            value.setText(text)

    def reset(self) -> None:
        for v in self.values:
            v.setText("")

    def retranslate(self) -> None:
        for c, text in zip(self.captions, (self.tr("Product"), self.tr("Total"), self.tr("For"), self.tr("Deliver to"),
                                           self.tr("Delivery"), self.tr("Payment")), strict=True):
            c.setText(text)
        self.place.setText(self.tr("Place order"))


class OrderScreen(QWidget):
    placed = Signal(object)  # Slip
    cancelled = Signal()

    def __init__(self, store, shop: KioskShop, calendar: DeliveryCalendar, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOrder")
        self.store, self.shop, self.calendar, self.today = store, shop, calendar, today
        self.key: str | None = None
        self.quantity = QuantityStep()
        self.customer = CustomerStep(store, shop)
        self.address = AddressStep(self.customer)
        self.when = WhenStep(self.quantity, calendar)
        self.payment = PaymentStep()
        self.confirm = ConfirmStep()
        self.confirm.place.clicked.connect(self.place)
        self.steps: list[Step] = [self.quantity, self.customer, self.address, self.when, self.payment, self.confirm]
        self.pages = QStackedWidget()
        for step in self.steps:
            self.pages.addWidget(step)
        self.counter = label("note", "kioskOrderStep")
        self.heading = label("title", "kioskOrderTitle")
        self.problem = label("problem", "kioskOrderProblem")
        self.back = button("kioskOrderBack")
        self.back.clicked.connect(self.go_back)
        self.next = button("kioskOrderNext", role="primary")
        self.next.setMinimumWidth(280)
        self.next.clicked.connect(self.go_next)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        layout.addWidget(self.counter)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addLayout(nav)
        self.retranslate()

    # -- steps -----------------------------------------------------------------------------
    def start(self, product: ProductHit, rows: list[KioskStockRow], preferred: int | None) -> None:
        self.reset()
        self.key = new_draft_key()  # one per order: a retry finds the order instead of placing two
        self.quantity.start(product, rows, preferred)
        self.go(0)

    def step(self) -> Step:
        return self.steps[self.pages.currentIndex()]

    def go(self, index: int) -> None:
        if self.steps[index] is self.payment:
            self.payment.offer(kiosk_payments(guest=self.customer.is_guest()))
        self.pages.setCurrentIndex(index)
        self.step().enter()
        self.problem.setText("")
        if self.step() is self.confirm:
            self.confirm.show_summary(self._summary())
        self.next.setVisible(self.step() is not self.confirm)
        self._show_heading()

    def go_next(self) -> None:
        problems = self.problems(self.step())
        if problems:
            self.problem.setText("\n".join(problems))
            return
        self.go(min(self.pages.currentIndex() + 1, len(self.steps) - 1))

    def go_back(self) -> None:
        if self.pages.currentIndex() == 0:
            self.cancelled.emit()
        else:
            self.go(self.pages.currentIndex() - 1)

    def draft(self) -> OrderDraft:
        d = OrderDraft(customer_id=0, lines=[])
        for step in self.steps:
            step.fill(d)
        return d

    def problems(self, step: Step) -> list[str]:
        """What keeps `step` from being done: the screen's own check, then the core's rules
        for the step's fields only."""
        own = step.problem()
        if own:
            return [own]
        errors = validate(self.draft(), points_balance=0, today=self.today(), calendar=self.calendar).errors
        return [texts.say(m) for name, m in errors.items() if name in step.fields]

    def _summary(self) -> list[str]:
        d, q = self.draft(), self.quantity
        src = q.source()
        product = f"{q.product.name} × {q.quantity}" if q.product else ""
        if self.customer.is_guest():
            who = f"{mask_name(d.recipient)}   {mask_phone(d.phone)}"
        else:
            c = self.customer.customer
            who = f"{c.masked_name}   {c.masked_phone}" if c else ""
        street = self.tr("registered street address") if self.address.uses_member_street() else d.line1
        where = f"〒{format_postal_code(self.address.postal.text().replace('-', ''))} {d.prefecture}{d.city} {street} {d.line2}"
        when = f"{labels.date_label(d.delivery_date)}  {labels.slot_label(Slot(d.slot))}" if d.delivery_date else ""
        ships = self.tr("  (from {name})").format(name=src.name) if src else ""
        return [product + ships, yen(d.total), who, where.strip(), when, labels.payment_label(Payment(d.payment))]

    # -- placing -----------------------------------------------------------------------------
    def place(self) -> None:
        for i, step in enumerate(self.steps):
            problems = self.problems(step)
            if problems:
                self.go(i)
                self.problem.setText("\n".join(problems))
                return
        draft, store, shop, key = self.draft(), self.store, self.shop, self.key
        self.confirm.place.setEnabled(False)
        self.problem.setText(self.tr("Placing the order…"))
        run_query(lambda: place_kiosk_order(store, draft, shop, key), lambda placed: self._placed(draft, placed),
                  self._refused, key="kiosk-order", owner=self)

    def _placed(self, draft: OrderDraft, placed: PlacedOrder) -> None:
        q = self.quantity
        slip = Slip(placed.order_no, placed.delivery_date, draft.slot, q.product.name if q.product else "",
                    q.quantity, placed.total, draft.payment, self.shop.name)
        self.reset()  # the customer's details leave the screen with the order
        self.placed.emit(slip)

    def _refused(self, exc: BaseException) -> None:
        self.confirm.place.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            owner = next((i for i, s in enumerate(self.steps) if set(exc.errors) & s.fields), len(self.steps) - 1)
            self.go(owner)
            self.problem.setText("\n".join(texts.say(m) for m in exc.errors.values()))
        elif isinstance(exc, OutOfStock):
            self.problem.setText(self.tr("That stock was just taken by another order. Check the quantity and where it ships from."))
            self._reload_stock()
        elif isinstance(exc, StoreFailed):
            log.warning("kiosk order %s: %s", self.key, exc.detail)
            self.problem.setText(self.tr("The order could not be confirmed. Tap Place order again: it will not be placed twice."))
        else:
            log.warning("kiosk order failed: %s", type(exc).__name__)
            self.problem.setText(self.tr("The order could not be placed. Please try again."))

    def _reload_stock(self) -> None:
        product, store, shop, today = self.quantity.product, self.store, self.shop, self.today()
        if product is None:
            return
        run_query(lambda: kiosk_stock(store, product.id, shop, today), self._stock_again, key="kiosk-order-stock", owner=self)

    def _stock_again(self, stock: KioskStock | None) -> None:
        note, wanted = self.problem.text(), self.quantity.quantity
        self.quantity.start(self.quantity.product, stock.rows if stock else [], None)
        self.quantity.set_quantity(wanted)  # as many as asked, from the first row that has them
        self.go(0)
        self.problem.setText(note)

    # -- wipe --------------------------------------------------------------------------------
    def reset(self) -> None:
        self.key = None
        for step in self.steps:
            step.reset()
        self.problem.setText("")
        self.confirm.place.setEnabled(True)
        self.pages.setCurrentIndex(0)
        self._show_heading()

    def _show_heading(self) -> None:
        i = self.pages.currentIndex()
        self.counter.setText(self.tr("Step {n} of {total}").format(n=i + 1, total=len(self.steps)))
        self.heading.setText(self.step().title())

    def retranslate(self) -> None:
        for step in self.steps:
            step.retranslate()
        self.back.setText(self.tr("‹ Back"))
        self.next.setText(self.tr("Next ›"))
        self._show_heading()
        if self.step() is self.confirm:
            self.confirm.show_summary(self._summary())
