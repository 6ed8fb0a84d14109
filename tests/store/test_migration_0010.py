"""Migration 0010 on SQLite and PostgreSQL: orders placed before it get their `placed`
step and go on living (shipped, delivered) without earning their points twice."""

from datetime import date, datetime

from alembic import command
from sqlalchemy import func, select

from cti_desk.services.customers import points_balance
from cti_desk.services.order_life import apply_oms_status, order_timeline
from cti_desk.store.db import Store, _alembic_config, current_revision, open_store
from cti_desk.store.models import (
    DeliveryOrder,
    DeliveryOrderLine,
    PointsEntry,
    Purchase,
    StockLevel,
)
from tests.retail_factories import add_retail

PLACED_AT = datetime(2026, 11, 20, 3, 0)


def test_orders_before_0010_get_their_placed_step(store_url):
    store = open_store(store_url)
    r = add_retail(store)
    bare = Store(store_url)
    cfg = _alembic_config(bare.engine)
    command.downgrade(cfg, "0009")
    assert current_revision(bare.engine) == "0009"
    kettle, shop = r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"]
    with bare.transaction() as s:  # what orders.py wrote before: reserved, earned at placing
        purchase = Purchase(order_no="CC-20261120-000001", channel="call_center", customer_id=r.customer_id,
                            purchased_at=PLACED_AT, total=4980, status="pending_delivery")
        s.add(purchase)
        s.flush()
        order = DeliveryOrder(order_no=purchase.order_no, customer_id=r.customer_id, purchase_id=purchase.id,
                              recipient="山田 太郎", postal_code="1500002", prefecture="東京都", city="渋谷区",
                              line1="渋谷1-2-3", delivery_date=date(2026, 11, 22), slot="any", payment="cod",
                              total=4980, operator="鈴木", created_at=PLACED_AT)
        s.add(order)
        s.flush()
        s.add(DeliveryOrderLine(order_id=order.id, product_id=kettle, location_id=shop, quantity=1, unit_price=4980))
        s.get(StockLevel, (kettle, shop)).reserved = 1
        s.add(PointsEntry(customer_id=r.customer_id, purchase_id=purchase.id, delta=49, reason="earned",
                          at=PLACED_AT))
    command.upgrade(cfg, "head")
    bare.dispose()

    [step] = order_timeline(store, "CC-20261120-000001")
    assert (step.status, step.at, step.source, step.actor) == ("placed", PLACED_AT, "operator", "鈴木")
    assert apply_oms_status(store, "CC-20261120-000001", "shipped", datetime(2026, 11, 21)).result == "applied"
    assert apply_oms_status(store, "CC-20261120-000001", "delivered", datetime(2026, 11, 22)).result == "applied"
    with store.session() as s:
        level = s.get(StockLevel, (kettle, shop))
        assert (level.on_hand, level.reserved) == (2, 0)
        assert points_balance(s, r.customer_id) == 500 + 49  # earned once, at placing
        assert s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.reason == "earned")) == 1
    assert [st.status for st in order_timeline(store, "CC-20261120-000001")] == ["placed", "shipped", "delivered"]
    store.dispose()
