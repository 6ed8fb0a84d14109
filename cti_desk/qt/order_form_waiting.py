"""The order form's side of orders waiting for the store (qt/order_waiting.py): an order
the store did not answer for leaves the form for the waiting list, the form says when it
is placed or refused, and one taken back from the list fills the form again.

Mixed into OrderForm (which has the fields, the status line and the waiting list).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cti_desk.qt import labels
from cti_desk.services.order_journal import WaitingOrder
from cti_desk.services.orders import PlacedOrder

translate = QCoreApplication.translate


class WaitingOrdersInForm:
    """Waiting orders in OrderForm."""

    def _wait_for_store(self, order: WaitingOrder) -> None:
        """The order goes to the waiting list (journaled already); the form takes the next one."""
        self.waiting_box.wait_for_store(order)
        customer, total = order.customer_name, order.draft.total
        self._say(lambda: translate(
            "OrderForm", "The store did not answer: the order for {customer} (¥{total}) is kept on this "
            "computer and placed by itself as soon as the store answers").format(
                customer=customer, total=f"{total:,}"))
        self._new_draft()
        self.clear()

    def _waiting_placed(self, order: WaitingOrder, placed: PlacedOrder) -> None:
        """An order that waited for the store is in the store now."""
        self._last_order = placed
        self._oms_status = "pending" if self.dispatcher is not None else None

        def status() -> str:
            text = translate(
                "OrderForm", "Order {order_no} placed after waiting for the store ({customer})  "
                "Delivery {date}  Total ¥{total}").format(
                    order_no=placed.order_no, customer=order.customer_name,
                    date=labels.date_label(placed.delivery_date), total=f"{placed.total:,}")
            if self._oms_status:
                text = translate("OrderForm", "{order}  OMS: {status}").format(
                    order=text, status=self.status_label(self._oms_status))
            return text

        self._placed_status = status
        self._say(status)
        if self._customer_id == order.draft.customer_id:
            self._reload_customer()  # the balance changed
        self.outbox_box.wake()
        self.stockChanged.emit()
        self.waitingOrderPlaced.emit(placed.order_no, order.call.call_id if order.call else "")

    def _waiting_refused(self, order: WaitingOrder) -> None:
        customer, reason = order.customer_name, order.refused
        self._say(lambda: translate(
            "OrderForm", "The order for {customer} that waited for the store was not placed: {reason}. "
            "Take it back into the form to change it.").format(customer=customer, reason=reason))
        self.stockChanged.emit()

    def take_back(self, order: WaitingOrder) -> None:
        """A waiting order back in the form (the operator changes it, then places it): its
        customer, lines, address and terms; the same key (nothing was placed under it)."""
        self.clear()
        self._restoring = order
        self._draft_key, self._call = order.key, order.call
        self._customer_id = order.draft.customer_id
        self._customer = None
        self._reload_customer()  # the address follows once the customer is there (_show_customer)
        for line in order.draft.lines:
            self.lines_box.add_product(line.product_id, line.quantity, line.location_id)
        d = order.draft
        for combo, value in ((self.slot, d.slot), (self.payment, d.payment)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.points.setValue(d.points_to_use)
        self._restore_date, self._restoring_lines = d.delivery_date, d.lines
        self._say(lambda: translate("OrderForm", "The order is back in the form: change it, then place it"))
