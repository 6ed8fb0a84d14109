"""Demo data's call log (issue 11): one answered call per call-center inquiry (same
customer and time), missed calls besides, the caller's segment as it was at the call, and
delivery orders placed in calls; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from cti_desk.domain.model import segment_for
from cti_desk.services.demo_data import generate
from cti_desk.services.kpi import kpi_rows
from cti_desk.store.models import CallLogEntry, DeliveryOrder, Inquiry, Purchase

TODAY = date(2026, 11, 23)
N = 2000


@pytest.fixture
def demo(store):
    counts = generate(store, customers=N, seed=7, today=TODAY)
    return store, counts


def test_every_call_center_inquiry_is_an_answered_call(demo):
    store, counts = demo
    with store.session() as s:
        inquiries = s.execute(select(Inquiry.call_id, Inquiry.customer_id, Inquiry.opened_at, Inquiry.caller_number)
                              .where(Inquiry.channel == "call_center")).all()
        calls = {r.call_id: r for r in s.scalars(select(CallLogEntry))}
        assert counts["call_log"] == len(calls)
        for call_id, customer_id, opened_at, number in inquiries:
            call = calls[call_id]
            assert (call.customer_id, call.rang_at, call.e164, call.state) == (customer_id, opened_at, number, "ended")
            assert call.rang_at < call.answered_at < call.ended_at
        missed = [c for c in calls.values() if c.state == "missed"]
        assert len(calls) == len(inquiries) + len(missed)
        assert 0.05 * len(inquiries) < len(missed) < 0.3 * len(inquiries)
        assert all(c.answered_at is None and c.ended_at > c.rang_at for c in missed)
        withheld = [c for c in missed if c.customer_id is None]
        assert withheld and all(c.resolution == "anonymous" and c.e164 is None for c in withheld)
        # The segment each caller had at the call: their purchases before it.
        for call in list(calls.values())[:300]:
            if call.customer_id is None:
                continue
            before = s.scalar(select(func.count()).select_from(Purchase).where(
                Purchase.customer_id == call.customer_id, Purchase.purchased_at < call.rang_at))
            assert call.segment == segment_for(before).value, call.call_id


def test_delivery_orders_come_from_calls_of_the_inquiry(demo):
    store, counts = demo
    with store.session() as s:
        orders = s.execute(select(DeliveryOrder, Inquiry, CallLogEntry, Purchase)
                           .join(Inquiry, Inquiry.id == DeliveryOrder.inquiry_id)
                           .join(CallLogEntry, CallLogEntry.call_id == DeliveryOrder.call_id)
                           .join(Purchase, Purchase.id == DeliveryOrder.purchase_id)).all()
    assert counts["delivery_orders"] == len(orders) > 0
    for order, inquiry, call, purchase in orders:
        assert inquiry.call_id == call.call_id and inquiry.customer_id == order.customer_id == call.customer_id
        assert call.answered_at < order.created_at == purchase.purchased_at
        assert (purchase.total, purchase.channel) == (order.total, "call_center")
    rows = kpi_rows(store, date(2024, 11, 1), TODAY, "month")
    assert sum(r.orders for r in rows) == len(orders)
    assert sum(r.calls for r in rows) == counts["call_log"]


def test_each_stock_question_on_the_phone_left_its_lookup(demo):
    """Demo stock questions asked by phone carry the operator's lookup: same call, customer
    and product (named in the notes), a minute after the answer; the notes say "none near"
    exactly when the lookup found none in the caller's prefecture; the KPI counts them."""
    from cti_desk.services.kpi import asked_out_of_stock
    from cti_desk.store.models import Product, StockLookup

    store, _counts = demo
    with store.session() as s:
        questions = {row.call_id: row for row in s.execute(
            select(Inquiry.call_id, Inquiry.customer_id, Inquiry.notes)
            .where(Inquiry.channel == "call_center", Inquiry.subject == "在庫の問い合わせ"))}
        lookups = s.execute(select(StockLookup, Product.name, CallLogEntry.answered_at)
                            .join(Product, Product.id == StockLookup.product_id)
                            .join(CallLogEntry, CallLogEntry.call_id == StockLookup.call_id)).all()
    assert len(questions) > 20 and sorted(questions) == sorted(lk.call_id for lk, _n, _a in lookups)
    none_near = 0
    for lookup, product_name, answered_at in lookups:
        asked = questions[lookup.call_id]
        assert (lookup.channel, lookup.customer_id) == ("call", asked.customer_id)
        assert asked.notes.startswith(f"{product_name}の在庫確認。")
        assert (lookup.at - answered_at).total_seconds() == 60
        said_none = "近隣店舗に在庫なし" in asked.notes
        assert said_none == (lookup.prefecture != "" and lookup.available_near == 0)
        none_near += said_none
    assert none_near > 0
    top = asked_out_of_stock(store, date(2024, 1, 1), TODAY, limit=1000)
    assert sum(a.asked for a in top) == len(lookups) and sum(a.out_of_stock for a in top) == none_near
