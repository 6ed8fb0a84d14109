"""Two seats (two processes) order the last unit at the same moment: exactly one gets it."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date, datetime

from sqlalchemy import select

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.store.db import Store, open_store
from cti_desk.store.models import DeliveryOrder, Product, StockLevel
from tests.retail_factories import add_retail, now

ROUNDS = 5
SEATS = 2
NOW = datetime(2026, 11, 30, 1, 0, 0)


def seat(url: str, customer_id: int, location_id: int, product_ids: list[int], barrier, results) -> None:
    """One operator's process: in every round, order the last unit of that round's product."""
    from cti_desk.services.orders import OutOfStock, place_order

    store = Store(url)
    try:
        for i, product_id in enumerate(product_ids):
            draft = OrderDraft(
                customer_id=customer_id, lines=[DraftLine(product_id, 1, 0, location_id)],
                recipient="山田 太郎", phone="03-1234-5678", postal_code="1500002",
                prefecture="東京都", city="渋谷区", line1="渋谷1-2-3",
                delivery_date=date(2026, 12, 1), slot="any", payment="cod",
            )
            barrier.wait(30)
            try:
                placed = place_order(store, draft, now=NOW)
                results.put((i, "won", placed.order_no))
            except OutOfStock as exc:
                results.put((i, "lost", exc.suggestion))
            except Exception as exc:  # reported, so the test shows it instead of hanging
                results.put((i, "error", repr(exc)))
    finally:
        store.dispose()


def test_last_unit_from_two_processes(store_url):
    """Repeated rounds on the store fixture's SQLite file and PostgreSQL database."""
    store = open_store(store_url)
    r = add_retail(store, stock={})
    shop = r.locations["S-SHIBUYA"]
    product_ids = []
    with store.transaction() as s:
        for i in range(ROUNDS):
            p = Product(sku=f"LAST-{i}", jan=None, name=f"最後の1点 {i}", price=1000)
            s.add(p)
            s.flush()
            s.add(StockLevel(product_id=p.id, location_id=shop, on_hand=1, reserved=0, updated_at=now()))
            product_ids.append(p.id)
    store.dispose()

    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(SEATS), ctx.Queue()
    procs = [ctx.Process(target=seat, args=(store_url, r.customer_id, shop, product_ids, barrier, results))
             for _ in range(SEATS)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=60) for _ in range(ROUNDS * SEATS)]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0

    assert not [o for o in outcomes if o[1] == "error"], outcomes
    for i in range(ROUNDS):
        kinds = sorted(kind for n, kind, _ in outcomes if n == i)
        assert kinds == ["lost", "won"], (i, outcomes)
    # The loser was told at once, and no other location has any: nothing to suggest.
    assert all(detail is None for _, kind, detail in outcomes if kind == "lost")

    store = open_store(store_url)
    with store.session() as s:
        levels = s.scalars(select(StockLevel).where(StockLevel.product_id.in_(product_ids))).all()
        assert [(lv.on_hand, lv.reserved) for lv in levels] == [(1, 1)] * ROUNDS
        assert len(s.scalars(select(DeliveryOrder.id)).all()) == ROUNDS
    store.dispose()
