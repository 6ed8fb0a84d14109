"""The Qt-free core's words in the UI's language.

The core (domain, services) speaks English and gives every message a stable code; it
cannot import Qt. The lists below repeat those English texts inside QT_TRANSLATE_NOOP so
that pyside6-lupdate collects them, and the functions translate them when shown, so a
live language switch only needs the widgets to ask again. tests/gui/test_translations.py keeps
the lists in step with the core's catalogues.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cti_desk.domain import delivery
from cti_desk.domain.delivery import (
    NEARNESS_LABELS,
    PAYMENT_LABELS,
    SLOT_LABELS,
    Message,
    Nearness,
    Payment,
    Slot,
)

LABEL_CONTEXT = "delivery"
MESSAGE_CONTEXT = "messages"

LABELS = (
    # delivery.SLOT_LABELS
    QT_TRANSLATE_NOOP("delivery", "Any time"),
    QT_TRANSLATE_NOOP("delivery", "Morning"),
    QT_TRANSLATE_NOOP("delivery", "14:00–16:00"),
    QT_TRANSLATE_NOOP("delivery", "16:00–18:00"),
    QT_TRANSLATE_NOOP("delivery", "18:00–20:00"),
    QT_TRANSLATE_NOOP("delivery", "19:00–21:00"),
    # delivery.PAYMENT_LABELS
    QT_TRANSLATE_NOOP("delivery", "Cash on delivery"),
    QT_TRANSLATE_NOOP("delivery", "Card on file"),
    QT_TRANSLATE_NOOP("delivery", "Invoice"),
    # delivery.NEARNESS_LABELS
    QT_TRANSLATE_NOOP("delivery", "Same prefecture"),
    QT_TRANSLATE_NOOP("delivery", "Same region"),
    QT_TRANSLATE_NOOP("delivery", "Warehouse"),
    QT_TRANSLATE_NOOP("delivery", "EC stock"),
    QT_TRANSLATE_NOOP("delivery", "Shop in another region"),
    # delivery.WEEKDAYS
    QT_TRANSLATE_NOOP("delivery", "Mon"),
    QT_TRANSLATE_NOOP("delivery", "Tue"),
    QT_TRANSLATE_NOOP("delivery", "Wed"),
    QT_TRANSLATE_NOOP("delivery", "Thu"),
    QT_TRANSLATE_NOOP("delivery", "Fri"),
    QT_TRANSLATE_NOOP("delivery", "Sat"),
    QT_TRANSLATE_NOOP("delivery", "Sun"),
)

MESSAGES = (
    # delivery.VALIDATION_TEXTS
    QT_TRANSLATE_NOOP("messages", "Add at least one product"),
    QT_TRANSLATE_NOOP("messages", "The quantity must be at least 1"),
    QT_TRANSLATE_NOOP("messages", "The quantity must be at most {max}"),
    QT_TRANSLATE_NOOP("messages", "Choose where it ships from (no location has stock)"),
    QT_TRANSLATE_NOOP("messages", "The price is not valid"),
    QT_TRANSLATE_NOOP("messages", "Enter the recipient's name"),
    QT_TRANSLATE_NOOP("messages", "The name is too long"),
    QT_TRANSLATE_NOOP("messages", "Enter a phone number"),
    QT_TRANSLATE_NOOP("messages", "The phone number is not in a valid format"),
    QT_TRANSLATE_NOOP("messages", "Enter a postal code"),
    QT_TRANSLATE_NOOP("messages", "A postal code is 7 digits"),
    QT_TRANSLATE_NOOP("messages", "Choose a prefecture"),
    QT_TRANSLATE_NOOP("messages", "Enter the city, ward or town"),
    QT_TRANSLATE_NOOP("messages", "The city, ward or town is too long"),
    QT_TRANSLATE_NOOP("messages", "Enter the street number and building"),
    QT_TRANSLATE_NOOP("messages", "The address is too long"),
    QT_TRANSLATE_NOOP("messages", "Choose a delivery date"),
    QT_TRANSLATE_NOOP("messages", "The earliest delivery date is {date}"),
    QT_TRANSLATE_NOOP("messages", "No deliveries on that day (Sundays and public holidays)"),
    QT_TRANSLATE_NOOP("messages", "Choose a time slot"),
    QT_TRANSLATE_NOOP("messages", "Choose a payment method"),
    QT_TRANSLATE_NOOP("messages", "Points must be 0 or more"),
    QT_TRANSLATE_NOOP("messages", "More than the points balance ({balance})"),
    QT_TRANSLATE_NOOP("messages", "Points used must not exceed the order total (¥{total})"),
    # inventory.SEARCH_TEXTS
    QT_TRANSLATE_NOOP("messages", "JAN {jan}: the check digit is wrong (scan it again)"),
    QT_TRANSLATE_NOOP("messages", "No product is registered with JAN {jan}"),
    QT_TRANSLATE_NOOP("messages", "A JAN code has 13 digits"),
    QT_TRANSLATE_NOOP("messages", "No product matches “{text}”"),
    # orders.ORDER_TEXTS
    QT_TRANSLATE_NOOP("messages", "Customer not found"),
    QT_TRANSLATE_NOOP("messages", "Product not found"),
    QT_TRANSLATE_NOOP("messages", "Shipping location not found"),
    QT_TRANSLATE_NOOP("messages", "Postal code {code} does not exist"),
    # order_life.CANCEL_TEXTS
    QT_TRANSLATE_NOOP("messages", "Order {order_no} not found"),
    QT_TRANSLATE_NOOP("messages", "Order {order_no} has shipped: it can no longer be cancelled"),
    QT_TRANSLATE_NOOP("messages", "Order {order_no} was delivered: it can no longer be cancelled"),
    QT_TRANSLATE_NOOP("messages", "Order {order_no} is cancelled already"),
    QT_TRANSLATE_NOOP("messages", "Enter the reason for the cancellation"),
    QT_TRANSLATE_NOOP("messages", "The reason is too long (at most {max} characters)"),
)


def label(english: str) -> str:
    """A core label (slot, payment, nearness, weekday) in the UI's language."""
    return QCoreApplication.translate(LABEL_CONTEXT, english)


def slot_label(slot: Slot) -> str:
    return label(SLOT_LABELS[slot])


def payment_label(payment: Payment) -> str:
    return label(PAYMENT_LABELS[payment])


def nearness_label(nearness: Nearness) -> str:
    return label(NEARNESS_LABELS[nearness])


def weekdays() -> list[str]:
    return [label(d) for d in delivery.WEEKDAYS]


def date_label(day: date) -> str:
    return delivery.date_label(day, weekdays())


def say(message: Message | str | None) -> str:
    """A core message in the UI's language, its dates and numbers filled in."""
    if message is None:
        return ""
    if isinstance(message, str):
        return message
    return message.fill(QCoreApplication.translate(MESSAGE_CONTEXT, message.text), weekdays())
