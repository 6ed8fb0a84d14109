"""The order slip the customer takes home: order number, delivery day and what was
ordered; no name, phone or address (it may be left on the counter)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from cti_desk.domain.delivery import Payment, Slot
from cti_desk.qt import labels
from cti_desk.qt.i18n import yen

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Slip:
    order_no: str
    delivery_date: date
    slot: str
    product: str
    quantity: int
    total: int
    payment: str
    shop: str


def slip_lines(slip: Slip) -> list[tuple[str, str]]:
    """(caption, value) rows, in the UI's language."""
    return [
        (translate("KioskSlip", "Order number"), slip.order_no),
        (translate("KioskSlip", "Delivery date"), f"{labels.date_label(slip.delivery_date)} {labels.slot_label(Slot(slip.slot))}"),
        (translate("KioskSlip", "Product"), f"{slip.product} × {slip.quantity}"),
        (translate("KioskSlip", "Total"), yen(slip.total)),
        (translate("KioskSlip", "Payment"), labels.payment_label(Payment(slip.payment))),
        (translate("KioskSlip", "Ordered at"), slip.shop),
    ]


def slip_document(slip: Slip) -> QTextDocument:
    """Plain text with a bigger heading and order number (no HTML: product and shop names
    come from the store)."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont(doc.defaultFont().family(), 11))
    cursor = QTextCursor(doc)
    heading, big, caption, value = (QTextCharFormat() for _ in range(4))
    heading.setFontPointSize(18)
    heading.setFontWeight(QFont.Weight.Bold)
    big.setFontPointSize(22)
    big.setFontWeight(QFont.Weight.Bold)
    caption.setFontPointSize(10)
    value.setFontPointSize(13)
    cursor.insertText(translate("KioskSlip", "Home delivery order"), heading)
    for i, (name, text) in enumerate(slip_lines(slip)):
        cursor.insertBlock()
        cursor.insertText(name, caption)
        cursor.insertBlock()
        cursor.insertText(text, big if i == 0 else value)
    cursor.insertBlock()
    cursor.insertBlock()
    cursor.insertText(translate("KioskSlip", "Keep this slip until the delivery arrives."), caption)
    return doc


def print_slip(slip: Slip, printer: QPrinter) -> None:
    """On an A6 page (a receipt-sized sheet) unless the printer was set up otherwise."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait,
                                          QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter))
    slip_document(slip).print_(printer)
