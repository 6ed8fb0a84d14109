"""An order waiting for the store, placed by place_waiting on both stores: placed once
however often it is tried (its key), refused when the stock went meanwhile, and still
waiting (never raising) while the store cannot be reached."""

from __future__ import annotations

import socket

from sqlalchemy import func, select

from cti_desk.domain.delivery import DeliveryCalendar
from cti_desk.services.order_journal import WaitingOrder, place_waiting
from cti_desk.services.order_outcome import OrderUnconfirmed, new_draft_key
from cti_desk.services.orders import OutOfStock, japan_day, utcnow
from cti_desk.store.db import Store
from cti_desk.store.models import DeliveryOrder
from tests.retail_factories import add_retail
from tests.store.test_orders import draft, reserved


def deliverable(r):
    """An order draft for a day the calendar still offers."""
    return draft(r, delivery_date=DeliveryCalendar().earliest(japan_day(utcnow()), 3))


def test_tried_again_and_again_it_is_placed_once(store):
    r = add_retail(store)
    order = WaitingOrder(new_draft_key(), deliverable(r))
    first = place_waiting(store, order)
    again = place_waiting(store, order)
    assert first.placed is not None and not first.placed.found
    assert again.placed is not None and again.placed.found and again.placed.order_no == first.placed.order_no
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DeliveryOrder)) == 1
    assert reserved(store, r) == 1


def test_refused_when_the_stock_went_while_it_waited(store):
    r = add_retail(store, stock={("SKU-KETTLE", "S-SHIBUYA"): 0})
    attempt = place_waiting(store, WaitingOrder(new_draft_key(), deliverable(r)))
    assert attempt.placed is None and isinstance(attempt.refused, OutOfStock)


def test_an_unreachable_store_leaves_it_waiting(store):
    r = add_retail(store)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = Store(f"postgresql+psycopg://postgres@127.0.0.1:{port}/nowhere?connect_timeout=2")
    try:
        attempt = place_waiting(nowhere, WaitingOrder(new_draft_key(), deliverable(r)))
    finally:
        nowhere.dispose()
    assert attempt.placed is None and attempt.refused is None
    assert isinstance(attempt.unanswered, OrderUnconfirmed)  # whether an earlier try placed it: unknown
