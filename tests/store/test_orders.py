import re
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.customers import points_balance
from cti_desk.services.orders import OutOfStock, ValidationFailed, place_order
from cti_desk.store.models import (
    AuditEntry,
    DeliveryOrder,
    Inquiry,
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
        # 500 - 300 spent + 1% of 9,660 paid = 96 earned
        assert points_balance(s, r.customer_id) == 500 - 300 + 96
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "order.place")).one()
        assert audit.call_id == "c-1" and placed.order_no in audit.detail
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0  # no OMS configured


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


def test_with_an_oms_the_order_is_in_the_outbox_in_the_same_transaction(store):
    r = add_retail(store)
    placed = place_order(store, draft(r), now=NOW, send_to_oms=True)
    with store.session() as s:
        msg = s.scalars(select(OutboxMessage)).one()
    assert msg.idempotency_key == placed.order_no
    assert msg.status == "pending" and msg.next_attempt_at == NOW
    assert msg.payload["order_no"] == placed.order_no
    assert msg.payload["lines"] == [{"sku": "SKU-KETTLE", "jan": "4901234567894", "name": "電気ケトル 1.0L",
                                     "quantity": 1, "unit_price": 4980, "ship_from": "S-SHIBUYA"}]
    assert msg.payload["delivery"]["date"] == "2026-12-01"
