"""The journey (services/kpi.py `journey`) at its edges, worked out by hand, on SQLite and
PostgreSQL: who had bought twice before the range moves no more, ties in purchase time,
the range's first and last instant in Japan time, months in Japan time, customers with no
identity, prospects created at the range's edges."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from cti_desk.services.kpi import journey
from cti_desk.store.models import ChannelIdentity, Customer, Purchase

FROM, TO = date(2026, 10, 1), date(2026, 11, 30)
LONG_AGO = datetime(2026, 1, 1)


def jst(month: int, day: int, hour: int = 12, minute: int = 0, second: int = 0) -> datetime:
    """Japan time -> naive UTC, as the store keeps times."""
    return datetime(2026, month, day, hour, minute, second) - timedelta(hours=9)


def add(s, key: str, channels: tuple[str, ...], purchases: tuple[datetime, ...],
        created_at: datetime = LONG_AGO) -> None:
    customer = Customer(name=f"顧客 {key}", created_at=created_at)
    s.add(customer)
    s.flush()
    for channel in channels:  # the first is the entry channel
        s.add(ChannelIdentity(customer_id=customer.id, channel=channel, external_id=f"{key}-{channel}"))
        s.flush()
    for i, at in enumerate(purchases):
        s.add(Purchase(order_no=f"{key}{i}", channel="store", customer_id=customer.id, purchased_at=at, total=1000))


def test_journey_edges_are_the_hand_worked_ones(store):
    with store.transaction() as s:
        add(s, "E", ("store",), (jst(8, 1), jst(8, 2), jst(10, 10)))  # loyal before: nothing
        add(s, "F", ("ec",), (jst(9, 1), jst(10, 5)))  # second purchase in October
        add(s, "G", ("app",), (jst(10, 3), jst(11, 4)))  # first in October, second in November
        add(s, "H", ("line",), (jst(11, 10), jst(11, 10)))  # both at once: first and second
        # First at the range's first instant; second at the instant after its last one.
        add(s, "I", ("store", "ec"), (jst(10, 1, 0), jst(12, 1, 0)))
        add(s, "J", (), (jst(10, 21),), created_at=jst(10, 20))  # no identity, new in October
        # Twice before the range at the same second (a tie), once in it: nothing.
        add(s, "L", ("call_center",), (jst(9, 30, 23, 59), jst(9, 30, 23, 59), jst(10, 2)))
        add(s, "M", ("call_center",), (jst(11, 1, 0, 30),))  # 10-31 15:30 UTC: November in Japan
        add(s, "N", ("app",), (), created_at=jst(10, 1, 0))  # known at the range's first instant
        add(s, "O", ("app",), (), created_at=jst(12, 1, 0))  # and after its last one
        add(s, "P", ("app",), (), created_at=jst(9, 30, 23, 59, 59))
    rows = [r.as_dict() for r in journey(store, FROM, TO)]
    assert rows == [
        {"month": "2026-10", "channel": "store", "prospects": 0, "to_first_time": 1, "to_loyal": 0},  # I
        {"month": "2026-10", "channel": "ec", "prospects": 0, "to_first_time": 0, "to_loyal": 1},  # F
        {"month": "2026-10", "channel": "app", "prospects": 1, "to_first_time": 1, "to_loyal": 0},  # N, G
        {"month": "2026-10", "channel": "unknown", "prospects": 1, "to_first_time": 1, "to_loyal": 0},  # J
        {"month": "2026-11", "channel": "app", "prospects": 0, "to_first_time": 0, "to_loyal": 1},  # G
        {"month": "2026-11", "channel": "line", "prospects": 0, "to_first_time": 1, "to_loyal": 1},  # H
        {"month": "2026-11", "channel": "call_center", "prospects": 0, "to_first_time": 1, "to_loyal": 0},  # M
    ]
    # December: I's second purchase (the instant after the range above), O known.
    assert [r.as_dict() for r in journey(store, date(2026, 12, 1), date(2026, 12, 31))] == [
        {"month": "2026-12", "channel": "store", "prospects": 0, "to_first_time": 0, "to_loyal": 1},  # I
        {"month": "2026-12", "channel": "app", "prospects": 1, "to_first_time": 0, "to_loyal": 0},  # O
    ]
