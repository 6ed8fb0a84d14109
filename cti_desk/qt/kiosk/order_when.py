"""The kiosk order's simple steps: how many (and from where), when it arrives, how it is
paid. Each step says which of the draft's fields (validation keys) are its own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from cti_desk.domain.delivery import (
    MAX_QUANTITY,
    DeliveryCalendar,
    DraftLine,
    OrderDraft,
    Payment,
    Slot,
    line_field,
)
from cti_desk.qt import labels
from cti_desk.qt.i18n import yen
from cti_desk.qt.kiosk import texts
from cti_desk.qt.kiosk.style import HUGE_PX, Choices, button, label
from cti_desk.services.inventory import ProductHit
from cti_desk.services.kiosk import KioskStockRow

DATE_CHOICES = 8  # the earliest delivery day and the week after it


class Step(QWidget):
    """What the order screen asks of each step."""

    fields: frozenset[str] = frozenset()

    def title(self) -> str:
        return ""

    def enter(self) -> None:
        """Shown (again): refresh what depends on earlier steps."""

    def problem(self) -> str | None:
        """What the screen itself knows is missing (before the core's validation)."""
        return None

    def fill(self, draft: OrderDraft) -> None:
        """Write this step's part into the draft."""

    def reset(self) -> None:
        pass

    def retranslate(self) -> None:
        pass


class QuantityStep(Step):
    """How many; it ships from the row the staff chose when that row has enough, else from
    the first row (in the kiosk's order of preference) that has."""

    fields = frozenset({"lines", line_field(0, "quantity"), line_field(0, "location"), line_field(0, "price")})
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product: ProductHit | None = None
        self.rows: list[KioskStockRow] = []
        self.preferred: int | None = None
        self.quantity = 1
        self.product_label = label("title", "kioskOrderProduct")
        self.minus = button("kioskQuantityMinus")
        self.minus.setText("−")
        self.plus = button("kioskQuantityPlus")
        self.plus.setText("+")
        for b in (self.minus, self.plus):
            b.setMinimumSize(120, 96)
            b.setStyleSheet(f"font-size: {HUGE_PX}px;")
        self.minus.clicked.connect(lambda: self.set_quantity(self.quantity - 1))
        self.plus.clicked.connect(lambda: self.set_quantity(self.quantity + 1))
        self.count = label("huge", "kioskQuantity")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setMinimumWidth(160)
        self.total = label("title", "kioskOrderTotal")
        self.source_label = label("", "kioskOrderSource")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.minus)
        row.addWidget(self.count)
        row.addWidget(self.plus)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.product_label)
        layout.addSpacing(20)
        layout.addLayout(row)
        layout.addWidget(self.total, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        layout.addWidget(self.source_label)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("How many?")

    def start(self, product: ProductHit, rows: list[KioskStockRow], preferred: int | None) -> None:
        self.product, self.rows, self.preferred = product, list(rows), preferred
        self.product_label.setText(product.name)
        self.set_quantity(1)

    def most(self) -> int:
        return min(max((r.available for r in self.rows), default=0), MAX_QUANTITY)

    def set_quantity(self, n: int) -> None:
        self.quantity = max(1, min(n, max(self.most(), 1)))
        self.minus.setEnabled(self.quantity > 1)
        self.plus.setEnabled(self.quantity < self.most())
        self._show()
        self.changed.emit()

    def source(self) -> KioskStockRow | None:
        if self.preferred is not None and 0 <= self.preferred < len(self.rows) \
                and self.rows[self.preferred].available >= self.quantity:
            return self.rows[self.preferred]
        return next((r for r in self.rows if r.available >= self.quantity), None)

    def _show(self) -> None:
        self.count.setText(str(self.quantity) if self.product else "")
        self.total.setText(self.tr("Total {amount}").format(amount=yen(self.quantity * self.product.price))
                           if self.product else "")
        src = self.source()
        if src is None:
            self.source_label.setText(self.tr("No location has that many.") if self.product else "")
        else:
            self.source_label.setText(self.tr("Ships from {place}: {name}. At the customer's home by {date}.").format(
                place=texts.place(src.place_label), name=src.name, date=labels.date_label(src.arrives)))

    def fill(self, draft: OrderDraft) -> None:
        if self.product is None:
            return
        src = self.source()
        draft.lines = [DraftLine(self.product.id, self.quantity, self.product.price,
                                 src.location_id if src is not None else None, name=self.product.name)]

    def reset(self) -> None:
        self.product, self.rows, self.preferred, self.quantity = None, [], None, 1
        self.product_label.setText("")
        self._show()

    def retranslate(self) -> None:
        self._show()


class WhenStep(Step):
    fields = frozenset({"delivery_date", "slot"})

    def __init__(self, quantity: QuantityStep, calendar: DeliveryCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quantity, self.calendar = quantity, calendar
        self._earliest: date | None = None
        self.day_title, self.slot_title = label("title"), label("title")
        self.days = Choices("kioskDeliveryDate", columns=4)
        self.slots = Choices("kioskSlot", columns=3)
        self.slots.set_options([(s.value, labels.slot_label(s)) for s in Slot], Slot.ANY.value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.day_title)
        layout.addWidget(self.days)
        layout.addSpacing(16)
        layout.addWidget(self.slot_title)
        layout.addWidget(self.slots)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("When should it arrive?")

    def enter(self) -> None:
        src = self.quantity.source()
        earliest = src.arrives if src is not None else None
        if earliest == self._earliest and self.days.buttons():
            return
        previous = self.days.value()
        self._earliest = earliest
        days = self.calendar.options(earliest, DATE_CHOICES) if earliest else []
        self.days.set_options([(d, self._day_text(d)) for d in days],
                              previous if previous in days else (days[0] if days else None))

    def _day_text(self, day: date) -> str:
        text = labels.date_label(day)
        return self.tr("{date}\nearliest").format(date=text) if day == self._earliest else text

    def fill(self, draft: OrderDraft) -> None:
        draft.delivery_date = self.days.value()
        draft.slot = self.slots.value() or ""

    def reset(self) -> None:
        self._earliest = None
        self.days.set_options([])
        self.slots.choose(Slot.ANY.value)

    def retranslate(self) -> None:
        self.day_title.setText(self.tr("Delivery date"))
        self.slot_title.setText(self.tr("Time"))
        self.days.relabel(self._day_text)
        self.slots.relabel(lambda v: labels.slot_label(Slot(v)))


class PaymentStep(Step):
    fields = frozenset({"payment", "points"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("title")
        self.choices = Choices("kioskPayment", columns=1)
        self._offered: tuple[Payment, ...] = ()
        self.offer(tuple(Payment))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.choices)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("How will it be paid?")

    def offer(self, payments: tuple[Payment, ...]) -> None:
        """Only what this customer can pay with (domain/kiosk.kiosk_payments)."""
        if payments == self._offered:
            return
        chosen = self.choices.value()
        self._offered = payments
        self.choices.set_options([(p.value, labels.payment_label(p)) for p in payments],
                                 chosen if chosen in {p.value for p in payments} else Payment.CASH_ON_DELIVERY.value)
        for b in self.choices.buttons():
            b.setMinimumHeight(88)

    def fill(self, draft: OrderDraft) -> None:
        draft.payment = self.choices.value() or ""

    def reset(self) -> None:
        self.choices.choose(Payment.CASH_ON_DELIVERY.value)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Payment"))
        self.choices.relabel(lambda v: labels.payment_label(Payment(v)))
