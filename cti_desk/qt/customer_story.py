"""The customer's story on the operator window: opening a record (from a pop, the chooser
or a search), what is loaded once the card is painted, and the records made from a call
(a new customer, a number attached). A mixin of MainWindow, like OperatorCalls."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from cti_desk.qt.shift_calls import in_progress_call_id
from cti_desk.qt.tasks import run_query
from cti_desk.services.wrapup_record import CallRef

if TYPE_CHECKING:
    from cti_desk.services.history import CustomerStory

FRAME_MS = 16  # one display frame at 60 Hz


def _utc_naive(ts: datetime) -> datetime:
    return ts.astimezone(UTC).replace(tzinfo=None) if ts.tzinfo else ts


class CustomerStoryShown:
    """Needs from the window: services (the seat's SeatServices), current, customer_id, panel, purchases,
    inquiries, keeper, inventory, order_form, customerShown, _unaudited, _answered, _failed."""

    def _reload_purchases(self, customer_id: int) -> None:
        services = self.services

        def show(story) -> None:
            if story is not None and self.customer_id == customer_id:
                self.purchases.reset(customer_id, story.purchases, story.purchase_count)

        run_query(lambda: services.customer_story(customer_id), show, self._failed, key="purchases-reload")

    def _order_cancelled(self, _order_no: str) -> None:
        """Cancelled from the purchases (the row and its steps say so already): the card's
        and the order form's points balance and the stock shown changed."""
        customer_id, services = self.customer_id, self.services
        self.inventory.refresh()
        if customer_id is None:
            return
        self.order_form.points_changed()

        def show(story) -> None:
            if story is not None and self.customer_id == customer_id:
                self.panel.card.show_summary(story.summary, story.phones_shown)

        run_query(lambda: services.customer_story(customer_id), show, self._failed, key="card-reload")

    # -- calls: the bridge, the pop, announced and missed calls: qt/operator_calls.py ----

    # -- customers -----------------------------------------------------------------
    def _clear_story(self) -> None:
        self.customer_id = None
        self.purchases.clear()
        self.inquiries.clear()

    def open_customer(self, customer_id: int, caller: bool = False) -> None:
        """Open a record (from the chooser, a search or a pop); audited once it is shown.
        `caller`: the operator said this is who is calling (the wrap-up follows)."""
        services = self.services
        if caller:
            self.keeper.link_caller(customer_id)
        run_query(
            lambda: services.open_customer(customer_id, None, audited=False),
            lambda story: self._show_story(story) if story else self._failed(LookupError(customer_id)),
            self._failed,
            key="pop",
        )

    def _show_story(self, story: CustomerStory) -> None:
        self._answered()
        s = story.summary
        self.customer_id = s.id
        self.panel.show_summary(s, story.phones_shown)
        self.purchases.reset(s.id, story.purchases, story.purchase_count)
        self.inquiries.reset(story.inquiries)
        self.keeper.offer()
        opened = (s.id, in_progress_call_id(self.current))
        self._unaudited.append(opened)
        self._after_paint(lambda: self._customer_opened(opened))

    def _after_paint(self, fn) -> None:
        # A timer fires only after the repaint queued now (posted events come first); one
        # frame later, the pop is on screen before these loads compete with it for the GIL.
        QTimer.singleShot(FRAME_MS, self, fn)

    def _customer_opened(self, opened: tuple[int, str | None]) -> None:
        """The card is on screen: the audit entry, then the other tabs' own background loads."""
        if not any(o is opened for o in self._unaudited):
            return  # done already (the window was closed meanwhile)
        self._unaudited = [o for o in self._unaudited if o is not opened]
        customer_id, call_id = opened
        services = self.services

        def audited(_none) -> None:
            if self.customer_id == customer_id:
                self.customerShown.emit(customer_id)

        run_query(lambda: services.record_open(customer_id, call_id),
                  audited, self._failed, owner=self)
        if self.customer_id != customer_id:
            return  # another customer is on screen already
        self.inventory.set_customer(customer_id)
        self.order_form.set_customer(customer_id)
        call = self.current if self.current is not None and self.current.call_id == call_id else None
        self.order_form.set_call(CallRef(call.call_id, _utc_naive(call.rang_at), call.e164 or call.raw_number) if call else None)

    def _load_purchase_page(self, customer_id: int, offset: int, limit: int):
        return self.services.purchase_page(customer_id, offset, limit)  # on a worker (PurchaseHistoryModel)

    def _create_customer(self, name: str, kana: str, email: str, number: str) -> None:
        services, call_id = self.services, in_progress_call_id(self.current)
        run_query(
            lambda: services.create_customer_from_call(name, kana, number or None, email, call_id),
            lambda cid: self.open_customer(cid, caller=True),
            self._failed,
            key="customer-write",
        )

    def _attach_number(self, customer_id: int) -> None:
        call = self.current
        number = call.e164 if call else None
        if not number:
            self.open_customer(customer_id)
            return
        services, call_id = self.services, in_progress_call_id(call)
        run_query(
            lambda: services.attach_number(customer_id, number, call_id),
            lambda _e164: self.open_customer(customer_id, caller=True),
            self._failed,
            key="customer-write",
        )

    # -- wrap-up (saving, drafts and restoring live in qt/wrapup_keeper.py) ----------------
    def _reload_inquiries(self, customer_id: int) -> None:
        services = self.services

        def show(rows) -> None:
            if self.customer_id == customer_id:
                self.inquiries.reset(rows)

        run_query(lambda: services.inquiries(customer_id), show, self._failed, key="inquiries")
