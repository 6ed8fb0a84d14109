"""What calls bring: the KPIs of the customer journey (CONTRACT.md "`cti-desk kpi`").

Dates are local Japan dates (fixed +09:00: Japan keeps no daylight saving time), ranges
inclusive. The call log (`call_log`) says which calls came in; an order counts for the
call it was placed in (`delivery_orders.call_id`), else for the call of the inquiry it
belongs to (the inquiry's own call id, else its first call entry). Each query reads the
calls of the range through the index on `call_log.rang_at` and is added up here, the same
on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import String, and_, case, cast, distinct, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from cti_desk.domain.errors import BadArgument
from cti_desk.store.db import Store
from cti_desk.store.models import (
    CallLogEntry,
    ChannelIdentity,
    Customer,
    DeliveryOrder,
    Inquiry,
    InquiryEntry,
    Product,
    Purchase,
    StockLookup,
)

JST = timedelta(hours=9)
GROUPINGS = ("day", "week", "month", "segment", "channel")
SEGMENTS = ("prospect", "first_time", "loyal", "unknown")
CHANNELS = ("store", "ec", "app", "line", "call_center", "unknown")
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class KpiRow:
    """One group's figures, with exactly the contract's keys in its order."""

    group: str
    calls: int
    answered: int
    missed: int
    customers: int
    orders: int
    order_value: int
    conversion: float | None
    first_time_buyers: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class JourneyRow:
    """Customers of one entry channel who moved along the journey in one month."""

    month: str  # 2026-11
    channel: str  # the channel of the customer's first identity
    prospects: int  # became known (customer created) that month
    to_first_time: int  # made their first purchase ever that month
    to_loyal: int  # made their second purchase ever that month

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AskedProduct:
    product_id: int
    sku: str
    name: str
    asked: int  # calls (and kiosk lookups) that looked its stock up
    out_of_stock: int  # of them, with none available in shops of the asker's prefecture then


def utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Local dates start..end (inclusive) -> [from, to) as naive UTC, as the store keeps times."""
    if end < start:
        raise BadArgument(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    return datetime.combine(start, datetime.min.time()) - JST, datetime.combine(end + timedelta(days=1),
                                                                                  datetime.min.time()) - JST


def local_date(utc: datetime) -> date:
    return (utc + JST).date()


def _period(by: str, day: date) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def _periods(by: str, start: date, end: date) -> list[str]:
    seen: dict[str, None] = {}
    day = start
    while day <= end:
        seen.setdefault(_period(by, day))
        day += timedelta(days=1)
    return list(seen)


def _first_identity_channel(customer_id):
    """The channel the customer first came from (their first identity), as a subquery."""
    return (
        select(ChannelIdentity.channel)
        .where(ChannelIdentity.customer_id == customer_id)
        .order_by(ChannelIdentity.id)
        .limit(1)
        .scalar_subquery()
    )


def _order_call_id():
    """The call an order counts for: its own call, else its inquiry's (first) call."""
    first_entry_call = (
        select(InquiryEntry.call_id)
        .where(InquiryEntry.inquiry_id == DeliveryOrder.inquiry_id, InquiryEntry.call_id.is_not(None))
        .order_by(InquiryEntry.started_at, InquiryEntry.id)
        .limit(1)
        .scalar_subquery()
    )
    inquiry_call = select(Inquiry.call_id).where(Inquiry.id == DeliveryOrder.inquiry_id).scalar_subquery()
    return func.coalesce(DeliveryOrder.call_id, inquiry_call, first_entry_call)


def kpi_rows(store: Store, start: date, end: date, by: str = "day") -> list[KpiRow]:
    """The contract's rows for calls that rang from `start` to `end` (local dates, inclusive).

    Time groupings give a row for every period of the range (zeros included); `segment`
    and `channel` a row for every segment / channel and `unknown` (calls with no single
    customer), in the contract's order.
    """
    if by not in GROUPINGS:
        raise BadArgument(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    lo, hi = utc_bounds(start, end)
    with store.session() as s:
        calls = _calls(s, lo, hi, by)
        orders = _orders(s, lo, hi, by)
    return _rows(by, start, end, calls, orders)


def _group_of(by: str, rang_at: datetime, segment: str | None, channel: str | None,
              customer_id: int | None) -> str:
    if by == "segment":
        return (segment or UNKNOWN) if customer_id is not None else UNKNOWN
    if by == "channel":
        return (channel or UNKNOWN) if customer_id is not None else UNKNOWN
    return _period(by, local_date(rang_at))


def _channel_column(by: str):
    """The caller's entry channel, asked only when grouping by it."""
    if by == "channel":
        return _first_identity_channel(CallLogEntry.customer_id)
    return literal(None, String)


def _calls(s: Session, lo: datetime, hi: datetime, by: str) -> list[tuple[str, bool, bool, int | None]]:
    """(group, answered, missed, customer id) per call of the range."""
    stmt = select(CallLogEntry.rang_at, CallLogEntry.answered_at, CallLogEntry.state,
                  CallLogEntry.customer_id, CallLogEntry.segment, _channel_column(by))
    stmt = stmt.where(CallLogEntry.rang_at >= lo, CallLogEntry.rang_at < hi)
    out = []
    for rang_at, answered_at, state, customer_id, segment, chan in s.execute(stmt):
        group = _group_of(by, rang_at, segment, chan, customer_id)
        out.append((group, answered_at is not None or state in ("answered", "ended"), state == "missed",
                    customer_id))
    return out


def _orders(s: Session, lo: datetime, hi: datetime, by: str) -> list[tuple[str, int, int, bool]]:
    """(group of its call, total, customer id, first purchase ever) per order from a call."""
    call_id = _order_call_id().label("call_id")
    orders = select(DeliveryOrder.id, DeliveryOrder.total, DeliveryOrder.customer_id,
                    DeliveryOrder.purchase_id, call_id).subquery()
    earlier = aliased(Purchase)
    first_purchase = ~(
        select(earlier.id)
        .where(earlier.customer_id == Purchase.customer_id,
               or_(earlier.purchased_at < Purchase.purchased_at,
                   and_(earlier.purchased_at == Purchase.purchased_at, earlier.id < Purchase.id)))
        .exists()
    )
    stmt = (
        select(CallLogEntry.rang_at, CallLogEntry.segment, CallLogEntry.customer_id, _channel_column(by),
               orders.c.total, orders.c.customer_id,
               first_purchase.label("first"), Purchase.id)
        .select_from(orders)
        .join(CallLogEntry, CallLogEntry.call_id == orders.c.call_id)
        .outerjoin(Purchase, Purchase.id == orders.c.purchase_id)
        .where(CallLogEntry.rang_at >= lo, CallLogEntry.rang_at < hi)
    )
    out = []
    for rang_at, segment, caller, chan, total, customer_id, is_first, purchase_id in s.execute(stmt):
        group = _group_of(by, rang_at, segment, chan, caller)
        out.append((group, int(total or 0), customer_id, bool(is_first) and purchase_id is not None))
    return out


def _rows(by: str, start: date, end: date, calls: Iterable[tuple], orders: Iterable[tuple]) -> list[KpiRow]:
    groups = {"segment": SEGMENTS, "channel": CHANNELS}.get(by) or _periods(by, start, end)
    n_calls: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    callers: dict[str, set[int]] = defaultdict(set)
    for group, was_answered, was_missed, customer_id in calls:
        n_calls[group] += 1
        answered[group] += was_answered
        missed[group] += was_missed
        if customer_id is not None:
            callers[group].add(customer_id)
    n_orders: Counter[str] = Counter()
    value: Counter[str] = Counter()
    buyers: dict[str, set[int]] = defaultdict(set)
    for group, total, customer_id, first in orders:
        n_orders[group] += 1
        value[group] += total
        if first:
            buyers[group].add(customer_id)
    return [
        KpiRow(group=g, calls=n_calls[g], answered=answered[g], missed=missed[g],
               customers=len(callers[g]), orders=n_orders[g], order_value=value[g],
               conversion=round(n_orders[g] / answered[g], 3) if answered[g] else None,
               first_time_buyers=len(buyers[g]))
        for g in groups
    ]


def calls_per_quarter_hour(store: Store, day: date) -> list[int]:
    """Incoming calls of one local day in 96 quarter hours (00:00-00:15 first)."""
    lo, hi = utc_bounds(day, day)
    counts = [0] * 96
    with store.session() as s:
        for (rang_at,) in s.execute(select(CallLogEntry.rang_at).where(CallLogEntry.rang_at >= lo,
                                                                        CallLogEntry.rang_at < hi)):
            minutes = int((rang_at - lo).total_seconds() // 60)
            counts[min(95, minutes // 15)] += 1
    return counts


def journey(store: Store, start: date, end: date) -> list[JourneyRow]:
    """Per month of the range and entry channel: customers who became known, made their
    first purchase ever, made their second (prospect -> first_time -> loyal).

    Two queries whose cost follows the range, not the store: the buyers of the range with
    their first two purchases and entry channel (_first_two_purchases), and the customers
    created in the range (index on created_at) with theirs.
    """
    lo, hi = utc_bounds(start, end)
    moves: list[tuple[str | None, datetime, int]] = []  # (entry channel, when, 0 known | 1 first | 2 second)
    with store.session() as s:
        for channel, first, second in s.execute(_first_two_purchases(lo, hi)):
            moves += [(channel, at, n) for n, at in ((1, first), (2, second)) if at is not None and lo <= at < hi]
        new = s.execute(select(_first_identity_channel(Customer.id), Customer.created_at)
                        .where(Customer.created_at >= lo, Customer.created_at < hi))
        moves += [(channel, at, 0) for channel, at in new]
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for channel, at, n in moves:
        counts[_period("month", local_date(at)), channel or UNKNOWN][n] += 1
    order = {c: i for i, c in enumerate(CHANNELS)}
    return [
        JourneyRow(month=m, channel=c, prospects=v[0], to_first_time=v[1], to_loyal=v[2])
        for (m, c), v in sorted(counts.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99)))
    ]


def _first_two_purchases(lo: datetime, hi: datetime):
    """(entry channel, first purchase ever, second) of each customer who bought in [lo, hi)
    and had not bought twice before lo: those were loyal already and nothing of theirs moves.

    Most buyers of a month are such regulars; one short index read each (the second
    purchase before lo, ix_purchases_customer_time, covering on both databases) leaves
    them out before the costlier reads. Buyers come in customer order so that these reads
    are neighbours in the index (halves the time on a cold or big store).
    """
    buyers = (select(Purchase.customer_id)
              .where(Purchase.purchased_at >= lo, Purchase.purchased_at < hi)
              .group_by(Purchase.customer_id).order_by(Purchase.customer_id).subquery())
    earlier = aliased(Purchase)
    of_buyer = earlier.customer_id == buyers.c.customer_id
    bought_twice_before = (select(earlier.purchased_at).where(of_buyer, earlier.purchased_at < lo)
                           .order_by(earlier.purchased_at).limit(1).offset(1).scalar_subquery())

    def nth(n: int):
        return (select(earlier.purchased_at).where(of_buyer)
                .order_by(earlier.purchased_at, earlier.id).limit(1).offset(n).scalar_subquery())

    return (select(_first_identity_channel(buyers.c.customer_id), nth(0), nth(1)).select_from(buyers)
            .where(bought_twice_before.is_(None)))


def asked_out_of_stock(store: Store, start: date, end: date, limit: int = 20) -> list[AskedProduct]:
    """Products most asked for while none was available where the asker was: out of stock
    first, then the most asked.

    Counted from the stock lookups made during calls (the caller's prefecture) and at
    shop kiosks (the shop's), each with what shops of that prefecture had available at
    that moment (services/stock_lookups). One call looking a product up twice is one ask.
    A lookup for a caller of unknown prefecture is asked, never "out of stock near them".
    """
    lo, hi = utc_bounds(start, end)
    ask = func.coalesce(StockLookup.call_id, "#" + cast(StockLookup.id, String))
    short = and_(StockLookup.available_near == 0, StockLookup.prefecture != "")
    asked = func.count(distinct(ask))
    out = func.count(distinct(case((short, ask))))
    with store.session() as s:
        rows = s.execute(
            select(StockLookup.product_id, Product.sku, Product.name, asked, out)
            .join(Product, Product.id == StockLookup.product_id)
            .where(StockLookup.at >= lo, StockLookup.at < hi)
            .group_by(StockLookup.product_id, Product.sku, Product.name)
            .order_by(out.desc(), asked.desc(), StockLookup.product_id)
            .limit(limit)
        ).all()
    return [AskedProduct(pid, sku, name, n, n_out) for pid, sku, name, n, n_out in rows]
