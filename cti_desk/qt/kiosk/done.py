"""The last screen of an order: its number and delivery day, a slip to print, and the way
back to the empty scan screen."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from cti_desk.domain.delivery import Slot
from cti_desk.qt import labels
from cti_desk.qt.kiosk.slip import Slip, print_slip
from cti_desk.qt.kiosk.style import button, label

log = logging.getLogger(__name__)


def shop_printer() -> QPrinter | None:
    """The system's default printer, or None when none is set up (no dialog at a kiosk)."""
    info = QPrinterInfo.defaultPrinter()
    return None if info.isNull() else QPrinter(info, QPrinter.PrinterMode.HighResolution)


class DoneScreen(QWidget):
    finished = Signal()
    printed = Signal()

    def __init__(self, printer: Callable[[], QPrinter | None] = shop_printer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskDone")
        self.printer = printer
        self.slip: Slip | None = None
        self.heading = label("title")
        self.number_caption = label("note")
        self.number = label("huge", "kioskOrderNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.day_caption = label("note")
        self.day = label("huge", "kioskDeliveryDay")
        self.status = label("", "kioskPrintStatus")
        self.print_button = button("kioskPrintSlip")
        self.print_button.setMinimumWidth(320)
        self.print_button.clicked.connect(self.print_slip)
        self.finish = button("kioskFinish", role="primary")
        self.finish.setMinimumWidth(320)
        self.finish.clicked.connect(self.finished)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(14)
        for w in (self.heading, self.number_caption, self.number, self.day_caption, self.day, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_order(self, slip: Slip) -> None:
        self.slip = slip
        self.status.setText("")
        self._show()

    def _show(self) -> None:
        s = self.slip
        self.number.setText(s.order_no if s else "")
        self.day.setText(f"{labels.date_label(s.delivery_date)}  {labels.slot_label(Slot(s.slot))}" if s else "")

    def print_slip(self) -> None:
        if self.slip is None:
            return
        printer = self.printer()
        if printer is None:
            self.status.setText(self.tr("No printer is set up: please note the order number."))
            return
        try:
            print_slip(self.slip, printer)
        except Exception as exc:  # a printer error must not end the kiosk
            log.warning("slip not printed: %s", type(exc).__name__)
            self.status.setText(self.tr("The slip could not be printed: please note the order number."))
            return
        self.status.setText(self.tr("The slip is printing."))
        self.printed.emit()

    def reset(self) -> None:
        self.slip = None
        self.status.setText("")
        self._show()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Thank you. The order is placed."))
        self.number_caption.setText(self.tr("Order number"))
        self.day_caption.setText(self.tr("Delivery"))
        self.print_button.setText(self.tr("Print slip"))
        self.finish.setText(self.tr("Done: next customer"))
        self._show()
