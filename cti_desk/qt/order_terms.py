"""When and how a delivery order is delivered and paid: the date (the earliest the
calendar allows first), the time slot, the payment and the points the customer uses."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from cti_desk.domain.delivery import DeliveryCalendar, Payment, Slot
from cti_desk.qt import labels
from cti_desk.qt.order_fields import FieldErrors, Rows
from cti_desk.services.orders import japan_day, utcnow


class DeliveryTerms(QGroupBox):
    def __init__(self, fields: FieldErrors, calendar: DeliveryCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self._lead_days = 0
        self.delivery_date = QComboBox()
        self.delivery_date.setObjectName("orderDeliveryDate")
        self.slot = QComboBox()
        self.slot.setObjectName("orderSlot")
        for value in Slot:
            self.slot.addItem(labels.slot_label(value), value.value)
        self.payment = QComboBox()
        self.payment.setObjectName("orderPayment")
        for value in Payment:
            self.payment.addItem(labels.payment_label(value), value.value)
        self.points = QSpinBox()
        self.points.setObjectName("orderPoints")
        self.points.setRange(0, 10_000_000)
        self.points.setSuffix(" pt")
        self.balance_label = QLabel()
        self._balance: int | None = None
        points_row = QHBoxLayout()
        points_row.addWidget(self.points)
        points_row.addWidget(self.balance_label)
        points_row.addStretch(1)
        self.rows = Rows(QFormLayout(self))
        for name, widget in (("delivery_date", self.delivery_date), ("slot", self.slot),
                             ("payment", self.payment), ("points", self.points)):
            fields.watch(name, widget)
        for name, content in (("delivery_date", self.delivery_date), ("slot", self.slot),
                              ("payment", self.payment), ("points", points_row)):
            self.rows.add(name, fields.with_error(name, content))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Delivery date, time and payment"))
        self.rows.name({"delivery_date": self.tr("Delivery date"), "slot": self.tr("Time slot"),
                        "payment": self.tr("Payment"), "points": self.tr("Points to use")})
        for i in range(self.slot.count()):
            self.slot.setItemText(i, labels.slot_label(Slot(self.slot.itemData(i))))
        for i in range(self.payment.count()):
            self.payment.setItemText(i, labels.payment_label(Payment(self.payment.itemData(i))))
        self.show_balance(self._balance)
        self.refill_dates(self._lead_days)

    def show_balance(self, points: int | None) -> None:
        self._balance = points
        if points is None:
            self.balance_label.setText(self.tr("Balance — pt"))
        else:
            self.balance_label.setText(self.tr("Balance {points} pt").format(points=f"{points:,}"))

    def refill_dates(self, lead_days: int) -> None:
        """The next two weeks' delivery days from the earliest the lines allow; the chosen
        day stays chosen while it is still offered."""
        self._lead_days = lead_days
        earliest = self.calendar.earliest(japan_day(utcnow()), lead_days)
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

    def chosen_date(self) -> date | None:
        return self.delivery_date.currentData()
