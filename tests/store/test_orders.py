import re
from datetime import date, datetime

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.customers import points_balance
from cti_desk.services.inquiries import CallRef, call_inquiry
from cti_desk.services.order_outcome import OrderNotPlaced, OrderUnconfirmed, new_draft_key
from cti_desk.services.orders import OutOfStock, ValidationFailed, place_order
from cti_desk.store.models import (
    AuditEntry,
    DeliveryOrder,
    Inquiry,
    InquiryEntry,
    OutboxMessage,
    PointsEntry,
    Purchase,
    PurchaseLine,
    StockLevel,
)
from tests.retail_factories import add_retail

# 10:00 in Tokyo on Mon 2026-11-30: a Shibuya item (lead 1) arrives Tue 12-01 at the earliest.
NOW = datetime(2026, 11, 30, 1, 0, 0)


def draft(r, location="S-SHIBUYA", quantity=1, points=0, **kw) -> OrderDraft:
    base = dict(
        customer_id=r.customer_id,
        lines=[DraftLine(r.products["SKU-KETTLE"], quantity, 4980, r.locations[location])],
        recipient="山田 太郎", phone="090-1234-5678", postal_code="150-0002",
        prefecture="東京都", city="渋谷区", line1="渋谷1-2-3", delivery_date=date(2026, 12, 1),
        slot="morning", payment="cod", points_to_use=points, operator="佐藤",
    )
    base.update(kw)
    return OrderDraft(**base)


def reserved(store, r, location="S-SHIBUYA"):
    with store.session() as s:
        return s.get(StockLevel, (r.products["SKU-KETTLE"], r.locations[location])).reserved


def snapshot(store):
    with store.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (DeliveryOrder, Purchase, PointsEntry, AuditEntry, OutboxMessage)
        ) + tuple(s.execute(select(StockLevel.reserved).order_by(StockLevel.product_id, StockLevel.location_id)).scalars())


def test_order_reserves_stock_and_shows_in_purchase_history(store):
    r = add_retail(store)
    with store.transaction() as s:
        inquiry = Inquiry(customer_id=r.customer_id, channel="call_center", call_id="c-1",
                          opened_at=NOW, status="open")
        s.add(inquiry)
        s.flush()
        inquiry_id = inquiry.id
    placed = place_order(store, draft(r, quantity=2, points=300, inquiry_id=inquiry_id, call_id="c-1"), now=NOW)
    assert re.fullmatch(r"CC-20261130-\d{6}", placed.order_no)
    assert reserved(store, r) == 2
    with store.session() as s:
        order = s.scalars(select(DeliveryOrder)).one()
        assert (order.inquiry_id, order.customer_id, order.phone) == (inquiry_id, r.customer_id, "+819012345678")
        assert order.total == 9960 and order.points_used == 300
        purchase = s.get(Purchase, order.purchase_id)
        assert (purchase.channel, purchase.status, purchase.order_no) == ("call_center", "pending_delivery", placed.order_no)
        lines = s.scalars(select(PurchaseLine).where(PurchaseLine.purchase_id == purchase.id)).all()
        assert [(ln.quantity, ln.unit_price) for ln in lines] == [(2, 4980)]
        # 500 - 300 spent; 1% of 9,660 paid (96) is earned on delivery (test_order_life.py)
        assert points_balance(s, r.customer_id) == 500 - 300
        assert placed.points_earned == 96
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "order.place")).one()
        assert audit.call_id == "c-1" and placed.order_no in audit.detail
        # Queued for the OMS even on a seat that does not send: another process may.
        assert s.scalar(select(OutboxMessage.idempotency_key)) == placed.order_no


def test_order_numbers_are_unique(store):
    r = add_retail(store)
    numbers = {place_order(store, draft(r, location="WH-EAST", delivery_date=date(2026, 12, 2)), now=NOW).order_no
               for _ in range(5)}
    assert len(numbers) == 5


def test_the_last_unit_goes_once_and_the_next_seat_gets_another_location(store):
    r = add_retail(store)
    place_order(store, draft(r, location="S-UMEDA"), now=NOW)
    before = snapshot(store)
    with pytest.raises(OutOfStock) as info:
        place_order(store, draft(r, location="S-UMEDA"), now=NOW)
    assert snapshot(store) == before
    assert info.value.field == "line0.location"
    assert info.value.suggestion.location_id == r.locations["S-SHIBUYA"]
    assert r.locations["S-UMEDA"] not in [o.location_id for o in info.value.alternatives]
    assert reserved(store, r, "S-UMEDA") == 1


def test_invalid_order_saves_nothing(store):
    r = add_retail(store)
    before = snapshot(store)
    with pytest.raises(ValidationFailed) as info:
        place_order(store, draft(r, quantity=0, phone="abc", points=501, recipient=""), now=NOW)
    assert {"line0.quantity", "phone", "points", "recipient"} <= set(info.value.errors)
    assert snapshot(store) == before


def test_unknown_postal_code_is_refused(store):
    r = add_retail(store)
    with pytest.raises(ValidationFailed) as info:
        place_order(store, draft(r, postal_code="999-9999"), now=NOW)
    assert info.value.errors["postal_code"].code == "postal_code.unknown"


def test_lead_days_come_from_the_store_not_the_screen(store):
    r = add_retail(store)
    # EC ships in 3 days: Thu 12-03 at the earliest.
    with pytest.raises(ValidationFailed) as info:
        place_order(store, draft(r, location="EC", delivery_date=date(2026, 12, 1)), now=NOW)
    assert "2026-12-03" in str(info.value.errors["delivery_date"])


def test_price_is_the_stores(store):
    r = add_retail(store)
    d = draft(r)
    d.lines[0].unit_price = 1
    placed = place_order(store, d, now=NOW)
    assert placed.total == 4980


def test_the_order_is_in_the_outbox_in_the_same_transaction(store):
    r = add_retail(store)
    placed = place_order(store, draft(r), now=NOW)
    with store.session() as s:
        msg = s.scalars(select(OutboxMessage)).one()
    assert msg.idempotency_key == placed.order_no
    assert msg.status == "pending" and msg.next_attempt_at == NOW
    assert msg.payload["order_no"] == placed.order_no
    assert msg.payload["lines"] == [{"sku": "SKU-KETTLE", "jan": "4901234567894", "name": "電気ケトル 1.0L",
                                     "quantity": 1, "unit_price": 4980, "ship_from": "S-SHIBUYA"}]
    assert msg.payload["delivery"]["date"] == "2026-12-01"
    assert (msg.payload["call_id"], msg.payload["inquiry_id"]) == (None, None)  # placed outside a call


CALL = CallRef("1722860694.15", datetime(2026, 11, 30, 0, 58, 0), "+81312345678")


def test_an_order_placed_during_a_call_belongs_to_the_calls_inquiry(store):
    r = add_retail(store)
    first = place_order(store, draft(r), call=CALL, now=NOW)
    second = place_order(store, draft(r, location="WH-EAST", delivery_date=date(2026, 12, 2)), call=CALL, now=NOW)
    with store.session() as s:
        entry = s.scalars(select(InquiryEntry).where(InquiryEntry.call_id == CALL.call_id)).one()
        orders = s.scalars(select(DeliveryOrder).order_by(DeliveryOrder.id)).all()
        assert [(o.inquiry_id, o.call_id) for o in orders] == [(entry.inquiry_id, CALL.call_id)] * 2
        inquiry = s.get(Inquiry, entry.inquiry_id)
        assert (inquiry.customer_id, inquiry.channel, inquiry.opened_at) == (r.customer_id, "call_center", CALL.started_at)
        payload = s.scalars(select(OutboxMessage.payload).where(OutboxMessage.idempotency_key == first.order_no)).one()
        assert (payload["call_id"], payload["inquiry_id"]) == (CALL.call_id, entry.inquiry_id)
        audit = s.scalars(select(AuditEntry.call_id).where(AuditEntry.action == "order.place")).all()
        assert audit == [CALL.call_id] * 2
    assert first.inquiry_id == second.inquiry_id == entry.inquiry_id
    with store.transaction() as s:  # the call's wrap-up finds the same inquiry
        assert call_inquiry(s, CALL, r.customer_id, "佐藤").id == entry.inquiry_id


def test_the_same_draft_placed_again_finds_the_first_order(store):
    r = add_retail(store)
    key = new_draft_key()
    first = place_order(store, draft(r, points=100), key=key, now=NOW)
    after_first = snapshot(store)
    again = place_order(store, draft(r, points=100), key=key, now=NOW)
    assert not first.found and again.found
    assert (again.order_no, again.id, again.total, again.points_used, again.points_earned, again.outbox_id) == (
        first.order_no, first.id, first.total, first.points_used, first.points_earned, first.outbox_id)
    assert again.lines == first.lines and again.delivery_date == first.delivery_date
    assert snapshot(store) == after_first  # no second order, reservation, points or message
    with store.session() as s:
        assert s.scalar(select(DeliveryOrder.draft_key)) == key


def test_another_draft_is_another_order(store):
    r = add_retail(store)
    a = place_order(store, draft(r), key=new_draft_key(), now=NOW)
    b = place_order(store, draft(r), key=new_draft_key(), now=NOW)
    assert a.order_no != b.order_no and not b.found
    assert reserved(store, r) == 2


class CommitFaults:
    """The store fails at COMMIT the way a dropped connection does. `lose`: the server
    commits and the answer is lost; `refuse`: nothing is committed. One fault per COMMIT,
    in order; COMMITs after the list are normal."""

    def __init__(self, store, *faults: str) -> None:
        self.faults = list(faults)
        self.engine = store.engine
        event.listen(self.engine, "commit", self)

    def __call__(self, conn) -> None:
        if not self.faults:
            return
        if self.faults.pop(0) == "lose":
            conn.connection.dbapi_connection.commit()
        raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))

    def remove(self) -> None:
        event.remove(self.engine, "commit", self)


def test_a_lost_answer_to_commit_is_checked_and_the_order_found(store, caplog):
    r = add_retail(store)
    key = new_draft_key()
    faults = CommitFaults(store, "lose")
    try:
        placed = place_order(store, draft(r), key=key, now=NOW)
    finally:
        faults.remove()
    assert placed.found and placed.order_no.startswith("CC-")
    with store.session() as s:
        assert s.scalars(select(DeliveryOrder.order_no)).all() == [placed.order_no]
    assert reserved(store, r) == 1
    assert "during COMMIT" in caplog.text and "server closed the connection" in caplog.text  # the detail: in the log
    assert place_order(store, draft(r), key=key, now=NOW).order_no == placed.order_no
    assert reserved(store, r) == 1


def test_a_commit_that_did_not_happen_says_not_placed_and_placing_again_works(store):
    r = add_retail(store)
    key = new_draft_key()
    before = snapshot(store)
    faults = CommitFaults(store, "refuse")
    try:
        with pytest.raises(OrderNotPlaced) as info:
            place_order(store, draft(r), key=key, now=NOW)
    finally:
        faults.remove()
    assert "server closed" in info.value.detail
    assert snapshot(store) == before
    placed = place_order(store, draft(r), key=key, now=NOW)
    assert not placed.found and reserved(store, r) == 1


def test_when_the_store_cannot_be_asked_the_outcome_is_unknown_and_a_retry_finds_the_order(store):
    r = add_retail(store)
    key = new_draft_key()
    faults = CommitFaults(store, "lose", "refuse")  # the order's COMMIT, then the check's
    try:
        with pytest.raises(OrderUnconfirmed):
            place_order(store, draft(r), key=key, now=NOW)
    finally:
        faults.remove()
    again = place_order(store, draft(r), key=key, after_unknown_outcome=True, now=NOW)
    assert again.found
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DeliveryOrder)) == 1
    assert reserved(store, r) == 1


def test_a_failure_before_commit_after_an_unknown_outcome_still_checks(store):
    # The first attempt's answer was lost (it did place the order); the retry fails before
    # its COMMIT: "not placed" would be wrong, the check finds the first order.
    r = add_retail(store)
    key = new_draft_key()
    faults = CommitFaults(store, "lose", "refuse")
    try:
        with pytest.raises(OrderUnconfirmed):
            place_order(store, draft(r), key=key, now=NOW)
    finally:
        faults.remove()
    with pytest.raises(OrderNotPlaced):  # no key, no earlier attempt: known not placed
        _fail_once(store, "UPDATE stock_levels", lambda: place_order(store, draft(r), now=NOW))
    # The retry's own lookup of its key fails; the check afterwards finds the order.
    found = _fail_once(store, "draft_key", lambda: place_order(store, draft(r), key=key, after_unknown_outcome=True, now=NOW))
    assert found.found and reserved(store, r) == 1


def _fail_once(store, marker, fn):
    """Run fn with the first statement holding `marker` failing, as a dropped connection would."""
    failed = []

    def fail(conn, cursor, statement, *args):
        if marker in statement and not failed:
            failed.append(statement)
            raise OperationalError(statement, {}, Exception("connection reset by peer"))

    event.listen(store.engine, "before_cursor_execute", fail)
    try:
        return fn()
    finally:
        event.remove(store.engine, "before_cursor_execute", fail)
        assert failed, f"no statement held {marker!r}"
