"""Under the purchase history: the selected delivery order's life (placed, shipped,
delivered, cancelled; Japan times, who, why) and "Cancel order…" while it has not shipped.

The rules are the core's (services/order_life: what may follow what, why a cancel is
refused); this pane shows them and asks for the reason. The store is read and written
through the seat's services on a worker (run_query), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.delivery import message
from cti_desk.domain.text import bounded
from cti_desk.qt.history_labels import status_label, step_label, step_source_label
from cti_desk.qt.labels import say
from cti_desk.qt.roles import error_text
from cti_desk.qt.tasks import run_query
from cti_desk.services.history import PENDING_DELIVERY, PurchaseRow
from cti_desk.services.order_life import (
    CANCEL_TEXTS,
    CANCELLED,
    MAX_REASON,
    NEXT,
    CancelledOrder,
    CancelRefused,
    StatusStep,
)

JST = timedelta(hours=9)  # Japan keeps no daylight saving time
# A purchase row that may be a delivery order with a life to show (imported purchases
# may say cancelled too: an order without steps is then no delivery order).
ORDER_STATUSES = frozenset((PENDING_DELIVERY, "shipped", "delivered", "cancelled"))


def japan_time(utc_naive: datetime) -> str:
    return (utc_naive.replace(tzinfo=UTC) + JST).strftime("%Y-%m-%d %H:%M JST")


def timeline_text(steps: list[StatusStep]) -> str:
    """One line per step: when (Japan time), what, who, and why when a reason was given."""
    lines = []
    for step in steps:
        parts = [japan_time(step.at), step_label(step.status), step_source_label(step.source, step.actor)]
        line = "  ".join(parts[:2]) + " · " + parts[2]
        if step.reason:
            line += " · " + QCoreApplication.translate("OrderDetails", "Reason: {reason}").format(
                reason=" ".join(step.reason.split()))
        lines.append(line)
    return "\n".join(lines)


class CancelOrderDialog(QDialog):
    """Asks for the reason (required) before an order is cancelled."""

    def __init__(self, order_no: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelOrderDialog")
        self.setWindowTitle(self.tr("Cancel order"))
        self.question = QLabel(self.tr(
            "Cancel order {order}? Its reserved stock is released, the points spent on it go back "
            "to the customer and the order management system is told.").format(order=order_no))
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. the customer no longer needs it"))
        self.buttons = QDialogButtonBox()
        self.confirm = self.buttons.addButton(self.tr("Cancel the order"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmCancel")
        self.keep = self.buttons.addButton(self.tr("Keep the order"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep.setObjectName("keepOrder")
        self.keep.setDefault(True)  # Enter alone never cancels an order
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        self.confirm.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return " ".join(self.reason.text().split())


class OrderDetails(QWidget):
    """The selected purchase row's order: its steps and the cancel button (with why not)."""

    orderCancelled = Signal(str)  # order_no, cancelled by this seat

    def __init__(self, orders=None, parent=None) -> None:
        """`orders`: the seat's services (order_timeline, cancel_order)."""
        super().__init__(parent)
        self.setObjectName("orderDetails")
        self.orders = orders
        self.heading = QLabel()
        self.heading.setObjectName("orderHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.timeline = QPlainTextEdit()  # plain text by construction: a reason never becomes HTML
        self.timeline.setObjectName("orderTimeline")
        self.timeline.setReadOnly(True)
        self.timeline.setMaximumHeight(6 * self.timeline.fontMetrics().lineSpacing())
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancelOrder")
        self.cancel.clicked.connect(self.ask_cancel)
        self.note = QLabel()  # why the button is disabled, or what the last cancel did
        self.note.setObjectName("cancelOrderNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.timeline)
        layout.addLayout(row)
        self._row: PurchaseRow | None = None
        self._steps: list[StatusStep] | None = None  # None: not loaded (yet)
        self._failed_load = False
        self._busy = False  # a cancel is on its way
        # What the last cancel did (kept while the order's steps reload), worded when shown
        # so a language switch rewords it too.
        self._said: Callable[[], str] | None = None
        self._generation = 0
        self._key = f"order-timeline-{id(self)}"
        self.dialog: CancelOrderDialog | None = None
        self.retranslate()

    # -- what is shown -----------------------------------------------------------
    @property
    def order_no(self) -> str | None:
        return self._row.order_no if self._row is not None else None

    @property
    def current_status(self) -> str | None:
        """The order's status by its last step (None: not loaded or no delivery order)."""
        return self._steps[-1].status if self._steps else None

    def show_row(self, row: PurchaseRow | None) -> None:
        """The selected purchase row (None: nothing selected)."""
        if row is not None and self._row is not None and row.order_no == self._row.order_no:
            self._row = row
            return  # the same order (its row repainted): what is shown stays
        self._row, self._said = row, None
        self._load()

    def _load(self) -> None:
        self._generation += 1
        self._steps, self._failed_load = None, False
        row = self._row
        if row is None or self.orders is None or not (row.purchase_id is None or row.status in ORDER_STATUSES):
            self._steps = [] if row is not None else None
            self._render()
            return
        generation, orders, order_no = self._generation, self.orders, row.order_no

        def loaded(steps: list[StatusStep]) -> None:
            if generation == self._generation:
                self._steps = list(steps)
                self._render()

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self._failed_load = True
                self._render()

        self._render()
        run_query(lambda: orders.order_timeline(order_no), loaded, failed, key=self._key, owner=self)

    def _render(self) -> None:
        row, steps = self._row, self._steps
        self.cancel.setText(self.tr("Cancel order…"))
        if row is None:
            self.heading.setText("")
            self.timeline.setPlainText("")
            self.timeline.setVisible(False)
            self._enable(False, self.tr("Select a delivery order to see its history"))
            return
        order_no = bounded(row.order_no, 40)
        if self._failed_load:
            self.heading.setText(self.tr("Order {order}").format(order=order_no))
            self.timeline.setVisible(False)
            self._enable(False, self.tr("Could not load the order's history"))
            return
        if steps is None:
            self.heading.setText(self.tr("Order {order}").format(order=order_no))
            self.timeline.setVisible(False)
            self._enable(False, self.tr("Loading the order's history…"))
            return
        if not steps:
            self.heading.setText(self.tr("Purchase {order}: {status}").format(
                order=order_no, status=status_label(row.status)))
            self.timeline.setVisible(False)
            self._enable(False, self.tr("Not a delivery order taken here: there is nothing to cancel"))
            return
        current = steps[-1].status
        self.heading.setText(self.tr("Order {order}: {status}").format(order=order_no, status=step_label(current)))
        self.timeline.setPlainText(timeline_text(steps))
        self.timeline.setVisible(True)
        if self._busy:
            self._enable(False, self.tr("Cancelling order {order}…").format(order=order_no))
        elif CANCELLED in NEXT.get(current, ()):
            self._enable(True, "")
        else:
            why = f"cancel.{current}"
            self._enable(False, say(message(CANCEL_TEXTS, why, order_no=order_no)) if why in CANCEL_TEXTS else "")

    def _enable(self, on: bool, why: str) -> None:
        self.cancel.setEnabled(on)
        self.cancel.setToolTip(why)  # plain: our own words and an order number
        self.note.setText(self._said() if self._said is not None else why)

    # -- cancelling ----------------------------------------------------------------
    def ask_cancel(self) -> None:
        order_no = self.order_no
        if order_no is None or not self.cancel.isEnabled():
            return
        self.dialog = CancelOrderDialog(bounded(order_no, 40), self)
        self.dialog.accepted.connect(lambda d=self.dialog, n=order_no: self._cancel(n, d.reason_text()))
        self.dialog.open()  # window-modal, no nested event loop

    def _cancel(self, order_no: str, reason: str) -> None:
        if self.orders is None or not reason:
            return
        orders = self.orders
        self._busy, self._said = True, None
        self._render()

        def done(cancelled: CancelledOrder) -> None:
            self._busy = False
            shown = bounded(cancelled.order_no, 40)
            points = cancelled.points_returned
            if points:
                self._said = lambda: self.tr(
                    "Order {order} cancelled: {points} points returned to the customer").format(
                    order=shown, points=f"{points:,}")
            else:
                self._said = lambda: self.tr("Order {order} cancelled").format(order=shown)
            self.orderCancelled.emit(cancelled.order_no)
            if self.order_no == order_no:
                self._load()

        def refused(exc: BaseException) -> None:
            self._busy = False
            def why() -> str:
                return say(exc.message) if isinstance(exc, CancelRefused) else bounded(error_text(exc), 200)

            self._said = lambda: self.tr("Not cancelled: {why}").format(why=why())
            if self.order_no == order_no:
                self._load()  # it may have shipped meanwhile: the steps say so now

        run_query(lambda: orders.cancel_order(order_no, reason), done, refused,
                  key=f"order-cancel-{id(self)}", owner=self)

    # -- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
