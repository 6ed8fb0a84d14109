"""A delivery order whose answer to COMMIT is lost, on the real test PostgreSQL.

A TCP proxy between the seat and PostgreSQL forwards COMMIT and resets the seat's
connection before the server's reply: the server committed, the seat never heard. The
seat must find out by itself that the order exists, and a retry of the same draft must
find it instead of placing (and shipping) a second order.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.order_outcome import OrderNotPlaced, OrderUnconfirmed, new_draft_key
from cti_desk.services.orders import place_order
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import DeliveryOrder, OutboxMessage, PointsEntry, StockLevel
from tests.retail_factories import add_retail
from tests.tcp_proxy import TcpProxy

NOW = datetime(2026, 11, 30, 1, 0, 0)
pytestmark = pytest.mark.pg


@pytest.fixture
def seat(pg_url):
    """(store through the proxy, the proxy, a store straight to PostgreSQL, the retail data)."""
    direct = open_store(pg_url)
    retail = add_retail(direct)
    url = make_url(pg_url)
    with TcpProxy((url.host, url.port)) as proxy:
        proxied = Store(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
        with proxied.session() as s:  # connected, dialect set up: the next COMMIT is the order's
            s.execute(select(1))
        yield proxied, proxy, direct, retail
        proxied.dispose()
    direct.dispose()


def kettle(r, points=0) -> OrderDraft:
    return OrderDraft(
        customer_id=r.customer_id, lines=[DraftLine(r.products["SKU-KETTLE"], 1, 0, r.locations["S-SHIBUYA"])],
        recipient="山田 太郎", phone="03-1234-5678", postal_code="1500002", prefecture="東京都",
        city="渋谷区", line1="渋谷1-2-3", delivery_date=date(2026, 12, 1), slot="any", payment="cod",
        points_to_use=points,
    )


def what_the_store_has(direct, r):
    with direct.session() as s:
        return {
            "orders": s.execute(select(DeliveryOrder.order_no, DeliveryOrder.draft_key)).all(),
            "outbox": s.scalars(select(OutboxMessage.idempotency_key)).all(),
            "reserved": s.scalar(select(StockLevel.reserved).where(
                StockLevel.product_id == r.products["SKU-KETTLE"], StockLevel.location_id == r.locations["S-SHIBUYA"])),
            "points_entries": s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.purchase_id.is_not(None))),
        }


def test_lost_answer_to_commit_one_order_one_key(seat):
    proxied, proxy, direct, r = seat
    key = new_draft_key()
    proxy.reset_after(b"COMMIT")
    placed = place_order(proxied, kettle(r, points=100), key=key, now=NOW)
    assert proxy.resets == 1  # the answer really was lost
    assert placed.found  # the seat asked the store afterwards and found it
    stored = what_the_store_has(direct, r)
    assert stored["orders"] == [(placed.order_no, key)]
    assert stored["outbox"] == [placed.order_no]
    assert stored["reserved"] == 1 and stored["points_entries"] == 1  # spent, once

    again = place_order(proxied, kettle(r, points=100), key=key, now=NOW)  # the operator presses again
    assert again.found and again.order_no == placed.order_no
    assert what_the_store_has(direct, r) == stored


def test_connection_lost_before_commit_is_not_placed_and_the_retry_places_one(seat):
    proxied, proxy, direct, r = seat
    key = new_draft_key()
    before = what_the_store_has(direct, r)
    proxy.reset_after(b"INSERT INTO delivery_orders")  # the server inserts, then loses the seat
    with pytest.raises(OrderNotPlaced):
        place_order(proxied, kettle(r), key=key, now=NOW)
    assert proxy.resets == 1
    assert what_the_store_has(direct, r) == before
    placed = place_order(proxied, kettle(r), key=key, now=NOW)
    assert not placed.found
    assert what_the_store_has(direct, r)["orders"] == [(placed.order_no, key)]


def test_when_the_check_is_lost_too_the_retry_finds_the_order(seat):
    proxied, proxy, direct, r = seat
    key = new_draft_key()
    proxy.reset_after(b"COMMIT", times=2)  # the order's COMMIT, then the check's
    with pytest.raises(OrderUnconfirmed):
        place_order(proxied, kettle(r), key=key, now=NOW)
    assert proxy.resets == 2
    [(order_no, stored_key)] = what_the_store_has(direct, r)["orders"]
    assert stored_key == key
    again = place_order(proxied, kettle(r), key=key, after_unknown_outcome=True, now=NOW)
    assert again.found and again.order_no == order_no
    assert what_the_store_has(direct, r)["reserved"] == 1
