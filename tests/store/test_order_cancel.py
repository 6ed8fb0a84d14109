"""The operator's cancel of an order not shipped yet, and the cancel's way to a real local
OMS behind its order, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from cti_desk.domain.roles import AccessDenied
from cti_desk.services.access import Role, Seat
from cti_desk.services.customers import points_balance
from cti_desk.services.order_life import (
    CANCEL_TEXTS,
    MAX_REASON,
    CancelRefused,
    apply_oms_status,
    cancel_order,
    order_timeline,
)
from cti_desk.services.outbox import Backoff, OutboxDispatcher, outbox_row, retry_now
from cti_desk.services.seat_services import SeatServices
from cti_desk.store.models import AuditEntry, OutboxMessage, PointsEntry, Purchase, StockLevel
from tests.retail_factories import FakeOMS, add_retail
from tests.store.test_order_life import kettles, state

NOW = datetime(2026, 11, 30, 1, 0, 0)
CANCEL_AT = datetime(2026, 11, 30, 2, 15, 0)


@pytest.fixture
def oms():
    server = FakeOMS()
    yield server
    server.close()


def everything(store, r, order_no):
    """What a cancel writes, to check a refusal wrote none of it."""
    with store.session() as s:
        return (state(store, r, order_no),
                s.scalar(select(func.count()).select_from(AuditEntry)),
                s.scalar(select(func.count()).select_from(OutboxMessage)))


def test_the_operators_cancel_releases_returns_audits_and_queues(store):
    r = add_retail(store)
    placed = kettles(store, r)  # 2 of 3 kettles reserved, 300 of 500 points spent
    done = cancel_order(store, placed.order_no, "  お客様のご都合\n(重複注文)  ", "佐藤", CANCEL_AT, desk="desk-3")
    assert (done.order_no, done.cancelled_at, done.points_returned, done.outbox_key) == (
        placed.order_no, CANCEL_AT, 300, f"{placed.order_no}-cancel")
    after = state(store, r, placed.order_no)
    assert (after["kettles"], after["points"], after["order"], after["purchase"]) == ((3, 0), 500, "cancelled",
                                                                                     "cancelled")
    step = order_timeline(store, placed.order_no)[-1]
    assert (step.status, step.at, step.source, step.actor, step.reason) == (
        "cancelled", CANCEL_AT, "operator", "佐藤", "お客様のご都合 (重複注文)")
    with store.session() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "order.cancel")).one()
        assert (audit.actor, audit.desk, audit.customer_id, audit.at) == ("佐藤", "desk-3", r.customer_id, CANCEL_AT)
        assert placed.order_no in audit.detail and "お客様のご都合" in audit.detail
        msg = s.scalars(select(OutboxMessage).where(OutboxMessage.topic == "cancel")).one()
        assert (msg.idempotency_key, msg.status, msg.next_attempt_at) == (f"{placed.order_no}-cancel", "pending",
                                                                          CANCEL_AT)
        assert msg.payload == {"order_no": placed.order_no, "reason": "お客様のご都合 (重複注文)",
                               "cancelled_at": "2026-11-30T02:15:00+00:00"}
        assert s.scalar(select(func.sum(PointsEntry.delta)).where(PointsEntry.purchase_id == placed.purchase_id)) == 0
    # The OMS's own word on it afterwards is "already"; a shipment after it is a step back.
    assert apply_oms_status(store, placed.order_no, "cancelled", CANCEL_AT).result == "already"
    assert apply_oms_status(store, placed.order_no, "shipped", CANCEL_AT).result == "backwards"
    assert state(store, r, placed.order_no) == after


@pytest.mark.parametrize(("before", "code"), [
    (None, "cancel.no_reason"),
    (None, "cancel.reason_too_long"),
    (None, "cancel.unknown"),
    ("shipped", "cancel.shipped"),
    ("delivered", "cancel.delivered"),
    ("cancelled", "cancel.cancelled"),
    ("operator", "cancel.cancelled"),
])
def test_refusals_write_nothing_and_say_why(store, before, code):
    r = add_retail(store)
    placed = kettles(store, r)
    if before == "operator":
        cancel_order(store, placed.order_no, "お客様のご都合", "佐藤", CANCEL_AT)
    elif before is not None:
        apply_oms_status(store, placed.order_no, before, CANCEL_AT)
    reason = {"cancel.no_reason": " \n\t ", "cancel.reason_too_long": "あ" * (MAX_REASON + 1)}.get(code, "理由")
    order_no = "CC-20261130-999999" if code == "cancel.unknown" else placed.order_no
    unchanged = everything(store, r, placed.order_no)
    with pytest.raises(CancelRefused) as refused:
        cancel_order(store, order_no, reason, "佐藤", CANCEL_AT)
    assert refused.value.message.code == code
    assert refused.value.message.text == CANCEL_TEXTS[code]
    assert everything(store, r, placed.order_no) == unchanged
    assert cancel_order(store, kettles(store, r, quantity=1, points=0).order_no, "あ" * MAX_REASON, "佐藤")


def test_the_seats_cancel_and_timeline(store):
    r = add_retail(store)
    placed = kettles(store, r)
    kiosk = SeatServices(store, Seat("kiosk:S-SHIBUYA", Role.KIOSK, "shop-pc"))
    before = everything(store, r, placed.order_no)
    with pytest.raises(AccessDenied):
        kiosk.cancel_order(placed.order_no, "理由")
    with pytest.raises(AccessDenied):
        kiosk.order_timeline(placed.order_no)
    assert everything(store, r, placed.order_no) == before
    supervisor = SeatServices(store, Seat("高橋", Role.SUPERVISOR, "desk-9"))
    supervisor.cancel_order(placed.order_no, "在庫の引当誤り")
    steps = SeatServices(store, Seat("佐藤", Role.OPERATOR, "desk-1")).order_timeline(placed.order_no)
    assert [(st.status, st.source, st.actor, st.reason) for st in steps] == [
        ("placed", "operator", "佐藤", ""), ("cancelled", "operator", "高橋", "在庫の引当誤り")]
    with store.session() as s:
        assert s.execute(select(AuditEntry.actor, AuditEntry.desk).where(AuditEntry.action == "order.cancel")).one() \
            == ("高橋", "desk-9")


# -- to the OMS --------------------------------------------------------------------------------


def dispatcher(store, oms) -> OutboxDispatcher:
    return OutboxDispatcher(store, oms.url, timeout=(1.0, 0.5), backoff=Backoff(1.0, 2.0, 30.0, 0.0))


def test_a_cancel_is_sent_to_its_url_with_its_key(store, oms):
    r = add_retail(store)
    placed = kettles(store, r)
    d = dispatcher(store, oms)
    assert d.run_once(NOW) == 1  # the order reached the OMS
    cancel_order(store, placed.order_no, "お客様のご都合", "佐藤", CANCEL_AT)
    assert d.run_once(CANCEL_AT) == 1
    key = f"{placed.order_no}-cancel"
    assert oms.paths == [(placed.order_no, "/orders"), (key, f"/orders/{placed.order_no}/cancel")]
    assert oms.accepted[key] == [{"order_no": placed.order_no, "reason": "お客様のご都合",
                                  "cancelled_at": "2026-11-30T02:15:00+00:00"}]
    assert outbox_row(store, key).status == "sent"


def test_a_cancel_waits_behind_its_order_still_waiting_for_the_oms(store, oms):
    r = add_retail(store)
    placed, other = kettles(store, r, quantity=1), kettles(store, r, quantity=1, points=0)
    cancel_order(store, placed.order_no, "お客様のご都合", "佐藤", NOW)
    cancel_order(store, other.order_no, "重複注文", "佐藤", NOW)
    oms.script = [500, 422]  # the first order: try again later; the other: refused, a person must look
    d = dispatcher(store, oms)
    t = NOW + timedelta(seconds=1)
    assert d.run_once(t) == 0
    assert [path for _, path in oms.paths] == ["/orders", "/orders"]  # both cancels held back
    for _ in range(3):  # due again and again: still behind their orders
        t += timedelta(minutes=1)
        d.run_once(t)
    assert [key for key, _ in oms.paths] == [placed.order_no, other.order_no, placed.order_no,
                                              f"{placed.order_no}-cancel"]
    assert outbox_row(store, f"{placed.order_no}-cancel").status == "sent"
    assert outbox_row(store, f"{other.order_no}-cancel").attempts == 0  # its order failed: still waiting
    retry_now(store, outbox_row(store, other.order_no).id, t)
    t += timedelta(seconds=1)
    d.run_once(t)
    d.run_once(t + timedelta(seconds=1))
    assert [key for key, _ in oms.paths][-2:] == [other.order_no, f"{other.order_no}-cancel"]
    assert sorted(oms.accepted) == sorted([placed.order_no, other.order_no, f"{placed.order_no}-cancel",
                                           f"{other.order_no}-cancel"])


def test_a_cancel_of_an_order_without_its_own_message_goes_at_once(store, oms):
    """An order the OMS never had from this outbox (no message of its own): its cancel goes
    at once; another order goes out as before, untouched."""
    r = add_retail(store)
    first, second = kettles(store, r, quantity=1), kettles(store, r, quantity=1, points=0)
    with store.transaction() as s:
        s.execute(OutboxMessage.__table__.delete().where(OutboxMessage.idempotency_key == second.order_no))
    cancel_order(store, second.order_no, "お客様のご都合", "佐藤", NOW)
    assert dispatcher(store, oms).run_once(NOW + timedelta(seconds=1)) == 2
    assert sorted(k for k, _ in oms.paths) == sorted([first.order_no, f"{second.order_no}-cancel"])
    with store.session() as s:
        assert s.get(Purchase, first.purchase_id).status == "pending_delivery"
        assert s.get(StockLevel, (r.products["SKU-KETTLE"], r.locations["S-SHIBUYA"])).reserved == 1
        assert points_balance(s, r.customer_id) == 500 - 300
