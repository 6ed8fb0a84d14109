"""Demo delivery orders live on after their call as the OMS and operators would have made
them: steps, statuses and points agree, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import select

from cti_desk.domain.delivery import points_earned
from cti_desk.services.demo_calls import order_life
from cti_desk.services.demo_data import generate
from cti_desk.services.order_life import apply_oms_status, order_timeline
from cti_desk.store.models import DeliveryOrder, PointsEntry, Purchase

END = datetime(2026, 11, 22, 15, 0)  # midnight of 2026-11-23 in Japan


class Draws(random.Random):
    """A generator whose first random() is fixed: cancelled or not, as the test wants."""

    def __init__(self, first: float) -> None:
        super().__init__(1)
        self.first = first

    def random(self) -> float:
        first, self.first = self.first, None
        return super().random() if first is None else first


def life(at: datetime, first_draw: float):
    gen = SimpleNamespace(life_rng=Draws(first_draw), ts=lambda t: t, end=END,
                          ids=SimpleNamespace(points=itertools.count(1), step=itertools.count(1)))
    points, steps = [], []
    delivery = (at + timedelta(hours=9)).date() + timedelta(days=2)
    status = order_life(gen, 7, 70, 3, at, delivery, 4980, "佐藤(2001)", points, steps)
    return status, points, [(st[2], st[3], st[4]) for st in steps]


def test_an_old_order_was_shipped_and_delivered_and_earned_then():
    at = END - timedelta(days=30)
    status, points, steps = life(at, 0.9)
    assert status == "delivered"
    assert [(s, src) for s, _, src in steps] == [("placed", "operator"), ("shipped", "oms"), ("delivered", "oms")]
    assert steps[0][1] == at < steps[1][1] < steps[2][1] < END
    assert points == [(1, 3, 70, 49, "earned", steps[2][1])]


def test_a_recent_order_is_still_on_its_way():
    at = END - timedelta(hours=20)
    status, points, steps = life(at, 0.9)
    assert status == "shipped" and points == []
    assert [s for s, _, _ in steps] == ["placed", "shipped"] and at < steps[1][1] < END


def test_a_cancelled_order_earned_nothing():
    at = END - timedelta(days=30)
    status, points, steps = life(at, 0.01)
    assert status == "cancelled" and points == []
    assert [(s, src) for s, _, src in steps] == [("placed", "operator"), ("cancelled", "operator")]
    assert at < steps[1][1] < at + timedelta(hours=10)


def test_generated_orders_agree_with_their_steps_and_points(store):
    generate(store, customers=2000, seed=7, today=date(2026, 11, 23))
    with store.session() as s:
        orders = s.execute(select(DeliveryOrder, Purchase).join(Purchase, Purchase.id == DeliveryOrder.purchase_id)).all()
        earned = {p: (d, at) for p, d, at in s.execute(
            select(PointsEntry.purchase_id, PointsEntry.delta, PointsEntry.at).where(
                PointsEntry.purchase_id.in_([o.purchase_id for o, _ in orders]), PointsEntry.reason == "earned"))}
    assert orders
    for order, purchase in orders:
        steps = order_timeline(store, order.order_no)
        assert (steps[0].status, steps[0].at, steps[0].actor) == ("placed", order.created_at, order.operator)
        assert [st.at for st in steps] == sorted(st.at for st in steps)
        assert steps[-1].status == order.status == purchase.status
        if order.status == "delivered":
            assert earned[purchase.id] == (points_earned(order.total), steps[-1].at)
        else:
            assert purchase.id not in earned
    delivered = next(o for o, _ in orders if o.status == "delivered")
    assert apply_oms_status(store, delivered.order_no, "delivered", END).result == "already"
    assert apply_oms_status(store, delivered.order_no, "shipped", END).result == "backwards"
