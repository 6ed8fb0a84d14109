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
