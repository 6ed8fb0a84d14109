"""`POST /oms/status`: the order management system tells the inbox what happened to an
order, over real HTTP, on SQLite and PostgreSQL (the order's life itself is
services/order_life.py's, tested in tests/store/test_order_life.py)."""

from __future__ import annotations

from datetime import date, datetime

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.customers import points_balance
from cti_desk.services.order_life import order_timeline
from cti_desk.services.orders import place_order
from cti_desk.store.models import StockLevel
from tests.app.inbox_harness import post_form, run_inbox
from tests.retail_factories import add_retail


def two_kettles(store, r):
    draft = OrderDraft(
        customer_id=r.customer_id, lines=[DraftLine(r.products["SKU-KETTLE"], 2, 4980, r.locations["S-SHIBUYA"])],
        recipient="山田 太郎", phone="090-1234-5678", postal_code="150-0002", prefecture="東京都",
        city="渋谷区", line1="渋谷1-2-3", delivery_date=date(2026, 12, 2), slot="morning", payment="cod",
        points_to_use=0, operator="佐藤",
    )
    return place_order(store, draft, now=datetime(2026, 11, 30, 1, 0))


def kettles_in_shibuya(store, r) -> tuple[int, int]:
    with store.session() as s:
        level = s.get(StockLevel, (r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"]))
        return level.on_hand, level.reserved


def test_shipped_delivered_then_a_step_back(store):
    r = add_retail(store, points=0)
    order_no = two_kettles(store, r).order_no
    assert kettles_in_shibuya(store, r) == (3, 2)
    seen = {}

    def status(name: str, at: str = "2026-11-30T18:00:00") -> dict:
        return {"order_no": order_no, "status": name, "at": at}

    async def scenario(http):
        seen["shipped"] = await post_form(http, status("shipped"), path="/oms/status")
        seen["stock after shipped"] = kettles_in_shibuya(store, r)
        seen["shipped again"] = await post_form(http, status("shipped"), path="/oms/status")
        seen["delivered"] = await post_form(http, status("delivered", "2026-12-01T10:30:00+09:00"),
                                            path="/oms/status")
        seen["back"] = await post_form(http, status("shipped"), path="/oms/status")
        seen["unknown"] = await post_form(http, {**status("shipped"), "order_no": "CC-19990101-1"},
                                          path="/oms/status")

    run_inbox(store, scenario)
    assert seen["shipped"] == (200, {"order_no": order_no, "status": "shipped", "result": "applied"})
    assert seen["stock after shipped"] == (1, 0)  # on hand and reserved both down
    assert seen["shipped again"] == (200, {"order_no": order_no, "status": "shipped", "result": "already"})
    assert seen["delivered"] == (200, {"order_no": order_no, "status": "delivered", "result": "applied"})
    assert seen["back"] == (409, {"error": f"order {order_no} is delivered: shipped would go back",
                                  "status": "delivered"})
    assert seen["unknown"] == (404, {"error": "no order CC-19990101-1"})
    steps = order_timeline(store, order_no)
    assert [(st.status, st.at, st.source) for st in steps] == [
        ("placed", datetime(2026, 11, 30, 1, 0), "operator"),
        ("shipped", datetime(2026, 11, 30, 9, 0), "oms"),  # no offset: Japan time, kept in UTC
        ("delivered", datetime(2026, 12, 1, 1, 30), "oms")]
    assert kettles_in_shibuya(store, r) == (1, 0)
    with store.session() as s:
        assert points_balance(s, r.customer_id) == 2 * 4980 // 100  # earned on delivery


def test_the_token_and_the_body_are_checked_before_the_order(store):
    r = add_retail(store, points=0)
    order_no = two_kettles(store, r).order_no
    answers = []

    async def scenario(http):
        good = {"order_no": order_no, "status": "cancelled", "at": "2026-11-30T18:00:00"}
        answers.append(await post_form(http, good, path="/oms/status", token=None))
        answers.append(await post_form(http, {**good, "status": "returned"}, path="/oms/status"))
        answers.append(await post_form(http, {**good, "at": "tomorrow"}, path="/oms/status"))
        answers.append(await post_form(http, b"x" * (64 * 1024 + 1), path="/oms/status"))

    run_inbox(store, scenario)
    assert [status for status, _ in answers] == [401, 400, 400, 413]
    assert answers[1][1] == {"error": "status must be one of shipped, delivered, cancelled"}
    assert kettles_in_shibuya(store, r) == (3, 2)  # still reserved: nothing was applied
    assert [st.status for st in order_timeline(store, order_no)] == ["placed"]
