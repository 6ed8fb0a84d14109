"""A small store with known calls and orders, whose KPIs are worked out by hand in
tests/store/test_kpi.py. Times are written in Japan time and stored as naive UTC.

    customer A: first identity store (then ec)   no purchase before its calls
    customer B: first identity ec                one purchase in September
    customer C: first identity line (then store) two purchases in August

    call  JST                 caller  segment     state     orders (how they reach it)
    A3    10-31 09:00         A       prospect    ended     -
    A1    10-31 10:00         A       prospect    ended     O1 5000 (call id; A's first purchase)
    W1    10-31 12:00         -       -           missed    -      (withheld)
    B1    11-01 23:50         B       first_time  ended     O2 3000 (inquiry's call id)
    B2    11-02 00:10         B       first_time  missed    -
    C1    11-02 11:00         C       loyal       ended     O3 1000 (call id), O4 2000 (inquiry entry)
    A2    11-02 15:00         A       first_time  ended     -
    X1    10-30 23:59         C       loyal       ended     O5 9999 (outside the range)
    X2    11-03 00:00         B       first_time  missed    -      (outside the range)
    O6    11-05, A, no call, no inquiry: never counted
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from cti_desk.store.db import Store
from cti_desk.store.models import (
    CallLogEntry,
    ChannelIdentity,
    DeliveryOrder,
    Inquiry,
    InquiryEntry,
    Purchase,
)
from tests.factories import add_customer

FROM, TO = date(2026, 10, 31), date(2026, 11, 2)


def jst(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute) - timedelta(hours=9)


def build(store: Store) -> dict[str, int]:
    a = add_customer(store, name="山田 太郎", phones=("03-1111-1111",), channel="store")
    b = add_customer(store, name="佐藤 花子", phones=("03-2222-2222",), channel="ec")
    c = add_customer(store, name="鈴木 一郎", phones=("03-3333-3333",), channel="line")
    with store.transaction() as s:
        s.add_all([ChannelIdentity(customer_id=a, channel="ec", external_id="A-ec"),
                   ChannelIdentity(customer_id=c, channel="store", external_id="C-store")])
        s.add_all([Purchase(order_no="R-B1", channel="store", customer_id=b, purchased_at=jst(9, 1, 12), total=800),
                   Purchase(order_no="R-C1", channel="store", customer_id=c, purchased_at=jst(8, 1, 12), total=700),
                   Purchase(order_no="R-C2", channel="store", customer_id=c, purchased_at=jst(8, 2, 12), total=600)])

        def call(call_id, customer, segment, rang, answered=True):
            s.add(CallLogEntry(call_id=call_id, customer_id=customer, segment=segment,
                               raw_number=None if customer is None else "0300000000",
                               state="ended" if answered else "missed", rang_at=rang,
                               answered_at=rang + timedelta(seconds=12) if answered else None,
                               ended_at=rang + timedelta(minutes=4)))

        call("A3", a, "prospect", jst(10, 31, 9))
        call("A1", a, "prospect", jst(10, 31, 10))
        call("W1", None, None, jst(10, 31, 12), answered=False)
        call("B1", b, "first_time", jst(11, 1, 23, 50))
        call("B2", b, "first_time", jst(11, 2, 0, 10), answered=False)
        call("C1", c, "loyal", jst(11, 2, 11))
        call("A2", a, "first_time", jst(11, 2, 15))
        call("X1", c, "loyal", jst(10, 30, 23, 59))
        call("X2", b, "first_time", jst(11, 3, 0, 0), answered=False)

        inquiry_b1 = Inquiry(customer_id=b, channel="call_center", call_id="B1", opened_at=jst(11, 1, 23, 50))
        inquiry_c1 = Inquiry(customer_id=c, channel="call_center", call_id=None, opened_at=jst(11, 2, 11))
        s.add_all([inquiry_b1, inquiry_c1])
        s.flush()
        s.add(InquiryEntry(inquiry_id=inquiry_c1.id, call_id="C1", channel="call_center",
                           started_at=jst(11, 2, 11), written_at=jst(11, 2, 11, 5)))

        def order(no, customer, total, at, call_id=None, inquiry_id=None):
            p = Purchase(order_no=no, channel="call_center", customer_id=customer, purchased_at=at,
                         total=total, status="pending_delivery")
            s.add(p)
            s.flush()
            s.add(DeliveryOrder(order_no=no, customer_id=customer, inquiry_id=inquiry_id, purchase_id=p.id,
                                call_id=call_id, recipient="宛先", postal_code="1500001", prefecture="東京都",
                                city="渋谷区", line1="神宮前1-1-1", delivery_date=at.date() + timedelta(days=3),
                                slot="am", payment="cod", total=total, created_at=at))

        order("O1", a, 5000, jst(10, 31, 10, 5), call_id="A1")
        order("O2", b, 3000, jst(11, 1, 23, 58), inquiry_id=inquiry_b1.id)
        order("O3", c, 1000, jst(11, 2, 11, 5), call_id="C1")
        order("O4", c, 2000, jst(11, 2, 11, 6), inquiry_id=inquiry_c1.id)
        order("O5", c, 9999, jst(10, 31, 0, 5), call_id="X1")
        order("O6", a, 7000, jst(11, 5, 12))
    return {"a": a, "b": b, "c": c}


def row(group, calls, answered, missed, customers, orders, value, conversion, first_time_buyers):
    return {"group": group, "calls": calls, "answered": answered, "missed": missed,
            "customers": customers, "orders": orders, "order_value": value, "conversion": conversion,
            "first_time_buyers": first_time_buyers}


# The hand-worked rows, per --by.
EXPECTED = {
    "day": [
        row("2026-10-31", 3, 2, 1, 1, 1, 5000, 0.5, 1),
        row("2026-11-01", 1, 1, 0, 1, 1, 3000, 1.0, 0),
        row("2026-11-02", 3, 2, 1, 3, 2, 3000, 1.0, 0),
    ],
    "week": [
        row("2026-W44", 4, 3, 1, 2, 2, 8000, 0.667, 1),
        row("2026-W45", 3, 2, 1, 3, 2, 3000, 1.0, 0),
    ],
    "month": [
        row("2026-10", 3, 2, 1, 1, 1, 5000, 0.5, 1),
        row("2026-11", 4, 3, 1, 3, 3, 6000, 1.0, 0),
    ],
    "segment": [
        row("prospect", 2, 2, 0, 1, 1, 5000, 0.5, 1),
        row("first_time", 3, 2, 1, 2, 1, 3000, 0.5, 0),
        row("loyal", 1, 1, 0, 1, 2, 3000, 2.0, 0),
        row("unknown", 1, 0, 1, 0, 0, 0, None, 0),
    ],
    "channel": [
        row("store", 3, 3, 0, 1, 1, 5000, 0.333, 1),
        row("ec", 2, 1, 1, 1, 1, 3000, 1.0, 0),
        row("app", 0, 0, 0, 0, 0, 0, None, 0),
        row("line", 1, 1, 0, 1, 2, 3000, 2.0, 0),
        row("call_center", 0, 0, 0, 0, 0, 0, None, 0),
        row("unknown", 1, 0, 1, 0, 0, 0, None, 0),
    ],
}
