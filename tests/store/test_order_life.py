"""What the OMS says happened to an order (POST /oms/status's core): stock, reservations,
points and statuses after each step, replays and steps back, on SQLite and PostgreSQL."""

import threading
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.domain.errors import BadArgument
from cti_desk.services.customers import points_balance
from cti_desk.services.history import PurchaseQuery, purchase_page
from cti_desk.services.order_life import apply_oms_status, order_timeline
from cti_desk.services.orders import place_order
from cti_desk.store.db import open_store
from cti_desk.store.models import (
    DeliveryOrder,
    OrderStatusStep,
    PointsEntry,
    Purchase,
    StockLevel,
)
from tests.retail_factories import add_retail

NOW = datetime(2026, 11, 30, 1, 0, 0)
SHIPPED_AT = datetime(2026, 11, 30, 9, 0, tzinfo=timezone(timedelta(hours=9)))  # 00:00 UTC
DELIVERED_AT = datetime(2026, 12, 1, 5, 30, tzinfo=UTC)


def kettles(store, r, quantity=2, points=300, location="S-SHIBUYA", towels=0):
    """An order of `quantity` kettles (4,980 each) paid partly with `points`."""
    lines = [DraftLine(r.products["SKU-KETTLE"], quantity, 4980, r.locations[location])]
    if towels:
        lines.append(DraftLine(r.products["SKU-TOWEL"], towels, 1500, r.locations["WH-EAST"]))
    d = OrderDraft(
        customer_id=r.customer_id, lines=lines, recipient="山田 太郎", phone="090-1234-5678",
        postal_code="150-0002", prefecture="東京都", city="渋谷区", line1="渋谷1-2-3",
        delivery_date=date(2026, 12, 2), slot="morning", payment="cod", points_to_use=points, operator="佐藤",
    )
    return place_order(store, d, now=NOW)


def stock(store, r, location="S-SHIBUYA", sku="SKU-KETTLE"):
    """(on hand, reserved)"""
    with store.session() as s:
        level = s.get(StockLevel, (r.products[sku], r.locations[location]))
        return level.on_hand, level.reserved


def state(store, r, order_no):
    """Everything a status may change: stock, points, the order's and purchase's status, steps."""
    with store.session() as s:
        order = s.scalars(select(DeliveryOrder).where(DeliveryOrder.order_no == order_no)).one()
        return {
            "kettles": stock(store, r),
            "towels": stock(store, r, "WH-EAST", "SKU-TOWEL"),
            "points": points_balance(s, r.customer_id),
            "ledger": s.scalar(select(func.count()).select_from(PointsEntry)),
            "order": order.status,
            "purchase": s.get(Purchase, order.purchase_id).status,
            "steps": [st.status for st in order_timeline(store, order_no)],
        }


def test_placing_reserves_and_spends_but_earns_nothing_yet(store):
    r = add_retail(store)  # 500 points, 3 kettles in Shibuya
    placed = kettles(store, r)
    assert placed.points_earned == 96  # what the form says it will earn: 1% of 9,660 paid
    assert state(store, r, placed.order_no) == {
        "kettles": (3, 2), "towels": (100, 0), "points": 200, "ledger": 2, "order": "confirmed",
        "purchase": "pending_delivery", "steps": ["placed"],
    }
    [step] = order_timeline(store, placed.order_no)
    assert (step.at, step.source, step.actor, step.reason) == (NOW, "operator", "佐藤", "")


def test_shipped_consumes_the_reservation_then_delivered_earns_the_points(store):
    r = add_retail(store)
    placed = kettles(store, r, towels=3)
    shipped = apply_oms_status(store, placed.order_no, "shipped", SHIPPED_AT)
    assert (shipped.result, shipped.current) == ("applied", "shipped")
    assert state(store, r, placed.order_no) == {
        "kettles": (1, 0), "towels": (97, 0), "points": 200, "ledger": 2, "order": "shipped",
        "purchase": "shipped", "steps": ["placed", "shipped"],
    }
    delivered = apply_oms_status(store, placed.order_no, "delivered", DELIVERED_AT)
    assert delivered.result == "applied"
    paid = 2 * 4980 + 3 * 1500 - 300
    assert state(store, r, placed.order_no) == {
        "kettles": (1, 0), "towels": (97, 0), "points": 200 + paid // 100, "ledger": 3, "order": "delivered",
        "purchase": "delivered", "steps": ["placed", "shipped", "delivered"],
    }
    steps = order_timeline(store, placed.order_no)
    assert [(st.at, st.source) for st in steps[1:]] == [
        (datetime(2026, 11, 30, 0, 0), "oms"), (datetime(2026, 12, 1, 5, 30), "oms")]  # kept in UTC
    with store.session() as s:
        earned = s.scalars(select(PointsEntry).where(PointsEntry.reason == "earned")).one()
        assert (earned.delta, earned.at, earned.purchase_id) == (paid // 100, datetime(2026, 12, 1, 5, 30),
                                                                 placed.purchase_id)


def test_delivered_without_shipped_does_both(store):
    r = add_retail(store)
    placed = kettles(store, r, quantity=1, points=0)
    assert apply_oms_status(store, placed.order_no, "delivered", DELIVERED_AT).result == "applied"
    after = state(store, r, placed.order_no)
    assert (after["kettles"], after["points"], after["purchase"]) == ((2, 0), 500 + 49, "delivered")
    assert after["steps"] == ["placed", "delivered"]


def test_cancelled_releases_the_reservation_and_returns_spent_points(store):
    r = add_retail(store)
    placed = kettles(store, r)
    assert apply_oms_status(store, placed.order_no, "cancelled", SHIPPED_AT).result == "applied"
    assert state(store, r, placed.order_no) == {
        "kettles": (3, 0), "towels": (100, 0), "points": 500, "ledger": 3, "order": "cancelled",
        "purchase": "cancelled", "steps": ["placed", "cancelled"],
    }
    with store.session() as s:
        back = s.scalars(select(PointsEntry).where(PointsEntry.reason == "returned")).one()
        assert (back.delta, back.purchase_id) == (300, placed.purchase_id)
    # The released kettles can be ordered again.
    assert kettles(store, r, quantity=3, points=0).order_no != placed.order_no


@pytest.mark.parametrize("status", ["shipped", "delivered", "cancelled"])
def test_a_replayed_status_changes_nothing(store, status):
    r = add_retail(store)
    placed = kettles(store, r)
    assert apply_oms_status(store, placed.order_no, status, SHIPPED_AT).result == "applied"
    before = state(store, r, placed.order_no)
    for _ in range(2):
        again = apply_oms_status(store, placed.order_no, status, DELIVERED_AT)
        assert (again.result, again.current) == ("already", status)
    assert state(store, r, placed.order_no) == before


@pytest.mark.parametrize(("path", "back"), [
    (["shipped", "delivered"], "shipped"),
    (["delivered"], "shipped"),
    (["delivered"], "cancelled"),
    (["shipped"], "cancelled"),
    (["cancelled"], "shipped"),
    (["cancelled"], "delivered"),
])
def test_a_step_back_is_refused_and_changes_nothing(store, path, back):
    r = add_retail(store)
    placed = kettles(store, r)
    for status in path:
        apply_oms_status(store, placed.order_no, status, SHIPPED_AT)
    before = state(store, r, placed.order_no)
    refused = apply_oms_status(store, placed.order_no, back, DELIVERED_AT)
    assert (refused.result, refused.current) == ("backwards", path[-1])
    assert state(store, r, placed.order_no) == before


def test_an_unknown_order_or_status(store):
    r = add_retail(store)
    placed = kettles(store, r)
    before = state(store, r, placed.order_no)
    unknown = apply_oms_status(store, "CC-20261130-999999", "shipped", SHIPPED_AT)
    assert (unknown.result, unknown.current) == ("unknown", None)
    assert order_timeline(store, "CC-20261130-999999") == []
    for status in ("placed", "SHIPPED", "returned", ""):
        with pytest.raises(BadArgument):
            apply_oms_status(store, placed.order_no, status, SHIPPED_AT)
    assert state(store, r, placed.order_no) == before


def test_an_order_placed_before_0010_does_not_earn_twice(store):
    """Orders placed before points moved to delivery earned theirs at placing."""
    r = add_retail(store)
    early, late = kettles(store, r, quantity=1, points=0), kettles(store, r, quantity=1, points=100)
    with store.transaction() as s:
        for placed in (early, late):
            s.add(PointsEntry(customer_id=r.customer_id, purchase_id=placed.purchase_id,
                              delta=placed.points_earned, reason="earned", at=NOW))
    with store.session() as s:
        assert points_balance(s, r.customer_id) == 500 - 100 + 49 + 48
    apply_oms_status(store, early.order_no, "delivered", DELIVERED_AT)
    apply_oms_status(store, late.order_no, "cancelled", DELIVERED_AT)  # spent back, earned taken back
    with store.session() as s:
        assert points_balance(s, r.customer_id) == 500 + 49
        assert s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.reason == "earned")) == 2


def test_a_short_reservation_never_goes_below_zero(store):
    """A store edited by hand: the reservation is gone; shipping still records the step."""
    r = add_retail(store)
    placed = kettles(store, r)
    with store.transaction() as s:
        s.get(StockLevel, (r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"])).reserved = 1
    assert apply_oms_status(store, placed.order_no, "shipped", SHIPPED_AT).result == "applied"
    assert stock(store, r) == (1, 0)


def test_the_purchase_history_shows_each_orders_status_and_earned_points(store):
    r = add_retail(store)
    delivered, cancelled, legacy, waiting = (kettles(store, r, quantity=1, points=p, location="WH-EAST")
                                            for p in (100, 100, 0, 0))
    with store.transaction() as s:  # placed before 0010: earned at placing
        s.add(PointsEntry(customer_id=r.customer_id, purchase_id=legacy.purchase_id, delta=49, reason="earned", at=NOW))
    apply_oms_status(store, delivered.order_no, "delivered", DELIVERED_AT)
    for placed in (cancelled, legacy):
        apply_oms_status(store, placed.order_no, "cancelled", DELIVERED_AT)
    with store.session() as s:
        rows = {row.order_no: (row.status, row.points) for row in purchase_page(s, r.customer_id)}
        by_points = [row.order_no for row in purchase_page(s, PurchaseQuery(r.customer_id, order_by="points"))]
    assert rows == {delivered.order_no: ("delivered", 48), cancelled.order_no: ("cancelled", 0),
                    legacy.order_no: ("cancelled", 0), waiting.order_no: ("pending_delivery", 0)}
    assert by_points[0] == delivered.order_no  # not the returned 100 points of the cancelled one


@pytest.mark.pg
def test_two_deliveries_at_once_on_postgresql_apply_once(pg_url):
    """Two OMS requests for the same order at the same moment: one applies, one finds it done.
    Both are made to wait on the order's row (held by a third transaction) before either reads it."""
    store = open_store(pg_url)
    try:
        r = add_retail(store)
        placed = kettles(store, r)
        outcomes = []
        with store.engine.connect() as holder:
            holder.execute(text("SELECT id FROM delivery_orders WHERE order_no = :n FOR UPDATE"),
                           {"n": placed.order_no})
            threads = [threading.Thread(target=lambda: outcomes.append(
                apply_oms_status(store, placed.order_no, "delivered", DELIVERED_AT).result)) for _ in range(2)]
            for t in threads:
                t.start()
            waiting = 0
            with store.engine.connect() as watch:
                for _ in range(600):  # until both wait on the lock (at most 30 s)
                    watch.execute(text("SELECT pg_stat_clear_snapshot()"))
                    waiting = watch.execute(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND wait_event_type = 'Lock'")).scalar()
                    if waiting == 2:
                        break
                    threading.Event().wait(0.05)
            assert waiting == 2
            holder.rollback()
        for t in threads:
            t.join(30)
        assert sorted(outcomes) == ["already", "applied"]
        after = state(store, r, placed.order_no)
        assert (after["kettles"], after["points"], after["steps"]) == ((1, 0), 200 + 96, ["placed", "delivered"])
        with store.session() as s:
            assert s.scalar(select(func.count()).select_from(OrderStatusStep)) == 2
    finally:
        store.dispose()
