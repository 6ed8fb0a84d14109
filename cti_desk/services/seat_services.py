"""The store as one seat may use it: what the windows and the CLI ask of the services.

Each method checks the seat's role against the table in domain/roles.py first, raising
AccessDenied before any query, then calls the service with the seat's person (and desk)
on whatever it writes. Each takes and owns its own session, so a window calls it through
run_query. Which window calls what: README "Roles and audit".
"""

from __future__ import annotations

from datetime import date

from cti_desk.domain.delivery import OrderDraft
from cti_desk.domain.roles import Action
from cti_desk.services import audit, history, inquiries, kiosk, kpi, order_life, orders, search
from cti_desk.services.access import Seat, require
from cti_desk.services.history import (
    PAGE_SIZE,
    CustomerStory,
    InquiryRow,
    Pop,
    PurchaseQuery,
    PurchaseRow,
)
from cti_desk.services.orders import PlacedOrder
from cti_desk.store.db import Store

# What a customer's record shows: the card, its purchases in every channel, its inquiries.
RECORD = (Action.OPEN_CUSTOMER, Action.READ_PURCHASES, Action.READ_INQUIRIES)


class SeatServices:
    def __init__(self, store: Store | None, seat: Seat) -> None:
        self.store = store
        self.seat = seat

    def _require(self, *actions: Action) -> Store:
        for action in actions:
            require(self.seat, action)
        if self.store is None:
            raise RuntimeError("no store")
        return self.store

    # -- a customer's record (operator, supervisor) ------------------------------------
    def pop_for_caller(self, raw_number: str | None, call_id: str | None, *, audited: bool = True,
                       outside_line_prefix: str | None = None) -> Pop:
        """history.pop_for_caller; `audited=False`: the window writes record_open once shown."""
        store = self._require(*RECORD)
        pop = history.pop_for_caller(store, raw_number, self.seat.person, call_id, audited=False,
                                     outside_line_prefix=outside_line_prefix)
        if pop.story is not None and audited:
            self.record_open(pop.story.summary.id, call_id)
        return pop

    def open_customer(self, customer_id: int, call_id: str | None = None, *,
                      audited: bool = True) -> CustomerStory | None:
        store = self._require(*RECORD)
        story = history.open_customer(store, customer_id, self.seat.person, call_id, audited=False)
        if story is not None and audited:
            self.record_open(customer_id, call_id)
        return story

    def record_open(self, customer_id: int, call_id: str | None) -> None:
        """The audit row for a record on screen: this seat's person and desk."""
        store = self._require(Action.OPEN_CUSTOMER)
        history.record_open(store, customer_id, self.seat.person, call_id, desk=self.seat.desk)

    def customer_story(self, customer_id: int) -> CustomerStory | None:
        """The record again (after an order or a wrap-up changed it): opened already."""
        store = self._require(*RECORD)
        with store.session() as s:
            return history.customer_story(s, customer_id)

    def purchase_page(self, customer: int | PurchaseQuery, offset: int = 0,
                      limit: int = PAGE_SIZE) -> list[PurchaseRow]:
        store = self._require(Action.READ_PURCHASES)
        with store.session() as s:
            return history.purchase_page(s, customer, offset, limit)

    def inquiries(self, customer_id: int) -> list[InquiryRow]:
        store = self._require(Action.READ_INQUIRIES)
        with store.session() as s:
            return history.inquiries_for(s, customer_id)

    def customer_candidates(self, query: str) -> list[history.Candidate]:
        return search.customer_candidates(self._require(Action.SEARCH_CUSTOMERS), query)

    def find_customers(self, query: str, limit: int = search.MAX_RESULTS) -> list[search.FoundCustomer]:
        return search.find_customers(self._require(Action.SEARCH_CUSTOMERS), query, limit)

    # -- changes to a customer's record ------------------------------------------------
    def create_customer_from_call(self, name: str, kana: str, number: str | None, email: str = "",
                                  call_id: str | None = None) -> int:
        store = self._require(Action.WRITE_CUSTOMER)
        return inquiries.create_customer_from_call(store, name, kana, number, email, self.seat.person, call_id)

    def attach_number(self, customer_id: int, number: str, call_id: str | None = None) -> str:
        store = self._require(Action.WRITE_CUSTOMER)
        return inquiries.attach_number(store, customer_id, number, self.seat.person, call_id)

    def save_wrapup(self, w: inquiries.WrapUp, *, during_call: str | None = None) -> int:
        store = self._require(Action.WRITE_WRAPUP)
        return inquiries.save_wrapup(store, w, actor=self.seat.person, during_call=during_call)

    def place_order(self, draft: OrderDraft, **options) -> PlacedOrder:
        """orders.place_order (same options: key, call, calendar, ...)."""
        return orders.place_order(self._require(Action.PLACE_ORDER), draft, **options)

    def cancel_order(self, order_no: str, reason: str) -> order_life.CancelledOrder:
        """order_life.cancel_order by this seat's person from its desk: an order not shipped
        yet, its reservation released, spent points returned, the OMS told (outbox).

        Raises AccessDenied (a kiosk's seat) before any query; order_life.CancelRefused, with
        nothing written, for an unknown order, one shipped, delivered or cancelled already, or
        a reason empty or past order_life.MAX_REASON characters (`.message` says it, translated
        by cti_desk/qt/labels.say); the store's own errors as they come."""
        store = self._require(Action.CANCEL_ORDER)
        return order_life.cancel_order(store, order_no, reason, self.seat.person, desk=self.seat.desk)

    def order_timeline(self, order_no: str) -> list[order_life.StatusStep]:
        """An order's steps (placed, shipped, delivered, cancelled) in the order they happened,
        [] for an unknown order. Part of the purchase history: AccessDenied for a kiosk's seat."""
        return order_life.order_timeline(self._require(Action.READ_PURCHASES), order_no)

    # -- a shop's kiosk ----------------------------------------------------------------
    def find_kiosk_customer(self, text: str, shop: kiosk.KioskShop) -> kiosk.KioskCustomerFound:
        """A member by number or phone, masked, no history (audited with the shop)."""
        return kiosk.find_kiosk_customer(self._require(Action.KIOSK_LOOKUP), text, shop)

    # -- supervisors -------------------------------------------------------------------
    def kpi_rows(self, start: date, end: date, by: str = "day") -> list[kpi.KpiRow]:
        return kpi.kpi_rows(self._require(Action.READ_KPI), start, end, by)

    def journey(self, start: date, end: date) -> list[kpi.JourneyRow]:
        return kpi.journey(self._require(Action.READ_KPI), start, end)

    def asked_out_of_stock(self, start: date, end: date) -> list[kpi.AskedProduct]:
        return kpi.asked_out_of_stock(self._require(Action.READ_KPI), start, end)

    def calls_per_quarter_hour(self, day: date) -> list[int]:
        return kpi.calls_per_quarter_hour(self._require(Action.READ_KPI), day)

    def audit_search(self, customer_id: int | None = None, person: str | None = None,
                     since: date | None = None, until: date | None = None,
                     limit: int = audit.SEARCH_LIMIT) -> list[audit.AuditRow]:
        return audit.search(self._require(Action.READ_AUDIT), self.seat, customer_id, person, since,
                            until, limit)
