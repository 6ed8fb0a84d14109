"""Roles at the service layer, without Qt: each role is refused what the table does not give
it before the store is asked, and gets what it does give it, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.domain.roles import ACTION_LABELS, AccessDenied, Action, Role, allowed, may
from cti_desk.services.access import Seat, require, this_desk, use_desk
from cti_desk.services.inquiries import WrapUp
from cti_desk.services.kiosk import kiosk_shop
from cti_desk.services.orders import place_order, utcnow
from cti_desk.services.seat_services import SeatServices
from cti_desk.store.db import Store
from cti_desk.store.models import AuditEntry
from tests.retail_factories import add_retail

DAY = date(2026, 11, 2)
NOW = datetime(2026, 11, 30, 1, 0, 0)  # 10:00 in Tokyo on a Monday


def _draft(r, cid: int) -> OrderDraft:
    return OrderDraft(
        customer_id=cid, lines=[DraftLine(r.products["SKU-TOWEL"], 1, 1500, r.locations["WH-EAST"])],
        recipient="山田 太郎", phone="090-1234-5678", postal_code="150-0002", prefecture="東京都",
        city="渋谷区", line1="渋谷1-2-3", delivery_date=date(2026, 12, 2), slot="any", payment="cod")


# One service call per action: what a window of each role would ask.
CALLS = {
    Action.OPEN_CUSTOMER: lambda svc, ctx: svc.open_customer(ctx["cid"]),
    Action.SEARCH_CUSTOMERS: lambda svc, ctx: svc.customer_candidates("山田"),
    Action.READ_PURCHASES: lambda svc, ctx: svc.purchase_page(ctx["cid"]),
    Action.READ_INQUIRIES: lambda svc, ctx: svc.inquiries(ctx["cid"]),
    Action.WRITE_CUSTOMER: lambda svc, ctx: svc.attach_number(ctx["cid"], "090-1111-2222"),
    Action.WRITE_WRAPUP: lambda svc, ctx: svc.save_wrapup(WrapUp(
        call_id=f"call-{svc.seat.role}", operator="x", opened_at=utcnow(), customer_id=ctx["cid"],
        disposition="question_answered", notes="kettle")),
    Action.PLACE_ORDER: lambda svc, ctx: svc.place_order(_draft(ctx["retail"], ctx["cid"]),
                                                         key=f"draft-{svc.seat.role}", now=NOW),
    Action.CANCEL_ORDER: lambda svc, ctx: svc.cancel_order(ctx["order_no"], "お客様のご都合"),
    Action.KIOSK_LOOKUP: lambda svc, ctx: svc.find_kiosk_customer("03-1234-5678", ctx["shop"]),
    Action.READ_KPI: lambda svc, ctx: svc.kpi_rows(DAY, DAY),
    Action.READ_AUDIT: lambda svc, ctx: svc.audit_search(),
}
# More entry points behind the same rights.
MORE_CALLS = {
    Action.OPEN_CUSTOMER: [lambda svc, ctx: svc.pop_for_caller("0312345678", "c-1"),
                           lambda svc, ctx: svc.record_open(ctx["cid"], None),
                           lambda svc, ctx: svc.customer_story(ctx["cid"])],
    Action.SEARCH_CUSTOMERS: [lambda svc, ctx: svc.find_customers("山田")],
    Action.READ_PURCHASES: [lambda svc, ctx: svc.order_timeline(ctx["order_no"])],
    Action.WRITE_CUSTOMER: [lambda svc, ctx: svc.create_customer_from_call("佐藤 花子", "", "0311112222")],
    Action.READ_KPI: [lambda svc, ctx: svc.journey(DAY, DAY), lambda svc, ctx: svc.asked_out_of_stock(DAY, DAY),
                      lambda svc, ctx: svc.calls_per_quarter_hour(DAY)],
}


@pytest.fixture(autouse=True)
def desk_7():
    """This process's desk, as the app sets it from the settings at start."""
    before = this_desk()
    yield use_desk("desk-7")
    use_desk(before)


def seat(role: Role) -> Seat:
    return Seat(f"{role}-person", role, this_desk())


def test_the_table_at_a_glance():
    assert allowed(Role.OPERATOR) == {Action.OPEN_CUSTOMER, Action.SEARCH_CUSTOMERS, Action.READ_PURCHASES,
                                      Action.READ_INQUIRIES, Action.WRITE_CUSTOMER, Action.WRITE_WRAPUP,
                                      Action.PLACE_ORDER, Action.CANCEL_ORDER}
    # A supervisor steps in on calls: an operator's rights, the KPIs and the audit log.
    assert allowed(Role.SUPERVISOR) == allowed(Role.OPERATOR) | {Action.READ_KPI, Action.READ_AUDIT}
    # The kiosk: no customer's record, history or inquiries; a masked member and an order.
    assert allowed(Role.KIOSK) == {Action.KIOSK_LOOKUP, Action.PLACE_ORDER}
    assert set(CALLS) == set(Action) == set(ACTION_LABELS)


def test_refused_before_the_store_is_asked(tmp_path):
    """A store without a schema: any query would fail with a database error, not this."""
    bare = Store(f"sqlite:///{tmp_path / 'no-schema.sqlite3'}")
    ctx = {"cid": 1, "retail": None, "shop": None, "order_no": "CC-20261130-000001"}
    refused = 0
    try:
        for role in Role:
            svc = SeatServices(bare, seat(role))
            for action in Action:
                if may(role, action):
                    continue
                for call in [CALLS[action], *MORE_CALLS.get(action, [])]:
                    with pytest.raises(AccessDenied) as denied:
                        call(svc, ctx)
                    assert (denied.value.role, denied.value.action) == (role, action)
                    refused += 1
    finally:
        bare.dispose()
    assert refused == 25
    with pytest.raises(AccessDenied, match="The Kiosk role does not allow reading the purchase history"):
        require(seat(Role.KIOSK), Action.READ_PURCHASES)


def _context(store) -> dict:
    r = add_retail(store)
    return {"cid": r.customer_id, "retail": r, "shop": kiosk_shop(store, "S-SHIBUYA")}


def _audit_rows(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


@pytest.mark.parametrize("role", list(Role))
def test_each_role_does_what_the_table_gives_it_and_nothing_else(store, role):
    ctx = _context(store)
    ctx["order_no"] = place_order(store, _draft(ctx["retail"], ctx["cid"]), now=NOW).order_no
    svc = SeatServices(store, seat(role))
    for action in Action:
        calls = [CALLS[action], *MORE_CALLS.get(action, [])]
        if may(role, action):
            for call in calls:
                call(svc, ctx)  # no exception: served
            continue
        before = _audit_rows(store)
        for call in calls:
            with pytest.raises(AccessDenied):
                call(svc, ctx)
        assert _audit_rows(store) == before  # a refusal writes nothing, not even an audit row


def test_what_a_seat_writes_carries_its_person_and_desk(store):
    ctx = _context(store)
    svc = SeatServices(store, Seat("sato", Role.OPERATOR, "desk-7"))
    svc.open_customer(ctx["cid"], "call-9")
    svc.pop_for_caller("03-1234-5678", "call-10")
    svc.attach_number(ctx["cid"], "090-1111-2222", "call-10")
    svc.save_wrapup(WrapUp(call_id="call-10", operator="sato", opened_at=utcnow(), customer_id=ctx["cid"],
                           disposition="question_answered"), during_call="call-10")
    placed = svc.place_order(_draft(ctx["retail"], ctx["cid"]), key="d-1", now=NOW)
    svc.cancel_order(placed.order_no, "住所の誤り")
    kiosk = SeatServices(store, Seat("kiosk:S-SHIBUYA", Role.KIOSK, "desk-7"))
    kiosk.find_kiosk_customer("03-1234-5678", ctx["shop"])
    with store.session() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.desk, AuditEntry.action, AuditEntry.call_id)
                         .order_by(AuditEntry.id)).all()
    assert [r.action for r in rows] == ["customer.open", "customer.open", "customer.attach_phone",
                                        "inquiry.save", "order.place", "order.cancel", "kiosk.customer_lookup"]
    assert {r.desk for r in rows} == {"desk-7"}
    assert [r.actor for r in rows] == ["sato"] * 4 + [rows[4].actor, "sato", "kiosk:S-SHIBUYA"]
    assert [r.call_id for r in rows[:4]] == ["call-9", "call-10", "call-10", "call-10"]
